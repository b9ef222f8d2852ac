package vn.childguard.people.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.childguard.organisation.ReferenceLists;
import vn.childguard.people.InvalidPersonException;
import vn.childguard.people.PersonCandidate;
import vn.childguard.people.PersonQuery;
import vn.childguard.people.internal.PeopleService;

/**
 * The register's pages: search-before-create ({@code /people/new}: search first, then link an
 * existing person or create with one click; plain POSTs, no JavaScript needed), the candidates
 * fragment other forms embed ({@code /people/candidates}), and the person page with documents,
 * relationships, photo and merge history.
 */
@Controller
@PreAuthorize("hasAnyRole('INTAKE_OPERATOR', 'CASE_WORKER', 'CASE_SUPERVISOR')")
class PeopleController {

    static final int CANDIDATES = 10;

    private final PeopleService people;
    private final ReferenceLists lists;

    PeopleController(PeopleService people, ReferenceLists lists) {
        this.people = people;
        this.lists = lists;
    }

    @GetMapping("/people/new")
    @PreAuthorize("hasAnyRole('INTAKE_OPERATOR', 'CASE_WORKER')")
    String newPerson(Model model, Locale locale) {
        model.addAttribute("form", new PersonForm());
        return form(model, Map.of(), null, locale);
    }

    @PostMapping("/people/new")
    @PreAuthorize("hasAnyRole('INTAKE_OPERATOR', 'CASE_WORKER')")
    String searchOrCreate(@ModelAttribute("form") PersonForm form, @RequestParam(defaultValue = "search") String action,
                          Model model, RedirectAttributes redirect, Locale locale) {
        if ("create".equals(action)) {
            try {
                long id = people.register(form.toNewPerson());
                redirect.addFlashAttribute("flash", "people.created");
                return "redirect:/people/" + id;
            } catch (InvalidPersonException e) {
                return form(model, e.errors(), search(form), locale);
            }
        }
        try {
            return form(model, Map.of(), people.candidates(form.toQuery(), CANDIDATES), locale);
        } catch (InvalidPersonException e) {
            return form(model, e.errors(), null, locale);
        }
    }

    private List<PersonCandidate> search(PersonForm form) {
        try {
            return people.candidates(form.toQuery(), CANDIDATES);
        } catch (InvalidPersonException e) {
            return null;
        }
    }

    private String form(Model model, Map<String, String> errors, List<PersonCandidate> candidates, Locale locale) {
        model.addAttribute("errors", errors);
        model.addAttribute("candidates", candidates);
        model.addAttribute("documentKinds", lists.items("document_kind"));
        model.addAttribute("ethnicities", lists.items("ethnicity"));
        return "people/new";
    }

    /**
     * Candidates as an HTML fragment, for forms that embed search-before-create (htmx or a normal
     * round trip): {@code select} names the radio input that picks a person in the embedding form.
     */
    @GetMapping("/people/candidates")
    @PreAuthorize("hasAnyRole('INTAKE_OPERATOR', 'CASE_WORKER')")
    String candidates(@RequestParam(required = false) String name, @RequestParam(required = false) String birthDate,
                      @RequestParam(required = false) String sex, @RequestParam(required = false) List<String> document,
                      @RequestParam(required = false) String select, Model model) {
        try {
            model.addAttribute("candidates", people.candidates(new PersonQuery(name, birthDate, sex, document),
                    CANDIDATES));
            model.addAttribute("errors", Map.of());
        } catch (InvalidPersonException e) {
            model.addAttribute("candidates", List.of());
            model.addAttribute("errors", e.errors());
        }
        model.addAttribute("select", select == null || select.isBlank() ? null : select);
        return "people/fragments :: candidatesResponse";
    }

    @GetMapping("/people/{id}")
    String person(@PathVariable long id, Model model) {
        model.addAttribute("person", people.details(id));
        model.addAttribute("relationshipKinds", lists.items("relationship_kind"));
        return "people/person";
    }

    @GetMapping("/people/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        PeopleService.Photo photo = people.photo(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.content());
    }

    @PostMapping("/people/{id}/photo")
    String uploadPhoto(@PathVariable long id, @RequestParam(required = false) MultipartFile photo,
                       RedirectAttributes redirect) throws IOException {
        try {
            people.uploadPhoto(id, photo == null ? null : photo.getBytes());
            redirect.addFlashAttribute("flash", "people.photo.saved");
        } catch (InvalidPersonException e) {
            redirect.addFlashAttribute("photoError", e.errors().get("photo"));
        }
        return "redirect:/people/" + id + "#photo";
    }

    @PostMapping("/people/{id}/relationships")
    String relate(@PathVariable long id, @RequestParam(required = false) String otherPersonId,
                  @RequestParam(required = false) String kind, RedirectAttributes redirect) {
        try {
            long other;
            try {
                other = Long.parseLong(otherPersonId == null ? "" : otherPersonId.strip().replace("#", ""));
            } catch (NumberFormatException e) {
                throw new InvalidPersonException("otherPersonId", "people.error.relationship.other");
            }
            people.addRelationship(id, other, kind);
            redirect.addFlashAttribute("flash", "people.relationship.saved");
        } catch (InvalidPersonException e) {
            redirect.addFlashAttribute("relationshipErrors", e.errors());
        }
        return "redirect:/people/" + id + "#relationships";
    }

    @PostMapping("/people/{id}/relationships/{relationshipId}/delete")
    String unrelate(@PathVariable long id, @PathVariable long relationshipId, RedirectAttributes redirect) {
        people.removeRelationship(id, relationshipId);
        redirect.addFlashAttribute("flash", "people.relationship.removed");
        return "redirect:/people/" + id + "#relationships";
    }
}
