package vn.childguard.people.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childguard.people.InvalidPersonException;
import vn.childguard.people.NewPerson;
import vn.childguard.people.PersonCandidate;
import vn.childguard.people.PersonQuery;
import vn.childguard.people.PersonRegister;
import vn.childguard.people.PersonView;

/**
 * The register over the API: search-before-create candidates with scores and reasons, registration
 * (201 with Location) and reading one person (403 and audited when the caller has no stake).
 * Errors are problem+json naming the field ({@code errors.birthDate}).
 */
@RestController
class PersonApiController {

    private final PersonRegister people;

    PersonApiController(PersonRegister people) {
        this.people = people;
    }

    @GetMapping("/api/v1/persons")
    @PreAuthorize("hasAnyRole('INTAKE_OPERATOR', 'CASE_WORKER')")
    List<PersonCandidate> candidates(@RequestParam(required = false) String name,
                                     @RequestParam(required = false) String birthDate,
                                     @RequestParam(required = false) String sex,
                                     @RequestParam(required = false) List<String> document,
                                     @RequestParam(defaultValue = "10") int limit) {
        return people.candidates(new PersonQuery(name, birthDate, sex, document), limit);
    }

    @PostMapping("/api/v1/persons")
    @PreAuthorize("hasAnyRole('INTAKE_OPERATOR', 'CASE_WORKER')")
    ResponseEntity<PersonView> register(@RequestBody(required = false) NewPerson body) {
        if (body == null) {
            throw new InvalidPersonException("fullName", "people.error.fullName.required");
        }
        long id = people.register(body);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id)).body(people.read(id));
    }

    @GetMapping("/api/v1/persons/{id}")
    @PreAuthorize("isAuthenticated()")
    PersonView person(@PathVariable long id) {
        return people.read(id);
    }
}
