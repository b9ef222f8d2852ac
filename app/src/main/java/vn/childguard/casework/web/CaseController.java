package vn.childguard.casework.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.childguard.audit.EmergencyRequestPage;
import vn.childguard.casework.CaseStatus;
import vn.childguard.casework.internal.CaseAction;
import vn.childguard.casework.internal.CaseAttachments;
import vn.childguard.casework.internal.CaseEmergencyAccess;
import vn.childguard.casework.internal.CaseForms;
import vn.childguard.casework.internal.CaseNote;
import vn.childguard.casework.internal.CaseRuleException;
import vn.childguard.casework.internal.CaseSection;
import vn.childguard.casework.internal.CaseView;
import vn.childguard.casework.internal.CaseWorkflow;
import vn.childguard.casework.internal.CaseworkService;
import vn.childguard.casework.internal.Consent;
import vn.childguard.casework.internal.CpCase;
import vn.childguard.casework.internal.Referral;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.ReferenceLists;

/**
 * The case pages: list, opening, the case with its steps, forms, clocks, referrals, consents, notes,
 * attachments and team, and the "action needed" inbox. A failed save shows the page again with the
 * errors next to the fields and in a summary, keeping what was typed.
 */
@Controller
@PreAuthorize("hasAnyRole('CASE_WORKER', 'CASE_SUPERVISOR', 'SCHOOL_STAFF')")
class CaseController {

    private static final int PAGE_SIZE = 50;
    private static final int INBOX_SIZE = 50;

    private final CaseworkService cases;
    private final CaseAttachments attachments;
    private final ReferenceLists lists;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<vn.childguard.casework.ActionNeededSource> otherSources;
    private final CaseEmergencyAccess emergency;

    CaseController(CaseworkService cases, CaseAttachments attachments, ReferenceLists lists, Clock clock,
                   org.springframework.beans.factory.ObjectProvider<vn.childguard.casework.ActionNeededSource> otherSources,
                   CaseEmergencyAccess emergency) {
        this.emergency = emergency;
        this.cases = cases;
        this.attachments = attachments;
        this.lists = lists;
        this.clock = clock;
        this.otherSources = otherSources;
    }

    @GetMapping("/cases")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String unit,
                @RequestParam(required = false) String reference, @RequestParam(defaultValue = "0") int page,
                CurrentUser user, Model model) {
        CaseStatus wanted = null;
        try {
            wanted = status == null || status.isBlank() ? null : CaseStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            wanted = null;
        }
        model.addAttribute("page", cases.list(user, new CaseworkService.Filter(wanted, unit, reference),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("unit", unit);
        model.addAttribute("reference", reference);
        return "casework/list";
    }

    /** Each list shows the most urgent {@value #INBOX_SIZE} items and says when there are more. */
    @GetMapping("/cases/action-needed")
    String inbox(CurrentUser user, Model model) {
        var due = cases.dueItems(user, PageRequest.of(0, INBOX_SIZE));
        var escalations = cases.escalationsFor(user, PageRequest.of(0, INBOX_SIZE));
        var referrals = cases.awaitingMyAnswer(user);
        model.addAttribute("reports", cases.reportsAwaitingCase(user));
        model.addAttribute("opensCases", cases.opensCases(user));
        model.addAttribute("referrals", referrals);
        model.addAttribute("due", due);
        model.addAttribute("escalations", escalations);
        model.addAttribute("emergencyGrants", emergency.onMyCases(user));
        // items of other modules' cases (e.g. trafficking), through the ActionNeededSource hook
        model.addAttribute("otherItems", otherSources.orderedStream().flatMap(s -> s.itemsFor(user).stream())
                .sorted(java.util.Comparator.comparing(vn.childguard.casework.ActionNeededSource.Item::dueAt)).toList());
        Set<Long> shown = new java.util.HashSet<>();
        due.forEach(d -> shown.add(d.deadline().getCaseId()));
        escalations.forEach(e -> shown.add(e.getCaseId()));
        referrals.forEach(r -> shown.add(r.getCaseId()));
        model.addAttribute("references", cases.referencesOf(shown));
        model.addAttribute("clocks", new Clocks(clock));
        return "casework/inbox";
    }

    @GetMapping("/cases/new")
    @PreAuthorize("hasAnyRole('CASE_WORKER', 'CASE_SUPERVISOR')")
    String newCase(@RequestParam(required = false) Long person, CurrentUser user, Model model) {
        model.addAttribute("form", Map.of("childPersonId", person == null ? "" : person.toString(), "unitCode", ""));
        model.addAttribute("errors", Map.of());
        return newCasePage(user, model);
    }

    /** The child comes from the register (search-before-create happens there); the commune from a list. */
    private String newCasePage(CurrentUser user, Model model) {
        @SuppressWarnings("unchecked")
        Long child = number(((Map<String, String>) model.getAttribute("form")).get("childPersonId"));
        model.addAttribute("childLabel", child == null || child < 0 ? null : cases.childLabel(child).orElse(null));
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("communes", cases.communesOf(user, locale).entrySet());
        return "casework/new";
    }

    @PostMapping("/cases")
    @PreAuthorize("hasAnyRole('CASE_WORKER', 'CASE_SUPERVISOR')")
    String open(@RequestParam Map<String, String> params, CurrentUser user, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        Long intake = number(params.get("intakeId"));
        Long child = number(params.get("childPersonId"));
        try {
            CpCase c = cases.open(user, new CaseworkService.OpenCase(intake, child, params.get("unitCode"),
                    params.containsKey("seriousRisk"), params.containsKey("abuserIsCarer")));
            redirect.addFlashAttribute("flash", "casework.flash.opened");
            return "redirect:/cases/" + c.getId();
        } catch (CaseForms.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", params);
            model.addAttribute("errors", e.errors());
            return newCasePage(user, model);
        } catch (CaseRuleException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("form", params);
            model.addAttribute("errors", Map.of(e.field() == null ? "intakeId" : e.field(), e.messageKey()));
            return newCasePage(user, model);
        }
    }

    /** Open to any signed-in user so that the policy decides and audits every refusal (403). */
    @GetMapping("/cases/{id}")
    @PreAuthorize("isAuthenticated()")
    String kase(@PathVariable long id, CurrentUser user, Model model, HttpServletResponse response) {
        try {
            return page(user, id, null, Map.of(), Map.of(), null, model);
        } catch (AccessDeniedException | java.util.NoSuchElementException e) {
            // a missing case gets the same form as a refused one, so ids cannot be probed
            if (!emergency.mayBreakGlass(user)) {
                throw e;
            }
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return emergencyPage(id, null, null, model);
        }
    }

    /** Break-the-glass: a reason, then time-limited reading of a case the user is normally refused. */
    @PostMapping("/cases/{id}/emergency-access")
    @PreAuthorize("isAuthenticated()")
    String breakGlass(@PathVariable long id, @RequestParam(required = false) String reason, CurrentUser user,
                      Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return EmergencyRequestPage.grant(() -> emergency.breakGlass(user, id, reason), "/cases/" + id,
                emergency.hours(), reason, model, response, redirect);
    }

    private String emergencyPage(long id, String reason, String error, Model model) {
        return EmergencyRequestPage.show(model, "/cases/" + id, emergency.hours(), reason, error);
    }

    @PostMapping("/cases/{id}/forms/{code}")
    String form(@PathVariable long id, @PathVariable String code, @RequestParam Map<String, String> params,
                CurrentUser user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            if ("F05".equals(code)) {
                cases.decide(user, id, params);
            } else {
                cases.recordForm(user, id, code, params);
            }
        } catch (CaseForms.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(user, id, code, params, e.errors(), null, model);
        } catch (CaseRuleException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(user, id, code, params, Map.of(), e.messageKey(), model);
        }
        redirect.addFlashAttribute("flash", "casework.flash.saved");
        return "redirect:/cases/" + id;
    }

    @PostMapping("/cases/{id}/transitions")
    String transition(@PathVariable long id, @RequestParam String action,
                      @RequestParam(defaultValue = "") String reason, CurrentUser user, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, user, model, response, redirect, "transition", Map.of("reason", reason),
                () -> cases.transition(user, id, CaseAction.valueOf(action), reason));
    }

    @PostMapping("/cases/{id}/referrals")
    String refer(@PathVariable long id, @RequestParam Map<String, String> params,
                 @RequestParam(name = "services", required = false) List<String> services,
                 @RequestParam(name = "sections", required = false) List<String> sections, CurrentUser user,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Set<CaseSection> shared = EnumSet.noneOf(CaseSection.class);
        if (sections != null) {
            sections.forEach(s -> shared.add(CaseSection.valueOf(s)));
        }
        return act(id, user, model, response, redirect, "referral", params, () -> cases.refer(user, id,
                new CaseworkService.NewReferral(params.get("toAgency"), params.get("reason"), services, shared,
                        params.get("legalBasis"))));
    }

    @PostMapping("/cases/{id}/referrals/{rid}/{step}")
    String referralStep(@PathVariable long id, @PathVariable long rid, @PathVariable String step,
                        @RequestParam(defaultValue = "") String text, CurrentUser user, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) {
        String redirectTo = "/cases/" + id;
        String result = act(id, user, model, response, redirect, "referral-" + rid, Map.of("text", text), () -> {
            switch (step) {
                case "accept" -> cases.respond(user, id, rid, true, text);
                case "decline" -> cases.respond(user, id, rid, false, text);
                case "report" -> cases.reportBack(user, id, rid, text);
                case "complete" -> cases.complete(user, id, rid, text);
                case "revoke" -> cases.revoke(user, id, rid, text);
                default -> throw new java.util.NoSuchElementException(step);
            }
        });
        // a receiver who declined or completed no longer sees the case: back to the inbox, not to a 403
        if (result.startsWith("redirect:") && !cases.mayRead(user, id)) {
            redirect.addFlashAttribute("flash", "decline".equals(step) ? "casework.flash.saved"
                    : "casework.flash.referralClosed");
            return "redirect:/cases/action-needed";
        }
        return result;
    }

    @PostMapping("/cases/{id}/consents")
    String consent(@PathVariable long id, @RequestParam Map<String, String> params, CurrentUser user, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, user, model, response, redirect, "consent", params, () -> cases.recordConsent(user, id,
                new CaseworkService.NewConsent(parse(Consent.Subject.class, params.get("subject")),
                        number(params.get("personId")), params.get("purpose"), params.get("recipientAgency"),
                        date(params.get("givenOn")), parse(Consent.Method.class, params.get("method")))));
    }

    @PostMapping("/cases/{id}/consents/{cid}/withdraw")
    String withdraw(@PathVariable long id, @PathVariable long cid, CurrentUser user, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, user, model, response, redirect, "consent", Map.of(), () -> cases.withdrawConsent(user, id, cid));
    }

    @PostMapping("/cases/{id}/notes")
    String note(@PathVariable long id, @RequestParam Map<String, String> params, CurrentUser user, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, user, model, response, redirect, "note", params, () -> cases.addNote(user, id,
                "MONITORING".equals(params.get("kind")) ? CaseNote.Kind.MONITORING : CaseNote.Kind.NOTE,
                params.get("body")));
    }

    @PostMapping("/cases/{id}/team")
    String team(@PathVariable long id, @RequestParam Map<String, String> params, CurrentUser user, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, user, model, response, redirect, "team", params, () -> cases.transfer(user, id,
                params.get("toUsername"), params.get("reason"), cases.staffOf(user.agencyCode())));
    }

    @PostMapping("/cases/{id}/separation")
    String extend(@PathVariable long id, @RequestParam Map<String, String> params, CurrentUser user, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Long days = number(params.get("days"));
        return act(id, user, model, response, redirect, "separation", params, () -> cases.extendSeparation(user, id,
                days == null ? 0 : days.intValue(), params.get("reason")));
    }

    @PostMapping("/cases/{id}/attachments")
    String attach(@PathVariable long id, @RequestParam("file") MultipartFile file, CurrentUser user, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        byte[] bytes = file.getSize() > CaseAttachments.MAX_BYTES ? new byte[CaseAttachments.MAX_BYTES + 1] : file.getBytes();
        return act(id, user, model, response, redirect, "attachment", Map.of(),
                () -> attachments.attach(user, id, file.getOriginalFilename(), bytes));
    }

    @GetMapping("/cases/{id}/attachments/{aid}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long aid, CurrentUser user) {
        CaseAttachments.Download d = attachments.download(user, id, aid);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(d.content());
    }

    @PostMapping("/cases/escalations/{eid}/acknowledge")
    String acknowledge(@PathVariable long eid, CurrentUser user) {
        cases.acknowledge(user, eid);
        return "redirect:/cases/action-needed";
    }

    private String act(long id, CurrentUser user, Model model, HttpServletResponse response,
                       RedirectAttributes redirect, String part, Map<String, String> typed, Runnable step) {
        try {
            step.run();
        } catch (CaseForms.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(user, id, part, typed, e.errors(), null, model);
        } catch (CaseRuleException e) {
            response.setStatus(e.field() == null ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
            return e.field() == null ? page(user, id, part, typed, Map.of(), e.messageKey(), model)
                    : page(user, id, part, typed, Map.of(e.field(), e.messageKey()), null, model);
        }
        redirect.addFlashAttribute("flash", "casework.flash.saved");
        return "redirect:/cases/" + id;
    }

    private String page(CurrentUser user, long id, String part, Map<String, String> typed, Map<String, String> errors,
                        String globalError, Model model) {
        CaseView view = cases.read(user, id);
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("view", view);
        model.addAttribute("part", part);
        model.addAttribute("typed", typed == null ? Map.of() : new LinkedHashMap<>(typed));
        model.addAttribute("errors", errors);
        model.addAttribute("globalError", globalError);
        model.addAttribute("possible", CaseWorkflow.possible(view.kase().getStatus()));
        model.addAttribute("forms", CaseForms.FORMS);
        model.addAttribute("planRows", CaseForms.PLAN_ROWS);
        var services = lists.items("support_service");
        model.addAttribute("services", services);
        // plan items, referrals and consents store codes: the page shows names
        Map<String, String> serviceNames = new LinkedHashMap<>();
        services.forEach(s -> serviceNames.put(s.code(), s.name(locale)));
        model.addAttribute("serviceNames", serviceNames);
        Map<Long, String> referralServices = new LinkedHashMap<>();
        view.referrals().forEach(rv -> referralServices.put(rv.referral().getId(), String.join(", ",
                rv.referral().services().stream().map(s -> serviceNames.getOrDefault(s, s)).toList())));
        model.addAttribute("referralServices", referralServices);
        var agencies = view.access().full() ? cases.referralTargets(view.kase().getOwningAgencyCode()) : List.<vn.childguard.organisation.AgencyRef>of();
        model.addAttribute("agencies", agencies);
        Map<String, String> agencyNames = new LinkedHashMap<>();
        agencies.forEach(a -> agencyNames.put(a.code(), a.name(locale)));
        model.addAttribute("agencyNames", agencyNames);
        model.addAttribute("sections", CaseSection.values());
        model.addAttribute("subjects", Consent.Subject.values());
        model.addAttribute("consentGivers", cases.consentGivers(user, id));
        Map<String, String> relationshipNames = new LinkedHashMap<>();
        lists.items("relationship_kind").forEach(k -> relationshipNames.put(k.code(), k.name(locale)));
        model.addAttribute("relationshipNames", relationshipNames);
        model.addAttribute("methods", Consent.Method.values());
        model.addAttribute("staff", view.access().full() ? cases.staffOf(view.kase().getOwningAgencyCode()) : List.of());
        model.addAttribute("clocks", new Clocks(clock));
        model.addAttribute("receiver", !view.access().full());
        model.addAttribute("myAgency", user.agencyCode());
        model.addAttribute("today", LocalDate.now(clock.withZone(CaseworkService.VIETNAM)).toString());
        model.addAttribute("locale", locale);
        return "casework/case";
    }

    private static Long number(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        try {
            return text == null || text.isBlank() ? null : Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Referrals in a view are shown with these helpers. */
    static boolean open(Referral r) {
        return r.isOpen();
    }
}
