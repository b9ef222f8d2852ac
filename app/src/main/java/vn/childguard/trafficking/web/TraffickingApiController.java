package vn.childguard.trafficking.web;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.trafficking.TraffickingStatus;
import vn.childguard.trafficking.internal.Art32Ground;
import vn.childguard.trafficking.internal.CaseData;
import vn.childguard.trafficking.internal.CaseDetail;
import vn.childguard.trafficking.internal.TraffickingAction;
import vn.childguard.trafficking.internal.TraffickingRuleException;
import vn.childguard.trafficking.internal.TraffickingService;
import vn.childguard.trafficking.internal.TraffickingWorkflow;

/**
 * Trafficking cases over the API: the same rules and refusals as the pages; 403 (audited) for a case
 * the caller may not see, 409 for a step the procedure refuses now, 400 naming the field.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("isAuthenticated()")
class TraffickingApiController {

    record CreateCase(Long personId, String unitCode, String countryCode, Boolean abroad, Boolean foreignResident,
                      Boolean accompanyingMinor, String exploitedOn, Boolean underIdentification, String source,
                      Map<String, Object> data) {
    }

    record Created(long id, String reference, TraffickingStatus status) {
    }

    record TransitionRequest(String action, String legalBasis, List<String> grounds, String evidence) {
    }

    record DataRequest(String countryCode, Boolean abroad, Map<String, Object> data) {
    }

    record SupportDecision(String benefit, String state, String reason, String decidedOn) {
    }

    record DeliveryRequest(String benefit, String provider, String deliveredOn, String amountVnd, String evidence) {
    }

    record StepRequest(String step, String status, String date, Map<String, Object> details) {
    }

    record PlanRequest(List<String> goals, String startOn) {
    }

    record FollowUpRequest(String doneOn, String outcome, String note) {
    }

    record NoteRequest(String body) {
    }

    record ReferralRequest(String toAgency, String reason, String legalBasis) {
    }

    record LinkRequest(String reason) {
    }

    record Linked(long caseId, String reference) {
    }

    record AmountRequest(String benefit, String amountVnd, String amountUnit, String effectiveFrom, String effectiveTo,
                         String note) {
    }

    private final TraffickingService service;

    TraffickingApiController(TraffickingService service) {
        this.service = service;
    }

    @PostMapping("/trafficking-cases")
    @PreAuthorize("hasAnyRole('CASE_WORKER', 'CASE_SUPERVISOR')")
    ResponseEntity<Created> create(@RequestBody CreateCase body, CurrentUser user) {
        long id = service.open(user, new TraffickingService.NewCase(body.personId(), body.unitCode(), body.countryCode(),
                Boolean.TRUE.equals(body.abroad()), Boolean.TRUE.equals(body.foreignResident()),
                Boolean.TRUE.equals(body.accompanyingMinor()), Dates.parse(body.exploitedOn(), "exploitedOn"),
                !Boolean.FALSE.equals(body.underIdentification()), body.source(), body.data()));
        CaseDetail c = service.read(user, id);
        return ResponseEntity.created(URI.create("/api/v1/trafficking-cases/" + id))
                .body(new Created(id, c.reference(), c.status()));
    }

    /**
     * One page of the caller's cases, newest first ({@code page} from 0, {@code size} 1–500, 100 unless
     * given); the {@code X-Total-Count} header gives the number of cases over all pages.
     */
    @GetMapping("/trafficking-cases")
    ResponseEntity<List<TraffickingService.Summary>> list(@RequestParam(required = false) String status,
                                                          @RequestParam(required = false) String agency,
                                                          @RequestParam(required = false) String unit,
                                                          @RequestParam(required = false) String country,
                                                          @RequestParam(required = false) String ageBand,
                                                          @RequestParam(required = false) boolean overdue,
                                                          @RequestParam(defaultValue = "0") int page,
                                                          @RequestParam(defaultValue = "100") int size, CurrentUser user) {
        var found = service.list(user, new TraffickingService.Filter(TraffickingController.status(status), agency, unit,
                country, ageBand, overdue), PageRequest.of(Math.max(page, 0), Math.clamp(size, 1, 500)));
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(found.getTotalElements())).body(found.getContent());
    }

    @GetMapping("/trafficking-cases/{id}")
    CaseDetail read(@PathVariable long id, CurrentUser user) {
        return service.read(user, id);
    }

    @PostMapping("/trafficking-cases/{id}/transitions")
    CaseDetail transition(@PathVariable long id, @RequestBody TransitionRequest body, CurrentUser user) {
        service.transition(user, id, request(body.action(), body.legalBasis(), body.grounds(), body.evidence()));
        return service.read(user, id);
    }

    static TraffickingWorkflow.Request request(String action, String legalBasis, List<String> grounds, String evidence) {
        TraffickingAction a;
        try {
            a = TraffickingAction.valueOf(action == null ? "" : action);
        } catch (IllegalArgumentException e) {
            throw new TraffickingRuleException.Invalid(Map.of("action", "trafficking.rule.action"));
        }
        Set<Art32Ground> set = EnumSet.noneOf(Art32Ground.class);
        for (String g : grounds == null ? List.<String>of() : grounds) {
            try {
                set.add(Art32Ground.valueOf(g));
            } catch (IllegalArgumentException e) {
                throw new TraffickingRuleException.Invalid(Map.of("grounds", "trafficking.data.error.code"));
            }
        }
        return new TraffickingWorkflow.Request(a, legalBasis, set, evidence);
    }

    @PostMapping("/trafficking-cases/{id}/data")
    CaseDetail data(@PathVariable long id, @RequestBody DataRequest body, CurrentUser user) {
        service.updateData(user, id, body.data() == null ? Map.of() : body.data(), CaseData.KEYS, body.countryCode(),
                body.abroad());
        return service.read(user, id);
    }

    @GetMapping("/trafficking-cases/{id}/entitlements")
    List<CaseDetail.Entitlement> entitlements(@PathVariable long id, CurrentUser user) {
        return service.read(user, id).entitlements();
    }

    @PostMapping("/trafficking-cases/{id}/entitlements")
    List<CaseDetail.Entitlement> decide(@PathVariable long id, @RequestBody SupportDecision body, CurrentUser user) {
        service.decideSupport(user, id, body.benefit(), body.state(), body.reason(),
                Dates.parse(body.decidedOn(), "decidedOn"));
        return service.read(user, id).entitlements();
    }

    @GetMapping("/trafficking-cases/{id}/deliveries")
    List<CaseDetail.Delivery> deliveries(@PathVariable long id, CurrentUser user) {
        return service.read(user, id).deliveries();
    }

    @PostMapping("/trafficking-cases/{id}/deliveries")
    ResponseEntity<List<CaseDetail.Delivery>> deliver(@PathVariable long id, @RequestBody DeliveryRequest body,
                                                      CurrentUser user) {
        service.deliver(user, id, body.benefit(), body.provider(), Dates.parse(body.deliveredOn(), "deliveredOn"),
                Dates.amount(body.amountVnd(), "amountVnd"), body.evidence());
        return ResponseEntity.status(201).body(service.read(user, id).deliveries());
    }

    @GetMapping("/trafficking-cases/{id}/repatriation-steps")
    List<CaseDetail.Step> steps(@PathVariable long id, CurrentUser user) {
        return service.read(user, id).repatriation();
    }

    @PostMapping("/trafficking-cases/{id}/repatriation-steps")
    ResponseEntity<List<CaseDetail.Step>> step(@PathVariable long id, @RequestBody StepRequest body, CurrentUser user) {
        service.recordStep(user, id, body.step(), body.status(), Dates.parse(body.date(), "date"), body.details());
        return ResponseEntity.status(201).body(service.read(user, id).repatriation());
    }

    @PostMapping("/trafficking-cases/{id}/reintegration-plan")
    List<CaseDetail.FollowUp> plan(@PathVariable long id, @RequestBody PlanRequest body, CurrentUser user) {
        service.plan(user, id, body.goals(), Dates.parse(body.startOn(), "startOn"));
        return service.read(user, id).followUps();
    }

    @GetMapping("/trafficking-cases/{id}/follow-ups")
    List<CaseDetail.FollowUp> followUps(@PathVariable long id, CurrentUser user) {
        return service.read(user, id).followUps();
    }

    @PostMapping("/trafficking-cases/{id}/follow-ups/{followUpId}")
    List<CaseDetail.FollowUp> followUp(@PathVariable long id, @PathVariable long followUpId,
                                       @RequestBody FollowUpRequest body, CurrentUser user) {
        service.completeFollowUp(user, id, followUpId, Dates.parse(body.doneOn(), "doneOn"), body.outcome(), body.note());
        return service.read(user, id).followUps();
    }

    @PostMapping("/trafficking-cases/{id}/notes")
    ResponseEntity<List<CaseDetail.Note>> note(@PathVariable long id, @RequestBody NoteRequest body, CurrentUser user) {
        service.addNote(user, id, body.body());
        return ResponseEntity.status(201).body(service.read(user, id).notes());
    }

    @PostMapping("/trafficking-cases/{id}/referrals")
    ResponseEntity<List<CaseDetail.Referral>> refer(@PathVariable long id, @RequestBody ReferralRequest body,
                                                    CurrentUser user) {
        service.refer(user, id, body.toAgency(), body.reason(), body.legalBasis());
        return ResponseEntity.status(201).body(service.read(user, id).referrals());
    }

    @PostMapping("/trafficking-cases/{id}/child-protection-case")
    ResponseEntity<Linked> link(@PathVariable long id, @RequestBody(required = false) LinkRequest body,
                                CurrentUser user) {
        long cp = service.linkChildProtection(user, id, body == null ? null : body.reason());
        return ResponseEntity.status(201).body(new Linked(cp, service.read(user, id).childProtectionReference()));
    }

    @GetMapping("/trafficking-benefit-amounts")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'CASE_WORKER', 'CASE_SUPERVISOR')")
    List<?> amounts() {
        return service.amounts();
    }

    @PostMapping("/trafficking-benefit-amounts")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    ResponseEntity<List<?>> addAmount(@RequestBody AmountRequest body, CurrentUser user) {
        service.addAmount(user, body.benefit(), Dates.amount(body.amountVnd(), "amountVnd"), body.amountUnit(),
                Dates.parse(body.effectiveFrom(), "effectiveFrom"), Dates.parse(body.effectiveTo(), "effectiveTo"),
                body.note());
        return ResponseEntity.status(201).body(service.amounts());
    }
}
