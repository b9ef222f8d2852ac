package vn.childguard.screening.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.casework.ChildProtectionCases;
import vn.childguard.intake.IntakeReferrals;
import vn.childguard.intelligence.IntelligenceLeads;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.people.NewPerson;
import vn.childguard.people.PersonCandidate;
import vn.childguard.people.PersonQuery;
import vn.childguard.people.PersonRegister;
import vn.childguard.screening.internal.AlertStore.AlertRow;

/**
 * The officer's side: the queue, an alert with its explanation, companions and earlier trips,
 * claiming and deciding (dismiss with a reason — a watchlist match needs a second officer to
 * confirm —, escalate to intelligence, or refer the child to intake), the traveller page, statistics
 * and the streaming API. Every read of personal data and every decision is audited.
 */
@Service
public class ReviewService {

    public static final String ENTITY = "screening_alert";

    /** An alert as an officer sees it. */
    public record AlertView(AlertRow alert, TravelRecord record, List<AlertDetails.Line> details,
                            List<TravelRecord> companions, List<TravelRecord> earlierTrips) {
    }

    /** A decision the rules of the queue refuse; {@code messageKey} explains why. */
    public static final class DecisionException extends RuntimeException {
        private final String field;
        private final String messageKey;

        public DecisionException(String field, String messageKey) {
            super(messageKey);
            this.field = field;
            this.messageKey = messageKey;
        }

        public String field() {
            return field;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final AlertStore alerts;
    private final RecordStore records;
    private final ScreeningEngine engine;
    private final RuleSetStore rules;
    private final AtRiskIndex atRisk;
    private final ScreeningPolicy policy;
    private final AuditLog audit;
    private final OrganisationDirectory directory;
    private final org.springframework.beans.factory.ObjectProvider<IntelligenceLeads> leads;
    private final IntakeReferrals intake;
    private final ChildProtectionCases cases;
    private final PersonRegister register;
    private final AgencyCatalogue agencies;
    private final Clock clock;

    ReviewService(AlertStore alerts, RecordStore records, ScreeningEngine engine, RuleSetStore rules, AtRiskIndex atRisk,
                  ScreeningPolicy policy, AuditLog audit, OrganisationDirectory directory,
                  org.springframework.beans.factory.ObjectProvider<IntelligenceLeads> leads, IntakeReferrals intake,
                  ChildProtectionCases cases, PersonRegister register, AgencyCatalogue agencies, Clock clock) {
        this.alerts = alerts;
        this.records = records;
        this.engine = engine;
        this.rules = rules;
        this.atRisk = atRisk;
        this.policy = policy;
        this.audit = audit;
        this.directory = directory;
        this.leads = leads;
        this.intake = intake;
        this.cases = cases;
        this.register = register;
        this.agencies = agencies;
        this.clock = clock;
    }

    public CurrentUser requireOfficer() {
        CurrentUser user = directory.currentUser().orElse(null);
        if (user == null || !policy.canScreen(user)) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.READ, ENTITY, null, AuditEntry.Outcome.DENIED));
            throw new AccessDeniedException("screening");
        }
        return user;
    }

    /** Builds the at-risk index under the signed-in officer (the register checks and audits each read). */
    public void refreshAtRisk(boolean force) {
        requireOfficer();
        atRisk.refresh(force);
    }

    @Transactional(readOnly = true)
    public List<AlertRow> queue(String status, String rule, Long batchId) {
        requireOfficer();
        return alerts.queue(status, rule, batchId, 200);
    }

    @Transactional
    public AlertView view(long id) {
        requireOfficer();
        AlertRow a = alerts.find(id).orElseThrow(() -> new NoSuchElementException("alert " + id));
        audit.record(AuditEntry.of(AuditLog.Actions.READ, ENTITY, id, AuditEntry.Outcome.SUCCESS).withPurpose("exit screening"));
        return assemble(a);
    }

    private AlertView assemble(AlertRow a) {
        TravelRecord record = records.byRecordIds(List.of(a.recordId())).stream().findFirst().map(RecordStore.Stored::record)
                .orElseThrow();
        List<AlertDetails.Line> details = AlertDetails.read(a.details());
        List<String> companionIds = details.stream().filter(l -> l.kind().equals("P")).map(l -> l.fields().get(0)).toList();
        List<TravelRecord> companions = records.byRecordIds(companionIds).stream().map(RecordStore.Stored::record).toList();
        List<TravelRecord> earlier = records.trips(a.travellerKey()).stream().map(RecordStore.Stored::record)
                .filter(r -> r.travelDate().isBefore(a.travelDate())).toList();
        return new AlertView(a, record, details, companions, earlier);
    }

    /** The traveller's trips and alerts, found through one of their alerts. */
    @Transactional
    public Map.Entry<List<TravelRecord>, List<AlertRow>> traveller(long alertId) {
        requireOfficer();
        AlertRow a = alerts.find(alertId).orElseThrow(() -> new NoSuchElementException("alert " + alertId));
        audit.record(AuditEntry.of(AuditLog.Actions.READ, "screening_traveller", alertId, AuditEntry.Outcome.SUCCESS)
                .withPurpose("exit screening"));
        return Map.entry(records.trips(a.travellerKey()).stream().map(RecordStore.Stored::record).toList(),
                alerts.forTraveller(a.travellerKey()));
    }

    @Transactional
    public void claim(long id) {
        CurrentUser user = requireOfficer();
        if (!alerts.transition(id, "OPEN", "CLAIMED", user.username(), null, null, null, null, null, null)) {
            throw new DecisionException("status", "screening.decision.error.notOpen");
        }
        decided(id, "CLAIM", null);
    }

    /**
     * Dismisses an alert with a reason. A watchlist match is only proposed for dismissal; a second
     * officer (not the proposer) confirms it.
     */
    @Transactional
    public String dismiss(long id, String reason) {
        CurrentUser user = requireOfficer();
        if (reason == null || reason.isBlank()) {
            throw new DecisionException("reason", "screening.decision.error.reason");
        }
        AlertRow a = alerts.find(id).orElseThrow(() -> new NoSuchElementException("alert " + id));
        String by = user.username();
        if ("DISMISS_PROPOSED".equals(a.status())) {
            if (by.equals(a.proposedBy())) {
                audit.recordIndependently(AuditEntry.of("DISMISS", ENTITY, id, AuditEntry.Outcome.DENIED)
                        .withDetails("four-eyes: same officer"));
                throw new DecisionException("reason", "screening.decision.error.fourEyes");
            }
            transition(a, "DISMISSED", null, null, null, by, reason.strip(), null);
            decided(id, "DISMISS", "confirmed");
            return "DISMISSED";
        }
        if (!"OPEN".equals(a.status()) && !"CLAIMED".equals(a.status())) {
            throw new DecisionException("status", "screening.decision.error.decided");
        }
        if (a.watchlistMatch()) {
            transition(a, "DISMISS_PROPOSED", by, by, reason.strip(), null, null, null);
            decided(id, "DISMISS", "proposed, awaits a second officer");
            return "DISMISS_PROPOSED";
        }
        transition(a, "DISMISSED", by, null, null, by, reason.strip(), null);
        decided(id, "DISMISS", null);
        return "DISMISSED";
    }

    /** Hands the alert to intelligence as a lead (the rules that fired and the trip, no more). */
    @Transactional
    public long escalate(long id) {
        CurrentUser user = requireOfficer();
        AlertRow a = alerts.find(id).orElseThrow(() -> new NoSuchElementException("alert " + id));
        if (!List.of("OPEN", "CLAIMED", "DISMISS_PROPOSED").contains(a.status())) {
            throw new DecisionException("status", "screening.decision.error.decided");
        }
        IntelligenceLeads intelligence = leads.orderedStream().findFirst().orElse(null);
        if (intelligence == null) {
            throw new DecisionException("status", "screening.decision.error.noIntelligence");
        }
        TravelRecord r = records.byRecordIds(List.of(a.recordId())).get(0).record();
        Long watchlistEntry = AlertDetails.read(a.details()).stream()
                .filter(l -> l.kind().equals("C") && l.fields().get(0).equals("WATCHLIST"))
                .map(l -> Long.valueOf(l.fields().get(1))).findFirst().orElse(null);
        long lead = intelligence.leadFromScreeningAlert(new IntelligenceLeads.ScreeningLead(a.reference(), null,
                watchlistEntry, r.fullName(), r.birthDate().isKnown() ? r.birthDate().toString() : null, r.documentNumber(),
                "rules " + a.rules() + "; " + r.direction() + " " + r.travelDate() + " to " + r.destinationCountry()));
        transition(a, "ESCALATED", user.username(), null, null, user.username(), null, lead);
        decided(id, "ESCALATE", "lead " + lead);
        return lead;
    }

    /**
     * Refers the child of the alert to intake: a routed report (channel POLICE) to the committee of
     * the commune where the child lives as the officer learnt it ({@code unitCode}, optional), else of
     * the child's commune when the register knows the child (an at-risk match), else of the officer's
     * area, with what the officer saw; returns the report's id. The report opens the usual way to a case.
     */
    @Transactional
    public long refer(long id, String reason, String unitCode) {
        CurrentUser user = requireOfficer();
        AlertRow a = alerts.find(id).orElseThrow(() -> new NoSuchElementException("alert " + id));
        if (!a.minor()) {
            throw new DecisionException("status", "screening.decision.error.notMinor");
        }
        if (!List.of("OPEN", "CLAIMED").contains(a.status())) {
            throw new DecisionException("status", "screening.decision.error.decided");
        }
        String chosen = unitCode == null || unitCode.isBlank() ? null : unitCode.strip();
        if (chosen != null && (chosen.length() != 5 || directory.unitName(chosen, java.util.Locale.ROOT).isEmpty())) {
            throw new DecisionException("unitCode", "screening.decision.error.unit");
        }
        TravelRecord r = records.byRecordIds(List.of(a.recordId())).get(0).record();
        AtRiskIndex.Child child = a.atRiskPersonId() == null ? null
                : atRisk.snapshot().children().get(String.valueOf(a.atRiskPersonId()));
        String unit = chosen != null ? chosen : child != null && child.unitCode() != null ? child.unitCode() : user.jurisdictionCode();
        String narrative = "Kiểm soát xuất nhập cảnh, cảnh báo " + a.reference() + ": " + r.fullName()
                + (r.birthDate().isKnown() ? " (sinh " + r.birthDate() + ", " + r.ageOnTravel() + " tuổi)" : "")
                + (r.documentNumber() == null ? "" : ", giấy tờ " + r.documentNumber())
                + ", " + ("EXIT".equals(r.direction()) ? "xuất cảnh" : "nhập cảnh") + " ngày " + r.travelDate()
                + (r.borderGate() == null ? "" : " qua " + r.borderGate())
                + (r.destinationCountry() == null ? "" : ", đi " + r.destinationCountry())
                + (r.visaType() == null ? "" : ", thị thực " + r.visaType())
                + ". Quy tắc: " + a.rules() + "."
                + (child == null ? "" : " Trùng với trẻ em của hồ sơ " + child.caseReference() + ".")
                + (reason == null || reason.isBlank() ? "" : " Ghi chú của cán bộ: " + reason.strip());
        long intakeId;
        try {
            intakeId = intake.referFromBorder(unit, narrative, user.fullName() + " – " + user.agencyNameVi());
        } catch (RuntimeException e) {
            if (e instanceof AccessDeniedException) {
                throw e;
            }
            throw new DecisionException("status", "screening.decision.error.unroutable");
        }
        transition(a, "REFERRED", user.username(), null, null, user.username(), reason == null ? null : reason.strip(), null);
        alerts.referredTo(id, intakeId);
        decided(id, "REFER", "intake report " + intakeId);
        return intakeId;
    }

    /**
     * Opens the child-protection case for the child of an open alert, for an officer who may also open
     * cases (a police case worker): the referral's report first (the start of every case), then the
     * child found in the register (the at-risk match, else a strong search-before-create candidate, else
     * registered from the travel document) and the case opened from the report through casework — owned
     * by the committee of the child's commune, the officer leading the team. One transaction: all or nothing.
     * Officers without a case role refer; the committee opens the case from its inbox.
     */
    @Transactional
    public long openCase(long id, String reason, String unitCode) {
        CurrentUser user = requireOfficer();
        if (!policy.canOpenCases(user)) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.CREATE, "cp_case", null, AuditEntry.Outcome.DENIED)
                    .withDetails("from screening alert " + id));
            throw new AccessDeniedException("opening a case needs a case role");
        }
        AlertRow a = alerts.find(id).orElseThrow(() -> new NoSuchElementException("alert " + id));
        if (a.caseId() != null) {
            throw new DecisionException("status", "screening.decision.error.caseOpened");
        }
        if (a.atRiskPersonId() == null && (unitCode == null || unitCode.isBlank())) {
            throw new DecisionException("unitCode", "screening.decision.error.caseUnit");
        }
        long intakeId = refer(id, reason, unitCode);
        TravelRecord r = records.byRecordIds(List.of(a.recordId())).get(0).record();
        long caseId;
        try {
            long child = a.atRiskPersonId() != null ? a.atRiskPersonId() : registeredChild(r, unitCode.strip());
            caseId = cases.openFromReport(intakeId, child, "Mở từ cảnh báo kiểm soát xuất nhập cảnh " + a.reference());
        } catch (AccessDeniedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DecisionException("status", "screening.decision.error.caseNotOpened");
        }
        alerts.caseOpened(id, caseId);
        decided(id, "OPEN_CASE", "case " + caseId + " from intake report " + intakeId);
        return caseId;
    }

    /** Search before create: a strong candidate of the register, else the child registered from the travel record. */
    private long registeredChild(TravelRecord r, String unitCode) {
        List<String> documents = r.documentNumber() == null ? List.of() : List.of(r.documentNumber());
        String birth = r.birthDate().isKnown() ? r.birthDate().toString() : null;
        String sex = switch (r.sex()) {
            case FEMALE -> "F";
            case MALE -> "M";
            case UNKNOWN -> null;
        };
        return register.candidates(new PersonQuery(r.fullName(), birth, sex, documents), 5).stream()
                .filter(PersonCandidate::strong).map(PersonCandidate::personId).findFirst()
                .orElseGet(() -> register.register(new NewPerson(r.fullName(), birth, null, sex,
                        documents.stream().map(d -> new NewPerson.PersonDocument("PASSPORT", d)).toList(), r.nationality(),
                        null, unitCode, null, null)));
    }

    /** The reference of the case opened from the alert, when there is one. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> caseReference(AlertRow a) {
        return a.caseId() == null ? java.util.Optional.empty() : cases.reference(a.caseId());
    }

    /** The communes a report can be routed to from the officer's area, by name. */
    public Map<String, String> communes(java.util.Locale locale) {
        CurrentUser user = requireOfficer();
        Map<String, String> communes = new java.util.TreeMap<>();
        agencies.activeOfKind(vn.childguard.organisation.AgencyKind.PEOPLES_COMMITTEE, java.time.LocalDate.now(clock)).stream()
                .map(vn.childguard.organisation.AgencyRef::areaCode)
                .filter(code -> code != null && code.length() == 5 && directory.covers(user.jurisdictionCode(), code))
                .forEach(code -> communes.put(code, directory.unitName(code, locale).orElse(code)));
        return communes;
    }

    private void transition(AlertRow a, String status, String claimedBy, String proposedBy, String proposedReason, String decidedBy,
                            String reason, Long lead) {
        boolean done = alerts.transition(a.id(), a.status(), status, claimedBy, proposedBy, proposedReason, decidedBy,
                decidedBy == null ? null : clock.instant(), reason, lead);
        if (!done) {
            throw new DecisionException("status", "screening.decision.error.changed");
        }
    }

    private void decided(long id, String action, String details) {
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withPurpose("exit screening").withDetails(action + (details == null ? "" : ": " + details)));
    }

    @Transactional(readOnly = true)
    public AlertStore.Statistics statistics() {
        requireOfficer();
        return alerts.statistics();
    }

    // ------------------------------------------------------------------ streaming API

    /** Result of screening records sent to the API: per-record errors (index → field → key), or the alerts. */
    public record StreamResult(Map<Integer, List<RowError>> errors, List<AlertRow> alerts) {
    }

    @Transactional
    public StreamResult screenRecords(List<Map<String, String>> input) {
        CurrentUser user = requireOfficer();
        Map<Integer, List<RowError>> errors = new LinkedHashMap<>();
        List<TravelRecord> valid = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            Map<String, String> fields = input.get(i);
            var result = RecordValidation.validate(i, fields::get);
            if (result.record() == null) {
                errors.put(i, result.errors());
            } else if (!ids.add(result.record().recordId())) {
                errors.put(i, List.of(new RowError(i, "record_id", "screening.error.duplicateId", null)));
            } else {
                valid.add(result.record());
            }
        }
        if (!errors.isEmpty()) {
            return new StreamResult(errors, List.of());
        }
        java.util.Set<String> existing = records.existing(ids);
        List<TravelRecord> fresh = valid.stream().filter(r -> !existing.contains(r.recordId())).toList();
        if (!fresh.isEmpty()) {
            List<RecordStore.Stored> stored = records.insert(null, fresh, fresh.stream().map(r -> 0).toList(), clock.instant());
            alerts.insert(engine.screen(stored, null, rules.current()), clock.instant());
        }
        List<AlertRow> raised = alerts.forRecords(ids);
        audit.record(AuditEntry.of("SCREEN", "screening_record", null, AuditEntry.Outcome.SUCCESS)
                .withPurpose("exit screening").withDetails("api records " + valid.size() + " new " + fresh.size()
                        + " alerts " + raised.size() + " by " + user.agencyCode()));
        return new StreamResult(Map.of(), raised);
    }
}
