package vn.childguard.privacy.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.privacy.internal.BreachNotice;
import vn.childguard.privacy.internal.Breaches;
import vn.childguard.privacy.internal.DataSubjectRequests;
import vn.childguard.privacy.internal.PrivacyException;
import vn.childguard.privacy.internal.PrivacyPolicy;
import vn.childguard.privacy.internal.RequestKind;

/**
 * Privacy pages: the register of data-subject requests (record, assign, verify identity, first answer,
 * answer, export of the person's data) and the breach register (record, assess, notify, the notification
 * as DOCX). Administrators act; auditors read.
 */
@Controller
class PrivacyController {

    static final String READ = "hasAnyRole('SYSTEM_ADMIN', 'AUDITOR')";
    static final String MANAGE = "hasRole('SYSTEM_ADMIN')";
    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final DataSubjectRequests requests;
    private final Breaches breaches;
    private final BreachNotice notice;
    private final PrivacyPolicy policy;

    PrivacyController(DataSubjectRequests requests, Breaches breaches, BreachNotice notice, PrivacyPolicy policy) {
        this.requests = requests;
        this.breaches = breaches;
        this.notice = notice;
        this.policy = policy;
    }

    @org.springframework.web.bind.annotation.ModelAttribute("zone")
    java.time.ZoneId zone() {
        return vn.childguard.privacy.internal.ClockStatus.VIETNAM;
    }

    @ExceptionHandler(NoSuchElementException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "error/404";
    }

    // ---- data-subject requests -------------------------------------------------------------------

    @GetMapping("/privacy/requests")
    @PreAuthorize(READ)
    String requests(CurrentUser user, Model model) {
        model.addAttribute("requests", requests.list(user));
        model.addAttribute("mayManage", policy.mayManage(user));
        return "privacy/requests";
    }

    @GetMapping("/privacy/requests/new")
    @PreAuthorize(MANAGE)
    String newRequest(Model model) {
        return requestForm(model, Map.of(), Map.of());
    }

    @PostMapping("/privacy/requests")
    @PreAuthorize(MANAGE)
    String createRequest(@RequestParam MultiValueMap<String, String> p, CurrentUser user, Model model,
                         HttpServletResponse response) {
        try {
            long id = requests.record(user, new DataSubjectRequests.NewRequest(p.getFirst("personId"), p.getFirst("kind"),
                    p.getFirst("channel"), p.getFirst("relation"), p.getFirst("requesterName"),
                    p.getFirst("requesterContact"), p.getFirst("details"), p.getFirst("identityMethod"),
                    "true".equals(p.getFirst("identityVerified")), p.getFirst("receivedOn")));
            return "redirect:/privacy/requests/" + id;
        } catch (PrivacyException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return requestForm(model, e.errors(), p.toSingleValueMap());
        }
    }

    private String requestForm(Model model, Map<String, String> errors, Map<String, ?> form) {
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("kinds", RequestKind.values());
        model.addAttribute("channels", sorted(DataSubjectRequests.CHANNELS));
        model.addAttribute("relations", sorted(DataSubjectRequests.RELATIONS));
        model.addAttribute("identityMethods", sorted(DataSubjectRequests.IDENTITY_METHODS));
        return "privacy/request-new";
    }

    @GetMapping("/privacy/requests/{id}")
    @PreAuthorize(READ)
    String request(@PathVariable long id, CurrentUser user, Model model) {
        return requestPage(id, user, model, Map.of());
    }

    private String requestPage(long id, CurrentUser user, Model model, Map<String, String> errors) {
        DataSubjectRequests.Request r = requests.get(user, id);
        model.addAttribute("r", r);
        model.addAttribute("errors", errors);
        model.addAttribute("mayManage", policy.mayManage(user) && r.open());
        model.addAttribute("officers", policy.mayManage(user) ? requests.officers(user) : List.of());
        model.addAttribute("identityMethods", sorted(DataSubjectRequests.IDENTITY_METHODS).stream()
                .filter(m -> !m.equals("NOT_YET")).toList());
        model.addAttribute("outcomes", sorted(DataSubjectRequests.OUTCOMES));
        model.addAttribute("mayExport", r.open() && r.kind() == RequestKind.ACCESS && r.identityVerified()
                && user.username().equals(r.assignedTo()) && policy.mayManage(user));
        return "privacy/request";
    }

    @PostMapping("/privacy/requests/{id}/assign")
    @PreAuthorize(MANAGE)
    String assign(@PathVariable long id, @RequestParam(required = false) String officer, CurrentUser user, Model model,
                  HttpServletResponse response) {
        return step(id, user, model, response, () -> requests.assign(user, id, officer));
    }

    @PostMapping("/privacy/requests/{id}/verify")
    @PreAuthorize(MANAGE)
    String verify(@PathVariable long id, @RequestParam(required = false) String identityMethod, CurrentUser user,
                  Model model, HttpServletResponse response) {
        return step(id, user, model, response, () -> requests.verify(user, id, identityMethod));
    }

    @PostMapping("/privacy/requests/{id}/acknowledge")
    @PreAuthorize(MANAGE)
    String acknowledge(@PathVariable long id, CurrentUser user, Model model, HttpServletResponse response) {
        return step(id, user, model, response, () -> requests.acknowledge(user, id));
    }

    @PostMapping("/privacy/requests/{id}/answer")
    @PreAuthorize(MANAGE)
    String answer(@PathVariable long id, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String legalBasis,
                  CurrentUser user, Model model, HttpServletResponse response) {
        return step(id, user, model, response, () -> requests.answer(user, id, outcome, reason, legalBasis));
    }

    private String step(long id, CurrentUser user, Model model, HttpServletResponse response, Runnable action) {
        try {
            action.run();
            return "redirect:/privacy/requests/" + id;
        } catch (PrivacyException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return requestPage(id, user, model, e.errors());
        }
    }

    @GetMapping("/privacy/requests/{id}/export")
    @PreAuthorize(MANAGE)
    ResponseEntity<byte[]> export(@PathVariable long id, CurrentUser user) {
        DataSubjectRequests.Export export = requests.export(user, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(export.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(export.content());
    }

    // ---- breaches --------------------------------------------------------------------------------

    @GetMapping("/privacy/breaches")
    @PreAuthorize(READ)
    String breaches(CurrentUser user, Model model) {
        model.addAttribute("breaches", breaches.list(user));
        model.addAttribute("mayManage", policy.mayManage(user));
        return "privacy/breaches";
    }

    @GetMapping("/privacy/breaches/new")
    @PreAuthorize(MANAGE)
    String newBreach(Model model) {
        return breachForm(model, Map.of(), Map.of(), List.of());
    }

    @PostMapping("/privacy/breaches")
    @PreAuthorize(MANAGE)
    String createBreach(@RequestParam MultiValueMap<String, String> p, CurrentUser user, Model model,
                        HttpServletResponse response) {
        List<String> categories = p.getOrDefault("categories", List.of());
        try {
            long id = breaches.record(user, new Breaches.NewBreach(p.getFirst("discoveredAt"), p.getFirst("occurred"),
                    p.getFirst("description"), p.getFirst("dataAffected"), categories, p.getFirst("subjectsCount"),
                    p.getFirst("cause"), p.getFirst("containment")));
            return "redirect:/privacy/breaches/" + id;
        } catch (PrivacyException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return breachForm(model, e.errors(), p.toSingleValueMap(), categories);
        }
    }

    private String breachForm(Model model, Map<String, String> errors, Map<String, ?> form, List<String> chosen) {
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("chosen", chosen);
        model.addAttribute("categories", Breaches.CATEGORIES);
        return "privacy/breach-new";
    }

    @GetMapping("/privacy/breaches/{id}")
    @PreAuthorize(READ)
    String breach(@PathVariable long id, CurrentUser user, Model model) {
        return breachPage(id, user, model, Map.of());
    }

    private String breachPage(long id, CurrentUser user, Model model, Map<String, String> errors) {
        Breaches.Breach b = breaches.get(user, id);
        model.addAttribute("b", b);
        model.addAttribute("errors", errors);
        model.addAttribute("mayManage", policy.mayManage(user) && !b.notified());
        model.addAttribute("mayNotice", policy.mayManage(user));
        model.addAttribute("riskLevels", List.of("LOW", "MEDIUM", "HIGH"));
        return "privacy/breach";
    }

    @PostMapping("/privacy/breaches/{id}/assess")
    @PreAuthorize(MANAGE)
    String assess(@PathVariable long id, @RequestParam MultiValueMap<String, String> p, CurrentUser user, Model model,
                  HttpServletResponse response) {
        return breachStep(id, user, model, response, () -> breaches.assess(user, id, new Breaches.Assessment(
                p.getFirst("riskLevel"), p.getFirst("consequences"), p.getFirst("measures"), p.getFirst("contact"))));
    }

    @PostMapping("/privacy/breaches/{id}/notify")
    @PreAuthorize(MANAGE)
    String notify(@PathVariable long id, @RequestParam(required = false) String lateReason, CurrentUser user,
                  Model model, HttpServletResponse response) {
        return breachStep(id, user, model, response, () -> breaches.notified(user, id, lateReason));
    }

    private String breachStep(long id, CurrentUser user, Model model, HttpServletResponse response, Runnable action) {
        try {
            action.run();
            return "redirect:/privacy/breaches/" + id;
        } catch (PrivacyException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return breachPage(id, user, model, e.errors());
        }
    }

    @GetMapping("/privacy/breaches/{id}/notice.docx")
    @PreAuthorize(MANAGE)
    ResponseEntity<byte[]> noticeDocx(@PathVariable long id, CurrentUser user) {
        byte[] docx;
        try {
            docx = notice.docx(user, id);
        } catch (PrivacyException e) {
            // not assessed yet: the page offers no link until it is
            return ResponseEntity.status(HttpStatus.CONFLICT).build();
        }
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("thong-bao-vi-pham-" + id + ".docx", StandardCharsets.UTF_8).build().toString())
                .body(docx);
    }

    private static List<String> sorted(java.util.Set<String> values) {
        return values.stream().sorted().toList();
    }
}
