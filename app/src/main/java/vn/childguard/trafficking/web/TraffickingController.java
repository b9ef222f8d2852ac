package vn.childguard.trafficking.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.childguard.audit.EmergencyRequestPage;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.people.InvalidPersonException;
import vn.childguard.people.NewPerson;
import vn.childguard.people.PersonQuery;
import vn.childguard.people.PersonRegister;
import vn.childguard.trafficking.TraffickingStatus;
import vn.childguard.trafficking.internal.Art32Ground;
import vn.childguard.trafficking.internal.CaseData;
import vn.childguard.trafficking.internal.Entitlements;
import vn.childguard.trafficking.internal.RepatriationStep;
import vn.childguard.trafficking.internal.TraffickingEmergencyAccess;
import vn.childguard.trafficking.internal.TraffickingRuleException;
import vn.childguard.trafficking.internal.TraffickingService;

/**
 * The trafficking pages: list with filters, opening a case with search-before-create, and the case
 * with its steps, data, entitlements and deliveries, repatriation timeline, plan and follow-ups,
 * notes and the child-protection link. A refused change comes back to the case page with the errors
 * in a summary.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class TraffickingController {

    static final String NEW_PERSON = "NEW";
    private static final int PAGE_SIZE = 50;

    /** The details of the repatriation steps typed as text (country and border gate are lists). */
    static final List<String> STEP_FIELDS = Arrays.stream(RepatriationStep.values())
            .flatMap(s -> s.fields().stream()).filter(f -> !f.equals("country") && !f.equals("borderGate"))
            .distinct().toList();

    private final TraffickingService service;
    private final ObjectProvider<PersonRegister> people;
    private final TraffickingEmergencyAccess emergency;

    TraffickingController(TraffickingService service, ObjectProvider<PersonRegister> people,
                          TraffickingEmergencyAccess emergency) {
        this.service = service;
        this.people = people;
        this.emergency = emergency;
    }

    static TraffickingStatus status(String status) {
        try {
            return status == null || status.isBlank() ? null : TraffickingStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @GetMapping("/trafficking-cases")
    @PreAuthorize("hasAnyRole('CASE_WORKER', 'CASE_SUPERVISOR')")
    String list(@RequestParam Map<String, String> params, @RequestParam(defaultValue = "0") int page, CurrentUser user,
                Model model) {
        model.addAttribute("page", service.list(user, new TraffickingService.Filter(status(params.get("status")),
                params.get("agency"), params.get("unit"), params.get("country"), params.get("ageBand"),
                params.containsKey("overdue")), PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("statuses", TraffickingStatus.values());
        model.addAttribute("filter", params);
        model.addAttribute("countries", service.listItems("country"));
        return "trafficking/list";
    }

    @GetMapping("/trafficking-cases/new")
    @PreAuthorize("hasAnyRole('CASE_WORKER', 'CASE_SUPERVISOR')")
    String newCase(@RequestParam Map<String, String> params, Model model) {
        prepareNew(params, Map.of(), model);
        return "trafficking/new";
    }

    private void prepareNew(Map<String, String> params, Map<String, String> errors, Model model) {
        String name = params.get("name");
        model.addAttribute("candidates", name == null || name.isBlank() ? null
                : people.getObject().candidates(new PersonQuery(name, params.get("birthDate"), null, List.of()), 10));
        model.addAttribute("form", params);
        model.addAttribute("errors", errors);
        model.addAttribute("countries", service.listItems("country"));
        model.addAttribute("exploitationForms", service.listItems("exploitation_form"));
    }

    @PostMapping("/trafficking-cases")
    @PreAuthorize("hasAnyRole('CASE_WORKER', 'CASE_SUPERVISOR')")
    String open(@RequestParam Map<String, String> params, CurrentUser user, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        try {
            Long person = NEW_PERSON.equals(params.get("personId")) ? register(params, model)
                    : params.get("personId") == null || params.get("personId").isBlank() ? null
                    : Long.valueOf(params.get("personId"));
            if (person == null && NEW_PERSON.equals(params.get("personId"))) {
                response.setStatus(400);
                return "trafficking/new";
            }
            Map<String, Object> data = new LinkedHashMap<>();
            putIfPresent(data, "exploitationTypes", params.get("exploitationTypes"));
            putIfPresent(data, "summary", params.get("summary"));
            long id = service.open(user, new TraffickingService.NewCase(person, params.get("unitCode"),
                    params.get("countryCode"), params.containsKey("abroad"), params.containsKey("foreignResident"),
                    params.containsKey("accompanyingMinor"), Dates.parse(params.get("exploitedOn"), "exploitedOn"), true,
                    params.get("source"), data));
            redirect.addFlashAttribute("flash", "trafficking.flash.opened");
            return "redirect:/trafficking-cases/" + id;
        } catch (NumberFormatException e) {
            response.setStatus(400);
            prepareNew(params, Map.of("personId", "trafficking.open.error.person"), model);
            return "trafficking/new";
        } catch (TraffickingRuleException.Invalid e) {
            response.setStatus(400);
            prepareNew(params, e.errors(), model);
            return "trafficking/new";
        }
    }

    /**
     * Registers the person searched for when the user found no one to pick ("none of these"), from the
     * name, birth date and sex of the search and the commune of the case; on refused data returns null
     * with the page prepared to show the errors. A case refused afterwards keeps the new person picked,
     * so a second submit does not register the person twice.
     */
    private Long register(Map<String, String> params, Model model) {
        try {
            long id = people.getObject().register(new NewPerson(params.get("name"), params.get("birthDate"), null,
                    params.get("sex") == null || params.get("sex").isBlank() ? null : params.get("sex"), List.of(),
                    null, null, params.get("unitCode"), null, null));
            params.put("personId", String.valueOf(id));
            return id;
        } catch (InvalidPersonException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach((field, key) -> errors.put("unitCode".equals(field) ? "unitCode"
                    : "birthDate".equals(field) ? "birthDate" : "name", key));
            prepareNew(params, errors, model);
            return null;
        }
    }

    /**
     * A refused change comes back with what the user typed, for the form that was sent only ({@code
     * failed}): {@code typed} holds the first value of each field, {@code typedAll} every value (check
     * boxes), {@code typedData} the case-data form's fields as the page shows stored data (lists for
     * the multiple choices).
     */
    private static void keepTyped(String what, MultiValueMap<String, String> all, RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, List<String>> typedAll = new LinkedHashMap<>();
        Map<String, Object> typedData = new LinkedHashMap<>();
        all.forEach((key, values) -> {
            if (key.startsWith("_") || values == null || values.isEmpty()) {
                return;
            }
            typed.put(key, values.getFirst());
            typedAll.put(key, List.copyOf(values));
            typedData.put(key, MULTIPLE_DATA.contains(key) ? List.copyOf(values) : values.getFirst());
        });
        redirect.addFlashAttribute("failed", what);
        redirect.addFlashAttribute("typed", typed);
        redirect.addFlashAttribute("typedAll", typedAll);
        redirect.addFlashAttribute("typedData", typedData);
    }

    private static final java.util.Set<String> MULTIPLE_DATA = java.util.Set.of("exploitationTypes", "meansOfControl",
            "perpetratorRoles", "destinationCountries", "transitCountries");

    private static void putIfPresent(Map<String, Object> data, String key, String value) {
        if (value != null && !value.isBlank()) {
            data.put(key, value);
        }
    }

    /** Break-the-glass: a reason, then time-limited reading of a case the user is normally refused. */
    @PostMapping("/trafficking-cases/{id}/emergency-access")
    String breakGlass(@PathVariable long id, @RequestParam(required = false) String reason, CurrentUser user,
                      Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return EmergencyRequestPage.grant(() -> emergency.breakGlass(user, id, reason), "/trafficking-cases/" + id,
                emergency.hours(), reason, model, response, redirect);
    }

    private String emergencyPage(long id, String reason, String error, Model model) {
        return EmergencyRequestPage.show(model, "/trafficking-cases/" + id, emergency.hours(), reason, error);
    }

    @GetMapping("/trafficking-cases/{id}")
    String view(@PathVariable long id, CurrentUser user, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("c", service.read(user, id));
        } catch (AccessDeniedException | NoSuchElementException e) {
            // a missing case gets the same form as a refused one, so ids cannot be probed
            if (!emergency.mayBreakGlass(user)) {
                throw e;
            }
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return emergencyPage(id, null, null, model);
        }
        model.addAttribute("emergencyGrant", emergency.myGrant(user, id).orElse(null));
        model.addAttribute("grounds", Art32Ground.values());
        model.addAttribute("benefits", Entitlements.Benefit.values());
        model.addAttribute("steps", RepatriationStep.values());
        model.addAttribute("stepStatuses", RepatriationStep.STATUSES);
        model.addAttribute("outcomes", TraffickingService.OUTCOMES);
        model.addAttribute("supportStates", List.of("OFFERED", "ACCEPTED", "REFUSED"));
        model.addAttribute("borderGates", service.listItems("border_gate"));
        model.addAttribute("returnModes", CaseData.RETURN_MODES.stream().sorted().toList());
        model.addAttribute("relationships", CaseData.RECRUITER_RELATIONSHIPS.stream().sorted().toList());
        model.addAttribute("perpetratorRoles", CaseData.PERPETRATOR_ROLES.stream().sorted().toList());
        model.addAttribute("exploitationForms", service.listItems("exploitation_form"));
        model.addAttribute("controlMeans", service.listItems("means_of_control"));
        model.addAttribute("countries", service.listItems("country"));
        model.addAttribute("agencies", service.referralTargets());
        model.addAttribute("stepFields", STEP_FIELDS);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "trafficking/case";
    }

    @PostMapping("/trafficking-cases/{id}/{what}")
    String change(@PathVariable long id, @PathVariable String what, @RequestParam MultiValueMap<String, String> all,
                  CurrentUser user, RedirectAttributes redirect) {
        Map<String, String> p = all.toSingleValueMap();
        try {
            switch (what) {
                case "transitions" -> service.transition(user, id, TraffickingApiController.request(p.get("action"),
                        p.get("legalBasis"), all.getOrDefault("grounds", List.of()), p.get("evidence")));
                case "data" -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    List<String> keys = List.of("summary", "exploitationTypes", "meansOfControl", "recruitmentMethod",
                            "recruitmentPlace", "onlinePlatform", "recruiterRelationship", "perpetratorRoles",
                            "destinationCountries", "transitCountries", "debtAmount", "debtCurrency", "returnMode");
                    for (String key : keys) {
                        putIfPresent(data, key, String.join(",", all.getOrDefault(key, List.of())));
                    }
                    service.updateData(user, id, data, java.util.Set.copyOf(keys), null, null);
                }
                case "nrm" -> {
                    Map<String, Object> nrm = new LinkedHashMap<>();
                    for (String key : List.of("referralDate", "reasonableGrounds", "reasonableGroundsDate",
                            "conclusiveGrounds", "conclusiveGroundsDate", "recoveryPeriodDays")) {
                        putIfPresent(nrm, key, p.get(key));
                    }
                    service.updateData(user, id, nrm.isEmpty() ? Map.of() : Map.of("nrm", nrm),
                            java.util.Set.of("nrm"), null, null);
                }
                case "events" -> service.addEvent(user, id, p.get("kind"), p.get("place"), p.get("country"),
                        p.get("date"));
                case "entitlements" -> service.decideSupport(user, id, p.get("benefit"), p.get("state"), p.get("reason"),
                        Dates.parse(p.get("decidedOn"), "decidedOn"));
                case "deliveries" -> service.deliver(user, id, p.get("benefit"), p.get("provider"),
                        Dates.parse(p.get("deliveredOn"), "deliveredOn"), Dates.amount(p.get("amountVnd"), "amountVnd"),
                        p.get("evidence"));
                case "repatriation-steps" -> service.recordStep(user, id, p.get("step"), p.get("status"),
                        Dates.parse(p.get("date"), "date"), p);
                case "reintegration-plan" -> service.plan(user, id,
                        Arrays.stream(p.getOrDefault("goals", "").split("\\R")).toList(),
                        Dates.parse(p.get("startOn"), "startOn"));
                case "follow-up" -> service.completeFollowUp(user, id, Long.parseLong(p.getOrDefault("followUpId", "0")),
                        Dates.parse(p.get("doneOn"), "doneOn"), p.get("outcome"), p.get("note"));
                case "notes" -> service.addNote(user, id, p.get("body"));
                case "referrals" -> service.refer(user, id, p.get("toAgency"), p.get("reason"), p.get("legalBasis"));
                case "child-protection-case" -> service.linkChildProtection(user, id, p.get("reason"));
                default -> throw new java.util.NoSuchElementException(what);
            }
            redirect.addFlashAttribute("flash", "trafficking.flash.saved");
        } catch (TraffickingRuleException.Invalid e) {
            redirect.addFlashAttribute("errors", e.errors());
            keepTyped(what, all, redirect);
        } catch (TraffickingRuleException e) {
            redirect.addFlashAttribute("errors", Map.of(e.field() == null ? "action" : e.field(), e.messageKey()));
            keepTyped(what, all, redirect);
        }
        return "redirect:/trafficking-cases/" + id;
    }
}
