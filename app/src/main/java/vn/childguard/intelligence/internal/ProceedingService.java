package vn.childguard.intelligence.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.casework.ChildProtectionCases;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.ReferenceLists;
import vn.childguard.shared.crypto.DataCipher;

/**
 * Criminal proceedings for trafficking and illegal-migration offences: the steps in order with their
 * dates, the charges by Criminal Code article, the suspects (entities), the victims (a trafficking or
 * child-protection case by id, shown only by reference and age band), the outcome and sentence — and
 * the programme's counts (reports settled, cases cleared, indicted, tried) computed from them.
 * Officers of the anti-trafficking unit see every proceeding, other police units their own.
 */
@Service
@Transactional
public class ProceedingService {

    static final String PROCEEDING = "intel_proceeding";
    public static final List<String> OUTCOMES = List.of("NOT_INITIATED", "SUSPENDED", "DISCONTINUED", "CONVICTED",
            "ACQUITTED");
    public static final List<String> AGE_BANDS = List.of("UNDER_16", "16_17", "ADULT", "UNKNOWN");
    public static final List<String> CASE_KINDS = List.of("TRAFFICKING", "CHILD_PROTECTION");

    public record NewProceeding(LocalDate receivedOn, String summary, String unitCode) {
    }

    public record Step(String stage, LocalDate doneOn, String note, String recordedBy) {
    }

    public record Charge(String article, Long suspectEntityId, String suspectLabel) {
    }

    public record Victim(String caseKind, long caseId, String reference, String ageBand) {
    }

    public record Suspect(long entityId, String label) {
    }

    public record ProceedingView(long id, String reference, ProceedingStage stage, String summary, String unitCode,
                                 String agencyCode, LocalDate receivedOn, String outcome, String sentence,
                                 List<Step> steps, List<Charge> charges, List<Suspect> suspects, List<Victim> victims) {
    }

    public record ProceedingSummary(long id, String reference, ProceedingStage stage, String unitCode,
                                    LocalDate receivedOn, String outcome) {
    }

    /**
     * The programme's counts for reports received in the period: settled (verification concluded — a
     * case initiated or a decision not to), cases initiated, cleared (suspects charged), indicted, tried.
     * Rates are percentages of the row before, as the plan states its targets, null when it is zero.
     */
    public record Indicators(LocalDate from, LocalDate to, long received, long settled, long initiated, long cleared,
                             long indicted, long tried, Integer settledRate, Integer clearedRate, Integer indictedRate,
                             Integer triedRate) {
    }

    private final ProceedingStore store;
    private final IntelligenceStore entities;
    private final IntelligenceService intelligence;
    private final IntelligencePolicy policy;
    private final ReferenceLists lists;
    private final ObjectProvider<ChildProtectionCases> cases;
    private final DataCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    ProceedingService(ProceedingStore store, IntelligenceStore entities, IntelligenceService intelligence,
                      IntelligencePolicy policy, ReferenceLists lists, ObjectProvider<ChildProtectionCases> cases,
                      DataCipher cipher, AuditLog audit, Clock clock) {
        this.store = store;
        this.entities = entities;
        this.intelligence = intelligence;
        this.policy = policy;
        this.lists = lists;
        this.cases = cases;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ProceedingSummary> list(CurrentUser user) {
        intelligence.requireOfficer(user, AuditLog.Actions.READ, PROCEEDING, null);
        return store.list(policy.seesAll(user) ? null : user.agencyCode()).stream()
                .map(p -> new ProceedingSummary(p.id(), p.reference(), ProceedingStage.valueOf(p.stage()), p.unitCode(),
                        p.receivedOn(), p.outcome())).toList();
    }

    public long open(CurrentUser user, NewProceeding proceeding) {
        intelligence.requireOfficer(user, AuditLog.Actions.CREATE, PROCEEDING, null);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        if (proceeding.receivedOn() == null) {
            errors.put("receivedOn", "intelligence.error.required");
        } else if (proceeding.receivedOn().isAfter(today)) {
            errors.put("receivedOn", "intelligence.error.future");
        }
        if (proceeding.summary() == null || proceeding.summary().isBlank()) {
            errors.put("summary", "intelligence.error.required");
        }
        if (!errors.isEmpty()) {
            throw new IntelligenceRuleException.Invalid(errors);
        }
        long id = store.insert(cipher.encrypt(proceeding.summary().strip()),
                IntelligenceService.blankToNull(proceeding.unitCode()), user.agencyCode(), proceeding.receivedOn(),
                user.username(), clock.instant());
        store.insertStep(id, ProceedingStage.DENUNCIATION_RECEIVED.name(), proceeding.receivedOn(), null,
                user.username(), clock.instant());
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, PROCEEDING, id, AuditEntry.Outcome.SUCCESS));
        return id;
    }

    public ProceedingView read(CurrentUser user, long id) {
        ProceedingStore.ProceedingRow p = visible(user, id, AuditLog.Actions.READ);
        audit.record(AuditEntry.of(AuditLog.Actions.READ, PROCEEDING, id, AuditEntry.Outcome.SUCCESS));
        List<Long> suspectIds = store.suspects(id);
        List<ProceedingStore.ChargeRow> charges = store.charges(id);
        java.util.Set<Long> all = new java.util.LinkedHashSet<>(suspectIds);
        charges.stream().map(ProceedingStore.ChargeRow::suspectEntityId).filter(java.util.Objects::nonNull)
                .forEach(all::add);
        Map<Long, String> labels = new LinkedHashMap<>();
        entities.entities(all).forEach(e -> labels.put(e.id(), intelligence.label(e)));
        return new ProceedingView(p.id(), p.reference(), ProceedingStage.valueOf(p.stage()),
                p.summary() == null ? null : cipher.decrypt(p.summary()), p.unitCode(), p.agencyCode(), p.receivedOn(),
                p.outcome(), p.sentence() == null ? null : cipher.decrypt(p.sentence()),
                store.steps(id).stream().map(s -> new Step(s.stage(), s.doneOn(),
                        s.note() == null ? null : cipher.decrypt(s.note()), s.recordedBy())).toList(),
                charges.stream().map(c -> new Charge(c.article(), c.suspectEntityId(),
                        c.suspectEntityId() == null ? null : labels.get(c.suspectEntityId()))).toList(),
                suspectIds.stream().map(s -> new Suspect(s, labels.get(s))).toList(),
                store.victims(id).stream().map(v -> new Victim(v.caseKind(), v.caseId(), v.caseReference(),
                        v.ageBand())).toList());
    }

    /**
     * Records the next step: only forward, on a date not before the last step nor in the future; a case
     * is initiated only with a charge, suspects charged only once a suspect is named.
     */
    public void step(CurrentUser user, long id, String stage, LocalDate doneOn, String note) {
        ProceedingStore.ProceedingRow p = visible(user, id, AuditLog.Actions.UPDATE);
        Map<String, String> errors = new LinkedHashMap<>();
        ProceedingStage next = null;
        try {
            next = stage == null ? null : ProceedingStage.valueOf(stage);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (next == null) {
            errors.put("stage", "intelligence.proceeding.error.stage");
        }
        if (doneOn == null) {
            errors.put("doneOn", "intelligence.error.required");
        } else if (doneOn.isAfter(LocalDate.now(clock))) {
            errors.put("doneOn", "intelligence.error.future");
        }
        if (!errors.isEmpty()) {
            throw new IntelligenceRuleException.Invalid(errors);
        }
        ProceedingStage current = ProceedingStage.valueOf(p.stage());
        if (p.outcome() != null && !"CONVICTED".equals(p.outcome()) && !"ACQUITTED".equals(p.outcome())) {
            throw new IntelligenceRuleException("intelligence.proceeding.error.closed");
        }
        if (next.ordinal() <= current.ordinal()) {
            throw new IntelligenceRuleException("intelligence.proceeding.error.order", "stage");
        }
        LocalDate last = store.steps(id).stream().map(ProceedingStore.StepRow::doneOn).max(LocalDate::compareTo)
                .orElse(p.receivedOn());
        if (doneOn.isBefore(last)) {
            throw new IntelligenceRuleException("intelligence.proceeding.error.date", "doneOn");
        }
        if (next.ordinal() >= ProceedingStage.CASE_INITIATED.ordinal() && store.charges(id).isEmpty()) {
            throw new IntelligenceRuleException("intelligence.proceeding.error.charge", "stage");
        }
        if (next.ordinal() >= ProceedingStage.SUSPECTS_CHARGED.ordinal() && store.suspects(id).isEmpty()) {
            throw new IntelligenceRuleException("intelligence.proceeding.error.suspect", "stage");
        }
        store.insertStep(id, next.name(), doneOn, note == null || note.isBlank() ? null : cipher.encrypt(note.strip()),
                user.username(), clock.instant());
        store.setStage(id, next.name());
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, PROCEEDING, id, AuditEntry.Outcome.SUCCESS)
                .withDetails(next.name() + " on " + doneOn));
    }

    public void charge(CurrentUser user, long id, String article, Long suspectEntityId) {
        visible(user, id, AuditLog.Actions.UPDATE);
        if (article == null || lists.item("criminal_article", article).isEmpty()) {
            throw new IntelligenceRuleException.Invalid(Map.of("article", "intelligence.proceeding.error.article"));
        }
        if (suspectEntityId != null) {
            suspect(user, id, suspectEntityId);
        }
        store.insertCharge(id, article, suspectEntityId);
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, PROCEEDING, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("charge Art. " + article));
    }

    public void suspect(CurrentUser user, long id, long entityId) {
        visible(user, id, AuditLog.Actions.UPDATE);
        IntelligenceStore.EntityRow entity = entities.findEntity(entityId).orElse(null);
        if (entity == null || !"PERSON".equals(entity.kind()) || !policy.canSee(user, entity)) {
            throw new IntelligenceRuleException.Invalid(Map.of("entityId", "intelligence.proceeding.error.suspectEntity"));
        }
        store.insertSuspect(id, entityId);
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, PROCEEDING, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("suspect entity " + entityId));
    }

    /**
     * Links a victim by the id of their trafficking or child-protection case, keeping only the reference
     * and the age band. For a child-protection case both come from casework: the reference, and the
     * band of the child's age on the day the proceeding was received (a band typed in is then ignored).
     */
    public void victim(CurrentUser user, long id, String caseKind, Long caseId, String reference, String ageBand) {
        ProceedingStore.ProceedingRow proceeding = visible(user, id, AuditLog.Actions.UPDATE);
        Map<String, String> errors = new LinkedHashMap<>();
        if (caseKind == null || !CASE_KINDS.contains(caseKind)) {
            errors.put("caseKind", "intelligence.proceeding.error.caseKind");
        }
        if (caseId == null) {
            errors.put("caseId", "intelligence.error.required");
        }
        String ref = IntelligenceService.blankToNull(reference);
        String band = IntelligenceService.blankToNull(ageBand);
        if (errors.isEmpty() && "CHILD_PROTECTION".equals(caseKind)) {
            ref = cases.getObject().reference(caseId).orElse(null);
            if (ref == null) {
                errors.put("caseId", "intelligence.proceeding.error.case");
            } else {
                band = cases.getObject().childAgeOn(caseId, proceeding.receivedOn()).map(ProceedingService::band)
                        .orElse(band == null ? "UNKNOWN" : band);
            }
        }
        if (band == null || !AGE_BANDS.contains(band)) {
            errors.put("ageBand", "intelligence.proceeding.error.ageBand");
        }
        if (ref != null && ref.length() > 40) {
            errors.put("reference", "intelligence.error.tooLong");
        }
        if (!errors.isEmpty()) {
            throw new IntelligenceRuleException.Invalid(errors);
        }
        store.insertVictim(id, caseKind, caseId, ref, band);
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, PROCEEDING, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("victim " + caseKind + " case " + caseId));
    }

    static String band(int age) {
        return age < 16 ? "UNDER_16" : age < 18 ? "16_17" : "ADULT";
    }

    public void outcome(CurrentUser user, long id, String outcome, String sentence) {
        visible(user, id, AuditLog.Actions.UPDATE);
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw new IntelligenceRuleException.Invalid(Map.of("outcome", "intelligence.proceeding.error.outcome"));
        }
        store.setOutcome(id, outcome, sentence == null || sentence.isBlank() ? null : cipher.encrypt(sentence.strip()));
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, PROCEEDING, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("outcome " + outcome));
    }

    @Transactional(readOnly = true)
    public Indicators indicators(CurrentUser user, LocalDate from, LocalDate to) {
        intelligence.requireOfficer(user, AuditLog.Actions.READ, PROCEEDING, null);
        LocalDate start = from == null ? LocalDate.now(clock).withDayOfYear(1) : from;
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        var p = StoreProceedingFigures.programme(store.reached(start, end,
                policy.seesAll(user) ? null : user.agencyCode()));
        return new Indicators(start, end, p.received(), p.settled(), p.initiated(), p.cleared(), p.indicted(), p.tried(),
                rate(p.settled(), p.received()), rate(p.cleared(), p.initiated()), rate(p.indicted(), p.cleared()),
                rate(p.tried(), p.indicted()));
    }

    private static Integer rate(long part, long whole) {
        return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
    }

    /** Whether the user handles a proceeding naming the trafficking case (for trafficking's ProceedingLinks). */
    @Transactional(readOnly = true)
    public boolean handlesTraffickingCase(CurrentUser user, long caseId) {
        return policy.isOfficer(user)
                && store.linksCase(policy.seesAll(user) ? null : user.agencyCode(), "TRAFFICKING", caseId);
    }

    public List<ReferenceLists.Item> articles() {
        return lists.items("criminal_article");
    }

    Map<String, Long> byCommune() {
        return store.byCommune();
    }

    private ProceedingStore.ProceedingRow visible(CurrentUser user, long id, String action) {
        intelligence.requireOfficer(user, action, PROCEEDING, id);
        ProceedingStore.ProceedingRow p = store.find(id).orElseThrow(NoSuchElementException::new);
        if (!policy.seesAll(user) && !p.agencyCode().equals(user.agencyCode())) {
            intelligence.deny(action, PROCEEDING, id, "another unit's proceeding");
        }
        return p;
    }

    static final Set<String> STAGES = java.util.Arrays.stream(ProceedingStage.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
}
