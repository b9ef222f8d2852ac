package vn.childguard.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.casework.CaseStatus;
import vn.childguard.casework.DeadlineKind;
import vn.childguard.intake.IntakeReports;
import vn.childguard.intake.IntakeSummary;
import vn.childguard.intake.Urgency;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.AgencyRef;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.organisation.ReferenceLists;
import vn.childguard.organisation.WorkingCalendar;
import vn.childguard.people.PersonRegister;
import vn.childguard.people.PersonView;
import vn.childguard.shared.crypto.DataCipher;

/**
 * Child-protection cases: opening (from a report or for a registered child), the Decree 56 steps
 * with their forms and clocks, referrals, consents, notes, team and transfers. Every method checks
 * {@link CasePolicy}, audits the access (refusals independently, so they survive the 403) and
 * encrypts what is said about the child.
 */
@Service
@Transactional
public class CaseworkService {

    public static final String ENTITY = "cp_case";
    public static final ZoneId VIETNAM = DeadlineRules.VIETNAM;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Referral.Status> OPEN_REFERRALS = EnumSet.of(Referral.Status.SENT, Referral.Status.ACCEPTED);

    /** What opening a case needs; {@code intakeId} or {@code childPersonId} (and the unit) must be given. */
    public record OpenCase(Long intakeId, Long childPersonId, String unitCode, boolean seriousRisk,
                           boolean abuserIsCarer) {
    }

    /** A referral to send. */
    public record NewReferral(String toAgency, String reason, List<String> services, Set<CaseSection> sections,
                              String legalBasis) {
    }

    /** A consent to record. */
    public record NewConsent(Consent.Subject subject, Long personId, String purpose, String recipientAgency,
                             LocalDate givenOn, Consent.Method method) {
    }

    /** Filters of the case list; null matches everything. */
    public record Filter(CaseStatus status, String unitCode, String reference) {
    }

    private final CaseRepository cases;
    private final CaseFormRepository forms;
    private final CaseDeadlineRepository deadlines;
    private final CaseTeamRepository team;
    private final CaseTransferRepository transfers;
    private final ReferralRepository referrals;
    private final ConsentRepository consents;
    private final CaseNoteRepository notes;
    private final CaseAttachmentRepository attachments;
    private final CaseEscalationRepository escalations;
    private final CasePolicy policy;
    private final CaseworkSettings settings;
    private final DeadlineRules rules;
    private final DataCipher cipher;
    private final AuditLog audit;
    private final AgencyCatalogue agencies;
    private final OrganisationDirectory directory;
    private final ReferenceLists lists;
    private final ObjectProvider<PersonRegister> people;
    private final ObjectProvider<IntakeReports> intake;
    private final Clock clock;

    CaseworkService(CaseRepository cases, CaseFormRepository forms, CaseDeadlineRepository deadlines,
                    CaseTeamRepository team, CaseTransferRepository transfers, ReferralRepository referrals,
                    ConsentRepository consents, CaseNoteRepository notes, CaseAttachmentRepository attachments,
                    CaseEscalationRepository escalations, CasePolicy policy, CaseworkSettings settings,
                    WorkingCalendar calendar, DataCipher cipher, AuditLog audit, AgencyCatalogue agencies,
                    OrganisationDirectory directory, ReferenceLists lists, ObjectProvider<PersonRegister> people,
                    ObjectProvider<IntakeReports> intake, Clock clock) {
        this.cases = cases;
        this.forms = forms;
        this.deadlines = deadlines;
        this.team = team;
        this.transfers = transfers;
        this.referrals = referrals;
        this.consents = consents;
        this.notes = notes;
        this.attachments = attachments;
        this.escalations = escalations;
        this.policy = policy;
        this.settings = settings;
        this.rules = new DeadlineRules(settings.emergencyHours(), settings.planWorkingDays(),
                settings.approvalWorkingDays(), settings.separationDays(), settings.referralResponseWorkingDays(),
                calendar, VIETNAM);
        this.cipher = cipher;
        this.audit = audit;
        this.agencies = agencies;
        this.directory = directory;
        this.lists = lists;
        this.people = people;
        this.intake = intake;
        this.clock = clock;
    }

    public DeadlineRules rules() {
        return rules;
    }

    // ---------------------------------------------------------------- opening

    public CpCase open(CurrentUser user, OpenCase command) {
        return open(user, command, user.agencyCode(), null);
    }

    /**
     * Opens a case as {@link #open(CurrentUser, OpenCase)} does — same checks, team (the user leads
     * it), clocks and audit — but owned by {@code owningAgencyCode} (e.g. the commune People's
     * Committee of a child victim of trafficking whose case the health department opens); {@code
     * reason}, if any, becomes the first note, encrypted.
     */
    public CpCase openOwnedBy(CurrentUser user, OpenCase command, String owningAgencyCode, String reason) {
        return open(user, command, owningAgencyCode, reason);
    }

    private CpCase open(CurrentUser user, OpenCase command, String owningAgencyCode, String reason) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (owningAgencyCode == null || agencies.byCode(owningAgencyCode).isEmpty()) {
            errors.put("owningAgency", "casework.open.error.unitUnknown");
        }
        Instant now = clock.instant();
        Instant receivedAt = now;
        Long childId = command.childPersonId();
        String unit = command.unitCode() == null ? null : command.unitCode().strip();
        boolean serious = command.seriousRisk();
        boolean carer = command.abuserIsCarer();
        if (command.intakeId() != null) {
            IntakeSummary report = intakeReports().find(command.intakeId())
                    .orElseThrow(() -> new NoSuchElementException("intake " + command.intakeId()));
            if (cases.findByIntakeId(command.intakeId()).isPresent() || report.caseId() != null) {
                throw new CaseRuleException("casework.open.error.alreadyOpened", "intakeId");
            }
            receivedAt = report.receivedAt();
            unit = report.unitCode();
            serious = serious || report.urgency() == Urgency.EMERGENCY;
            carer = carer || report.abuserIsCarer();
            if (childId == null) {
                childId = report.involved().stream().filter(i -> "CHILD".equals(i.part()))
                        .map(IntakeSummary.Involved::personId).findFirst().orElse(null);
            }
        }
        if (childId == null) {
            errors.put("childPersonId", "casework.open.error.child");
        } else if (people.getIfAvailable() != null && personRegister().label(childId).isEmpty()) {
            errors.put("childPersonId", "casework.open.error.childUnknown");
        }
        if (unit == null || unit.isBlank()) {
            errors.put("unitCode", "casework.open.error.unit");
        } else if (directory.unitName(unit, Locale.ROOT).isEmpty()) {
            errors.put("unitCode", "casework.open.error.unitUnknown");
        }
        if (!errors.isEmpty()) {
            throw new CaseForms.Invalid(errors);
        }
        if (!policy.canOpen(user, unit)) {
            deny(AuditLog.Actions.CREATE, null, "open outside jurisdiction");
        }
        CpCase c = new CpCase("pending", childId, command.intakeId(), owningAgencyCode, unit, serious, carer,
                receivedAt, now, user.username());
        c = cases.saveAndFlush(c);
        c.assignReference("BVTE-" + receivedAt.atZone(VIETNAM).getYear() + "-" + String.format("%06d", c.getId()));
        team.save(new CaseTeamMember(c.getId(), user.username(), true, now, user.username()));
        startEmergencyClock(c, now);
        if (command.intakeId() != null) {
            intakeReports().caseOpened(command.intakeId(), c.getId());
        }
        if (reason != null && !reason.isBlank()) {
            notes.save(new CaseNote(c.getId(), CaseNote.Kind.NOTE, cipher.encrypt(reason.strip()), user.username(), now));
        }
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, ENTITY, c.getId(), AuditEntry.Outcome.SUCCESS)
                .withDetails((command.intakeId() == null ? "direct" : "from intake " + command.intakeId())
                        + (owningAgencyCode.equals(user.agencyCode()) ? "" : ", owned by " + owningAgencyCode)));
        return c;
    }

    private void startEmergencyClock(CpCase c, Instant now) {
        if (!c.isSeriousRisk() && !c.isAbuserIsCarer()) {
            return;
        }
        if (!deadlines.findByCaseIdAndKind(c.getId(), DeadlineKind.EMERGENCY_ACTION).isEmpty()) {
            return;
        }
        rules.emergencyAction(c.getReceivedAt(), c.isSeriousRisk(), c.isAbuserIsCarer())
                .ifPresent(due -> deadlines.save(new CaseDeadline(c.getId(), DeadlineKind.EMERGENCY_ACTION, null, due,
                        now)));
    }

    // ---------------------------------------------------------------- reading

    /** The case as the user may see it; the read is audited, a refusal too (403). */
    @Transactional(readOnly = true)
    public CaseView read(CurrentUser user, long caseId) {
        CpCase c = find(caseId);
        CasePolicy.Access access = policy.access(user, c);
        if (!access.canRead()) {
            deny(AuditLog.Actions.READ, caseId, null);
        }
        AuditEntry entry = AuditEntry.of(AuditLog.Actions.READ, ENTITY, caseId, AuditEntry.Outcome.SUCCESS);
        if (access.emergency() != null) {
            entry = entry.withPurpose(access.emergency().reason())
                    .withDetails("break-the-glass, emergency access " + access.emergency().id());
        } else {
            entry = entry.withDetails(access.full() ? "case" : "referral sections " + access.sections());
        }
        audit.record(entry);
        return view(user, c, access);
    }

    /** The case's child for another module (intelligence), if this user may see the child's identity; audited. */
    @Transactional
    public Optional<Long> childSharedWith(CurrentUser user, long caseId) {
        Optional<CpCase> found = user == null ? Optional.empty() : cases.findById(caseId);
        // break-the-glass lets its holder read the case, not hand the child to another module
        CasePolicy.Access access = found.isEmpty() ? CasePolicy.Access.NONE : policy.access(user, found.get());
        if (!access.sees(CaseSection.CHILD_IDENTITY) || access.emergency() != null) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.READ, ENTITY, caseId, AuditEntry.Outcome.DENIED)
                    .withDetails("child identity not shared"));
            return Optional.empty();
        }
        audit.record(AuditEntry.of(AuditLog.Actions.READ, ENTITY, caseId, AuditEntry.Outcome.SUCCESS)
                .withDetails("child identity handed to another module"));
        return Optional.of(found.get().getChildPersonId());
    }

    private CaseView view(CurrentUser user, CpCase c, CasePolicy.Access access) {
        Instant now = clock.instant();
        Locale vi = Locale.forLanguageTag("vi");
        String childLabel = access.sees(CaseSection.CHILD_IDENTITY) && people.getIfAvailable() != null
                ? personRegister().label(c.getChildPersonId()).orElse(null) : null;
        List<CaseView.FormVersion> formViews = new ArrayList<>();
        for (CaseForm f : forms.findByCaseIdOrderByCreatedAtAscIdAsc(c.getId())) {
            if (access.sees(sectionOf(f.getFormCode()))) {
                formViews.add(new CaseView.FormVersion(f.getId(), f.getFormCode(), f.getCycleNo(), f.getFormVersion(),
                        decode(f.getContent()), f.getAuthor(), f.getCreatedAt()));
            }
        }
        List<CaseView.Deadline> clocks = access.full() ? deadlines.findByCaseIdOrderByDueAt(c.getId()).stream()
                .map(d -> new CaseView.Deadline(d, rules.status(d.getDueAt(), d.getMetAt(), d.getWaivedAt(), now),
                        java.time.Duration.between(now, d.getDueAt()).toMinutes()))
                .toList() : List.of();
        List<Referral> all = referrals.findByCaseIdOrderBySentAt(c.getId());
        List<CaseView.ReferralView> referralViews = all.stream()
                .filter(r -> access.full() || access.referralIds().contains(r.getId()))
                .map(r -> new CaseView.ReferralView(r, agencyName(r.getToAgencyCode(), vi),
                        cipher.decrypt(r.getReportBack())))
                .toList();
        List<CaseView.NoteView> noteViews = notes.findByCaseIdOrderByCreatedAt(c.getId()).stream()
                .filter(n -> access.full() || n.getKind() == CaseNote.Kind.MONITORING
                        && access.sees(CaseSection.MONITORING))
                .map(n -> new CaseView.NoteView(n.getId(), n.getKind(), cipher.decrypt(n.getBody()), n.getAuthor(),
                        n.getCreatedAt()))
                .toList();
        return new CaseView(c, access, childLabel, agencyName(c.getOwningAgencyCode(), vi),
                directory.unitName(c.getUnitCode(), vi).orElse(c.getUnitCode()), formViews, clocks, referralViews,
                access.full() ? consents.findByCaseIdOrderByRecordedAt(c.getId()) : List.of(), noteViews,
                access.full() ? attachments.findByCaseIdOrderByUploadedAt(c.getId()) : List.of(),
                access.full() ? team.findByCaseIdOrderByAddedAt(c.getId()) : List.of(),
                access.full() ? transfers.findByCaseIdOrderByTransferredAt(c.getId()) : List.of(),
                access.full() ? escalations.findByCaseId(c.getId()) : List.of(),
                all.stream().filter(Referral::isOpen).count());
    }

    static CaseSection sectionOf(String formCode) {
        return switch (formCode) {
            case "F04", "F05" -> CaseSection.PLAN;
            case "F06" -> CaseSection.MONITORING;
            default -> CaseSection.ASSESSMENT;
        };
    }

    /**
     * One page of the cases the user may see, newest first, filtered in the database; the page is audited
     * as one read of the list. The agency's units are checked once each, not once per case.
     */
    @Transactional(readOnly = true)
    public Page<CpCase> list(CurrentUser user, Filter filter, Pageable pageable) {
        Set<Long> others = new java.util.HashSet<>(cases.findTeamCaseIds(user.username()));
        for (Referral r : referrals.findByToAgencyCodeAndStatusInOrderBySentAt(user.agencyCode(), OPEN_REFERRALS)) {
            if (!others.contains(r.getCaseId())) {
                cases.findById(r.getCaseId()).filter(c -> policy.access(user, c).canRead())
                        .ifPresent(c -> others.add(c.getId()));
            }
        }
        OwnedScope owned = ownedScope(user);
        String reference = filter.reference() == null || filter.reference().isBlank() ? null
                : "%" + likeEscaped(filter.reference().strip().toUpperCase(Locale.ROOT)) + "%";
        String unit = filter.unitCode() == null || filter.unitCode().isBlank() ? null : filter.unitCode().strip();
        Pageable newestFirst = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by(Sort.Order.desc("openedAt"), Sort.Order.desc("id")));
        Page<CpCase> page = others.isEmpty()
                ? cases.findOwned(owned.agency(), owned.hidden(), filter.status(), unit, reference, newestFirst)
                : cases.findOwnedAndOthers(owned.agency(), owned.hidden(), others, filter.status(), unit, reference,
                        newestFirst);
        audit.record(AuditEntry.of(AuditLog.Actions.READ, ENTITY, null, AuditEntry.Outcome.SUCCESS)
                .withDetails("list page " + (page.getNumber() + 1) + ": " + page.getNumberOfElements() + " of "
                        + page.getTotalElements() + " case(s)"));
        return page;
    }

    /**
     * The agency whose cases the user works on as owner staff, and the units of its cases the user's
     * jurisdiction does not cover; no agency for users who are not case staff.
     */
    private record OwnedScope(String agency, List<String> hidden) {
    }

    private OwnedScope ownedScope(CurrentUser user) {
        if (!opensCases(user)) {
            return new OwnedScope("", List.of(""));
        }
        List<String> hidden = cases.findUnitCodesOwnedBy(user.agencyCode()).stream()
                .filter(unit -> !policy.isOwnerStaff(user, user.agencyCode(), unit)).toList();
        return new OwnedScope(user.agencyCode(), orNone(hidden, ""));
    }

    /** An IN list never empty: a value no row has stands for "none". */
    private static <T> List<T> orNone(List<T> values, T none) {
        return values.isEmpty() ? List.of(none) : values;
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    // ---------------------------------------------------------------- steps

    /**
     * Records a version of a form and takes the step it belongs to; {@code typed} holds the values as
     * typed (see {@link CaseForms}). F05 (the decision) goes through {@link #decide}.
     */
    public CaseForm recordForm(CurrentUser user, long caseId, String formCode, Map<String, String> typed) {
        CpCase c = findForChange(user, caseId);
        CaseAction action = switch (formCode) {
            case "F02" -> CaseAction.INITIAL_ASSESSMENT;
            case "F07" -> CaseAction.EMERGENCY_DECISION;
            case "F03" -> CaseAction.NEEDS_ASSESSMENT;
            case "F04" -> CaseAction.SUBMIT_PLAN;
            case "F06" -> CaseAction.REVIEW;
            default -> throw new NoSuchElementException("form " + formCode);
        };
        CaseStatus next = CaseWorkflow.next(c.getStatus(), action, context(user, c));
        Map<String, Object> data = CaseForms.check(formCode, typed, serviceCodes());
        Instant now = clock.instant();
        boolean newCycle = c.getStatus() == CaseStatus.REVIEW || c.getStatus() == CaseStatus.REOPENED;
        c.moveTo(next, now);
        CaseForm saved = saveForm(c, formCode, data, user, now);
        switch (action) {
            case INITIAL_ASSESSMENT -> {
                c.markRisk("SERIOUS".equals(data.get("riskLevel")) || Boolean.TRUE.equals(data.get("emergencyNeeded")),
                        Boolean.TRUE.equals(data.get("abuserIsCarer")));
                startEmergencyClock(c, now);
                if (deadlines.findByCaseIdAndKind(c.getId(), DeadlineKind.SUPPORT_PLAN).stream()
                        .noneMatch(CaseDeadline::isRunning)) {
                    deadlines.save(new CaseDeadline(c.getId(), DeadlineKind.SUPPORT_PLAN, null, rules.supportPlan(now),
                            now));
                }
            }
            case EMERGENCY_DECISION -> {
                meet(c, DeadlineKind.EMERGENCY_ACTION, now);
                if ("TEMPORARY_SEPARATION".equals(data.get("measure"))) {
                    Instant start = LocalDate.parse((String) data.get("startedOn")).atStartOfDay(VIETNAM).toInstant();
                    deadlines.findByCaseIdAndKind(c.getId(), DeadlineKind.SEPARATION_END).stream()
                            .filter(CaseDeadline::isRunning).forEach(d -> d.waive(now, "superseded"));
                    deadlines.save(new CaseDeadline(c.getId(), DeadlineKind.SEPARATION_END, null,
                            rules.separationEnd(start, 0), now));
                }
            }
            case NEEDS_ASSESSMENT -> {
                // a new cycle (after a review or reopening) runs a new plan clock
                if (deadlines.findByCaseIdAndKind(c.getId(), DeadlineKind.SUPPORT_PLAN).stream()
                        .noneMatch(CaseDeadline::isRunning) && newCycle) {
                    deadlines.save(new CaseDeadline(c.getId(), DeadlineKind.SUPPORT_PLAN, null, rules.supportPlan(now),
                            now));
                }
            }
            case SUBMIT_PLAN -> {
                c.planSubmittedBy(user.username());
                meet(c, DeadlineKind.SUPPORT_PLAN, now);
                deadlines.save(new CaseDeadline(c.getId(), DeadlineKind.PLAN_APPROVAL, null, rules.planApproval(now),
                        now));
            }
            default -> {
            }
        }
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, caseId, AuditEntry.Outcome.SUCCESS)
                .withDetails("form " + formCode + " v" + saved.getFormVersion() + ", status " + next));
        return saved;
    }

    /** The approver's decision on the submitted plan (Form 05): approve or return for changes. */
    public CaseForm decide(CurrentUser user, long caseId, Map<String, String> typed) {
        CpCase c = find(caseId);
        CasePolicy.Access access = policy.access(user, c);
        if (!access.canChange()) {
            deny(AuditLog.Actions.UPDATE, caseId, "approval");
        }
        Map<String, Object> data = CaseForms.check("F05", typed, Set.of());
        boolean approve = "APPROVED".equals(data.get("decision"));
        CaseStatus next = CaseWorkflow.next(c.getStatus(), approve ? CaseAction.APPROVE_PLAN : CaseAction.RETURN_PLAN,
                context(user, c));
        Instant now = clock.instant();
        c.moveTo(next, now);
        meet(c, DeadlineKind.PLAN_APPROVAL, now);
        if (!approve) {
            // the plan is due again: the returned plan's clock restarts from the return
            deadlines.save(new CaseDeadline(c.getId(), DeadlineKind.SUPPORT_PLAN, null, rules.supportPlan(now), now));
        }
        CaseForm saved = saveForm(c, "F05", data, user, now);
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, caseId, AuditEntry.Outcome.SUCCESS)
                .withDetails("plan " + (approve ? "approved" : "returned")));
        return saved;
    }

    /** Steps without a form: start implementation, close, reopen (reason required). */
    public CpCase transition(CurrentUser user, long caseId, CaseAction action, String reason) {
        if (action.form() != null) {
            throw new CaseRuleException("casework.rule.useForm", "action");
        }
        CpCase c = findForChange(user, caseId);
        if (action == CaseAction.REOPEN && (reason == null || reason.isBlank())) {
            throw new CaseForms.Invalid(Map.of("reason", "casework.form.error.required"));
        }
        CaseStatus next = CaseWorkflow.next(c.getStatus(), action, context(user, c));
        Instant now = clock.instant();
        c.moveTo(next, now);
        if (next == CaseStatus.CLOSED) {
            deadlines.findByCaseIdOrderByDueAt(caseId).forEach(d -> d.waive(now, "case closed"));
        }
        if (reason != null && !reason.isBlank()) {
            notes.save(new CaseNote(caseId, CaseNote.Kind.NOTE, cipher.encrypt(reason.strip()), user.username(), now));
        }
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, caseId, AuditEntry.Outcome.SUCCESS)
                .withDetails(action + " -> " + next));
        return c;
    }

    /** Extends the temporary separation by some days, with the reason recorded. */
    public CaseDeadline extendSeparation(CurrentUser user, long caseId, int days, String reason) {
        CpCase c = findForChange(user, caseId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (days < 1 || days > 365) {
            errors.put("days", "casework.deadline.error.days");
        }
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "casework.form.error.required");
        }
        if (!errors.isEmpty()) {
            throw new CaseForms.Invalid(errors);
        }
        CaseDeadline d = deadlines.findByCaseIdAndKind(c.getId(), DeadlineKind.SEPARATION_END).stream()
                .filter(CaseDeadline::isRunning).findFirst()
                .orElseThrow(() -> new CaseRuleException("casework.deadline.error.noSeparation"));
        d.extend(days, d.getDueAt().plus(java.time.Duration.ofDays(days)), reason.strip());
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, caseId, AuditEntry.Outcome.SUCCESS)
                .withDetails("separation extended by " + days + " day(s)"));
        return d;
    }

    /** Ends a running separation (the child went home or to a longer placement). */
    public void endSeparation(CurrentUser user, long caseId) {
        CpCase c = findForChange(user, caseId);
        meet(c, DeadlineKind.SEPARATION_END, clock.instant());
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, caseId, AuditEntry.Outcome.SUCCESS)
                .withDetails("separation ended"));
    }

    // ---------------------------------------------------------------- referrals

    public Referral refer(CurrentUser user, long caseId, NewReferral command) {
        CpCase c = findForChange(user, caseId);
        if (!c.getStatus().isOpen()) {
            throw new CaseRuleException("casework.rule.closed");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String to = command.toAgency() == null ? "" : command.toAgency().strip();
        try {
            CaseWorkflow.checkReferral(c.getOwningAgencyCode(), to);
        } catch (CaseRuleException e) {
            errors.put("toAgency", e.messageKey());
        }
        if (errors.isEmpty() && agencies.byCode(to).filter(a -> a.isActive(LocalDate.now(clock))).isEmpty()) {
            errors.put("toAgency", "casework.referral.error.toAgency");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            errors.put("reason", "casework.form.error.required");
        }
        List<String> services = command.services() == null ? List.of() : command.services().stream()
                .filter(s -> s != null && !s.isBlank()).distinct().toList();
        Set<String> known = serviceCodes();
        if (services.isEmpty()) {
            errors.put("services", "casework.referral.error.services");
        } else if (!known.containsAll(services)) {
            errors.put("services", "casework.form.error.option");
        }
        if (!errors.isEmpty()) {
            throw new CaseForms.Invalid(errors);
        }
        Instant now = clock.instant();
        String legalBasis = command.legalBasis() == null || command.legalBasis().isBlank() ? null
                : command.legalBasis().strip();
        Referral r = referrals.save(new Referral(caseId, c.getOwningAgencyCode(), to, command.reason().strip(),
                services, command.sections() == null ? Set.of() : command.sections(), legalBasis,
                rules.referralResponse(now), user.username(), now));
        deadlines.save(new CaseDeadline(caseId, DeadlineKind.REFERRAL_RESPONSE, r.getId(), r.getRespondBy(), now));
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "referral", r.getId(), AuditEntry.Outcome.SUCCESS)
                .withDetails("case " + caseId + " to " + to + (legalBasis == null ? "" : " with legal basis")));
        return r;
    }

    /** The receiving agency accepts or declines (a reason is required to decline). */
    public Referral respond(CurrentUser user, long caseId, long referralId, boolean accept, String reason) {
        Referral r = referral(caseId, referralId);
        if (!policy.isReceiverOf(user, r)) {
            deny(AuditLog.Actions.UPDATE, caseId, "referral " + referralId);
        }
        if (r.getStatus() != Referral.Status.SENT) {
            throw new CaseRuleException("casework.referral.error.notSent");
        }
        if (!accept && (reason == null || reason.isBlank())) {
            throw new CaseForms.Invalid(Map.of("reason", "casework.referral.error.declineReason"));
        }
        Instant now = clock.instant();
        r.respond(accept ? Referral.Status.ACCEPTED : Referral.Status.DECLINED,
                reason == null || reason.isBlank() ? null : reason.strip(), user.username(), now);
        deadlines.findByReferralId(referralId).forEach(d -> d.met(now));
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, "referral", referralId, AuditEntry.Outcome.SUCCESS)
                .withDetails(accept ? "accepted" : "declined"));
        return r;
    }

    /** The receiver reports back on what was done (encrypted); may be repeated while accepted. */
    public Referral reportBack(CurrentUser user, long caseId, long referralId, String text) {
        Referral r = referral(caseId, referralId);
        if (!policy.isReceiverOf(user, r)) {
            deny(AuditLog.Actions.UPDATE, caseId, "referral " + referralId);
        }
        if (r.getStatus() != Referral.Status.ACCEPTED) {
            throw new CaseRuleException("casework.referral.error.notAccepted");
        }
        if (text == null || text.isBlank()) {
            throw new CaseForms.Invalid(Map.of("reportBack", "casework.form.error.required"));
        }
        r.reportBack(cipher.encrypt(text.strip()));
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, "referral", referralId, AuditEntry.Outcome.SUCCESS)
                .withDetails("report back"));
        return r;
    }

    /** Completes an accepted referral: the receiver or the case's owner, once the work is done. */
    public Referral complete(CurrentUser user, long caseId, long referralId, String text) {
        Referral r = referral(caseId, referralId);
        CpCase c = find(caseId);
        boolean receiver = policy.isReceiverOf(user, r);
        if (!receiver && !policy.access(user, c).canChange()) {
            deny(AuditLog.Actions.UPDATE, caseId, "referral " + referralId);
        }
        if (r.getStatus() != Referral.Status.ACCEPTED) {
            throw new CaseRuleException("casework.referral.error.notAccepted");
        }
        if (text != null && !text.isBlank()) {
            r.reportBack(cipher.encrypt(text.strip()));
        }
        r.close(Referral.Status.COMPLETED, clock.instant());
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, "referral", referralId, AuditEntry.Outcome.SUCCESS)
                .withDetails("completed"));
        return r;
    }

    /** The sender revokes a referral that is still open; its clock is waived. */
    public Referral revoke(CurrentUser user, long caseId, long referralId, String reason) {
        findForChange(user, caseId);
        Referral r = referral(caseId, referralId);
        if (!r.isOpen()) {
            throw new CaseRuleException("casework.referral.error.notOpen");
        }
        Instant now = clock.instant();
        r.close(Referral.Status.REVOKED, now);
        if (reason != null && !reason.isBlank()) {
            r.respond(Referral.Status.REVOKED, reason.strip(), r.getRespondedBy(), r.getRespondedAt());
        }
        deadlines.findByReferralId(referralId).forEach(d -> d.waive(now, "revoked"));
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, "referral", referralId, AuditEntry.Outcome.SUCCESS)
                .withDetails("revoked"));
        return r;
    }

    private Referral referral(long caseId, long referralId) {
        return referrals.findById(referralId).filter(r -> r.getCaseId() == caseId)
                .orElseThrow(() -> new NoSuchElementException("referral " + referralId));
    }

    /** Referrals sent to the user's agency and not answered yet (receivers only). */
    @Transactional(readOnly = true)
    public List<Referral> awaitingMyAnswer(CurrentUser user) {
        return referrals.findByToAgencyCodeAndStatusInOrderBySentAt(user.agencyCode(), Set.of(Referral.Status.SENT))
                .stream().filter(r -> policy.isReceiverOf(user, r)).toList();
    }

    // ---------------------------------------------------------------- consents, notes, team

    public Consent recordConsent(CurrentUser user, long caseId, NewConsent command) {
        CpCase c = findForChange(user, caseId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (command.subject() == null) {
            errors.put("subject", "casework.form.error.required");
        }
        if (command.subject() == Consent.Subject.LEGAL_REPRESENTATIVE && command.personId() == null) {
            errors.put("personId", "casework.consent.error.person");
        }
        if (command.purpose() == null || command.purpose().isBlank()) {
            errors.put("purpose", "casework.form.error.required");
        }
        if (command.recipientAgency() != null && !command.recipientAgency().isBlank()
                && agencies.byCode(command.recipientAgency().strip()).isEmpty()) {
            errors.put("recipientAgency", "casework.referral.error.toAgency");
        }
        if (command.givenOn() == null) {
            errors.put("givenOn", "casework.form.error.date");
        } else if (command.givenOn().isAfter(LocalDate.now(clock.withZone(VIETNAM)))) {
            errors.put("givenOn", "casework.consent.error.future");
        }
        if (command.method() == null) {
            errors.put("method", "casework.form.error.required");
        }
        if (command.subject() == Consent.Subject.CHILD && !ConsentRule.childMayConsent(policy.childAgeOn(c,
                command.givenOn() == null ? LocalDate.now(clock.withZone(VIETNAM)) : command.givenOn()))) {
            errors.put("subject", "casework.consent.error.childUnder7");
        }
        if (!errors.isEmpty()) {
            throw new CaseForms.Invalid(errors);
        }
        Long person = command.subject() == Consent.Subject.CHILD ? Long.valueOf(c.getChildPersonId()) : command.personId();
        Consent saved = consents.save(new Consent(caseId, command.subject(), person, command.purpose().strip(),
                command.recipientAgency() == null || command.recipientAgency().isBlank() ? null
                        : command.recipientAgency().strip(), command.givenOn(), command.method(), user.username(),
                clock.instant()));
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "consent", saved.getId(), AuditEntry.Outcome.SUCCESS)
                .withDetails("case " + caseId));
        return saved;
    }

    public Consent withdrawConsent(CurrentUser user, long caseId, long consentId) {
        findForChange(user, caseId);
        Consent consent = consents.findById(consentId).filter(k -> k.getCaseId() == caseId)
                .orElseThrow(() -> new NoSuchElementException("consent " + consentId));
        consent.withdraw(user.username(), clock.instant());
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, "consent", consentId, AuditEntry.Outcome.SUCCESS)
                .withDetails("withdrawn"));
        return consent;
    }

    public CaseNote addNote(CurrentUser user, long caseId, CaseNote.Kind kind, String body) {
        findForChange(user, caseId);
        if (body == null || body.isBlank()) {
            throw new CaseForms.Invalid(Map.of("body", "casework.form.error.required"));
        }
        if (body.length() > 20_000) {
            throw new CaseForms.Invalid(Map.of("body", "casework.form.error.tooLong"));
        }
        CaseNote note = notes.save(new CaseNote(caseId, kind == null ? CaseNote.Kind.NOTE : kind,
                cipher.encrypt(body.strip()), user.username(), clock.instant()));
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "case_note", note.getId(), AuditEntry.Outcome.SUCCESS)
                .withDetails("case " + caseId));
        return note;
    }

    /** Hands the lead of the case to another user of the owning agency, with the reason; history kept. */
    public CaseTransfer transfer(CurrentUser user, long caseId, String toUsername, String reason,
                                 Collection<String> agencyStaff) {
        CpCase c = findForChange(user, caseId);
        Map<String, String> errors = new LinkedHashMap<>();
        String to = toUsername == null ? "" : toUsername.strip();
        if (!agencyStaff.contains(to)) {
            errors.put("toUsername", "casework.team.error.user");
        }
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "casework.form.error.required");
        }
        if (!errors.isEmpty()) {
            throw new CaseForms.Invalid(errors);
        }
        Instant now = clock.instant();
        List<CaseTeamMember> members = team.findByCaseIdOrderByAddedAt(caseId);
        String from = members.stream().filter(m -> m.isLead() && m.getRemovedAt() == null)
                .map(CaseTeamMember::getUsername).findFirst().orElse(null);
        members.stream().filter(m -> m.getRemovedAt() == null).forEach(m -> m.setLead(false));
        Optional<CaseTeamMember> existing = members.stream()
                .filter(m -> m.getRemovedAt() == null && m.getUsername().equals(to)).findFirst();
        existing.ifPresentOrElse(m -> m.setLead(true),
                () -> team.save(new CaseTeamMember(caseId, to, true, now, user.username())));
        CaseTransfer saved = transfers.save(new CaseTransfer(c.getId(), from, to, reason.strip(), user.username(), now));
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, caseId, AuditEntry.Outcome.SUCCESS)
                .withDetails("responsibility transferred"));
        return saved;
    }

    /** Adds a member of the owning agency to the team. */
    public CaseTeamMember addMember(CurrentUser user, long caseId, String username, Collection<String> agencyStaff) {
        findForChange(user, caseId);
        String name = username == null ? "" : username.strip();
        if (!agencyStaff.contains(name)) {
            throw new CaseForms.Invalid(Map.of("username", "casework.team.error.user"));
        }
        if (team.existsByCaseIdAndUsernameAndRemovedAtIsNull(caseId, name)) {
            throw new CaseForms.Invalid(Map.of("username", "casework.team.error.already"));
        }
        CaseTeamMember m = team.save(new CaseTeamMember(caseId, name, false, clock.instant(), user.username()));
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, caseId, AuditEntry.Outcome.SUCCESS)
                .withDetails("team member added"));
        return m;
    }

    // ---------------------------------------------------------------- helpers

    CpCase find(long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new NoSuchElementException("case " + caseId));
    }

    /** The case, when the user may change it; else the refusal is audited and 403 thrown. */
    CpCase findForChange(CurrentUser user, long caseId) {
        CpCase c = find(caseId);
        if (!policy.access(user, c).canChange()) {
            deny(AuditLog.Actions.UPDATE, caseId, null);
        }
        return c;
    }

    /** Whether the user may read the case (for the people hook), without auditing. */
    @Transactional(readOnly = true)
    public boolean mayReadChild(CurrentUser user, long personId) {
        return cases.findByChildPersonId(personId).stream().anyMatch(c -> policy.access(user, c).canRead());
    }

    private CaseWorkflow.Context context(CurrentUser user, CpCase c) {
        long open = referrals.findByCaseIdOrderBySentAt(c.getId()).stream().filter(Referral::isOpen).count();
        return new CaseWorkflow.Context(user.username(), user.roles(), user.agencyCode().equals(c.getOwningAgencyCode()),
                c.getPlanSubmittedBy(), settings.approverRole(), open);
    }

    private CaseForm saveForm(CpCase c, String code, Map<String, Object> data, CurrentUser user, Instant now) {
        int version = forms.findByCaseIdAndFormCodeOrderByIdDesc(c.getId(), code).stream()
                .mapToInt(CaseForm::getFormVersion).max().orElse(0) + 1;
        return forms.save(new CaseForm(c.getId(), code, c.getCycleNo(), version, cipher.encrypt(JSON.writeValueAsString(data)),
                user.username(), now));
    }

    private void meet(CpCase c, DeadlineKind kind, Instant now) {
        deadlines.findByCaseIdAndKind(c.getId(), kind).forEach(d -> d.met(now));
    }

    private Map<String, Object> decode(String encrypted) {
        return JSON.readValue(cipher.decrypt(encrypted), new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    public Set<String> serviceCodes() {
        LocalDate today = LocalDate.now(clock);
        return lists.items("support_service").stream().filter(i -> i.isValidOn(today)).map(ReferenceLists.Item::code)
                .collect(Collectors.toSet());
    }

    private String agencyName(String code, Locale locale) {
        return agencies.byCode(code).map(a -> a.name(locale)).orElse(code);
    }

    private void deny(String action, Long caseId, String details) {
        audit.recordIndependently(AuditEntry.of(action, ENTITY, caseId, AuditEntry.Outcome.DENIED)
                .withDetails(details));
        throw new AccessDeniedException("case refused");
    }

    /** Someone who may give consent for a case: the child, or a person the register relates to the child. */
    public record ConsentGiver(long personId, String label, String relationshipKind) {
    }

    /**
     * The child and the people the register records as the child's parents, guardians or carers, so that the case worker picks who
     * consented instead of typing a register number. Only for users with full access to the case.
     */
    @Transactional(readOnly = true)
    public List<ConsentGiver> consentGivers(CurrentUser user, long caseId) {
        CpCase c = find(caseId);
        if (!policy.access(user, c).full()) {
            return List.of();
        }
        PersonView child = personRegister().read(c.getChildPersonId());
        List<ConsentGiver> givers = new ArrayList<>();
        givers.add(new ConsentGiver(child.id(), personRegister().label(child.id()).orElse(child.fullName()), null));
        child.relationships().stream().filter(r -> !r.outgoing())
                .forEach(r -> givers.add(new ConsentGiver(r.otherPersonId(), r.otherLabel(), r.kind())));
        return givers;
    }

    private PersonRegister personRegister() {
        PersonRegister register = people.getIfAvailable();
        if (register == null) {
            throw new IllegalStateException("the people module is not available");
        }
        return register;
    }

    private IntakeReports intakeReports() {
        IntakeReports reports = intake.getIfAvailable();
        if (reports == null) {
            throw new IllegalStateException("the intake module is not available");
        }
        return reports;
    }

    /**
     * Reports awaiting a case at the user's agency, for those who open cases (a school's staff answer
     * referrals only, and intake refuses them its reports); empty while intake is not available.
     */
    @Transactional(readOnly = true)
    public List<IntakeSummary> reportsAwaitingCase(CurrentUser user) {
        IntakeReports reports = intake.getIfAvailable();
        if (reports == null || !opensCases(user)) {
            return List.of();
        }
        return reports.awaitingCase(user.agencyCode());
    }

    /** Whether the user may read the case now (no audit: used to choose where to go after a step). */
    @Transactional(readOnly = true)
    public boolean mayRead(CurrentUser user, long caseId) {
        return policy.access(user, find(caseId)).canRead();
    }

    /** Whether the user opens cases from reports: case workers and supervisors. */
    public boolean opensCases(CurrentUser user) {
        return user.has(vn.childguard.organisation.Role.CASE_WORKER)
                || user.has(vn.childguard.organisation.Role.CASE_SUPERVISOR);
    }

    /**
     * A page of running deadlines due before the end of today or overdue, most overdue first, of the
     * cases the user works on; it tells whether more follow, not how many (counting them all is the cost).
     */
    @Transactional(readOnly = true)
    public Slice<CaseView.Deadline> dueItems(CurrentUser user, Pageable pageable) {
        Instant now = clock.instant();
        Instant endOfToday = LocalDate.now(clock.withZone(VIETNAM)).plusDays(1).atStartOfDay(VIETNAM).toInstant();
        OwnedScope owned = ownedScope(user);
        return deadlines.findRunningDueBefore(endOfToday.plusNanos(1), owned.agency(), owned.hidden(),
                        user.username(), PageRequest.of(pageable.getPageNumber(),
                                pageable.getPageSize(), Sort.by(Sort.Order.asc("dueAt"), Sort.Order.asc("id"))))
                .map(d -> new CaseView.Deadline(d, rules.status(d.getDueAt(), null, null, now),
                        java.time.Duration.between(now, d.getDueAt()).toMinutes()));
    }

    /**
     * Escalations not yet acknowledged, oldest first, for those who owe the step: supervisors of the owning
     * agency, or, for an unanswered referral, the receiving agency's supervisors and those who answer referrals.
     */
    @Transactional(readOnly = true)
    public Slice<CaseEscalation> escalationsFor(CurrentUser user, Pageable pageable) {
        boolean supervises = user.has(vn.childguard.organisation.Role.CASE_SUPERVISOR);
        boolean answersReferrals = supervises || user.has(vn.childguard.organisation.Role.SCHOOL_STAFF)
                || user.has(vn.childguard.organisation.Role.CASE_WORKER);
        OwnedScope owned = ownedScope(user);
        return escalations.findOwedBy(user.agencyCode(), answersReferrals, supervises, owned.hidden(),
                DeadlineKind.REFERRAL_RESPONSE,
                PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                        Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("id"))));
    }

    public void acknowledge(CurrentUser user, long escalationId) {
        CaseEscalation e = escalations.findById(escalationId)
                .orElseThrow(() -> new NoSuchElementException("escalation " + escalationId));
        if (referralOf(e).isPresent()) {
            if (!owes(user, e)) {
                audit.recordIndependently(AuditEntry.of(AuditLog.Actions.UPDATE, "case_escalation", escalationId,
                        AuditEntry.Outcome.DENIED));
                throw new AccessDeniedException("escalation of another agency");
            }
        } else {
            findForChange(user, e.getCaseId());
        }
        e.acknowledge(user.username(), clock.instant());
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, "case_escalation", escalationId,
                AuditEntry.Outcome.SUCCESS));
    }

    private boolean owes(CurrentUser user, CaseEscalation e) {
        if (!e.getAgencyCode().equals(user.agencyCode())) {
            return false;
        }
        Optional<Referral> referral = referralOf(e);
        if (referral.isPresent()) {
            return referral.get().getToAgencyCode().equals(e.getAgencyCode())
                    && (user.has(vn.childguard.organisation.Role.CASE_SUPERVISOR) || policy.isReceiverOf(user, referral.get()));
        }
        return user.has(vn.childguard.organisation.Role.CASE_SUPERVISOR) && policy.isOwnerStaff(user, find(e.getCaseId()));
    }

    /** The referral whose unanswered response was escalated, if that is what the escalation is about. */
    private Optional<Referral> referralOf(CaseEscalation e) {
        return deadlines.findById(e.getDeadlineId())
                .filter(d -> d.getKind() == DeadlineKind.REFERRAL_RESPONSE && d.getReferralId() != null)
                .flatMap(d -> referrals.findById(d.getReferralId()));
    }

    /** A case's reference, for lists that show references only. */
    @Transactional(readOnly = true)
    public Optional<String> referenceOf(long caseId) {
        return cases.findById(caseId).map(CpCase::getReference);
    }

    /** The references of the cases, read at once for a list. */
    @Transactional(readOnly = true)
    public Map<Long, String> referencesOf(Collection<Long> caseIds) {
        Map<Long, String> references = new java.util.HashMap<>();
        cases.findAllById(Set.copyOf(caseIds)).forEach(c -> references.put(c.getId(), c.getReference()));
        return references;
    }

    public Optional<Integer> childAgeOn(long caseId, LocalDate day) {
        return cases.findById(caseId).flatMap(c -> personRegister().ageOn(c.getChildPersonId(), day));
    }

    /** Active agencies a case may be referred to, by code and name (not the owning one). */
    @Transactional(readOnly = true)
    public List<AgencyRef> referralTargets(String owningAgency) {
        LocalDate today = LocalDate.now(clock);
        List<AgencyRef> result = new ArrayList<>();
        for (var kind : vn.childguard.organisation.AgencyKind.values()) {
            agencies.activeOfKind(kind, today).stream().filter(a -> !a.code().equals(owningAgency)).forEach(result::add);
        }
        return result;
    }

    /** The communes with a People's Committee today inside the user's jurisdiction: where a new case may be. */
    public Map<String, String> communesOf(CurrentUser user, Locale locale) {
        Map<String, String> communes = new LinkedHashMap<>();
        agencies.activeOfKind(vn.childguard.organisation.AgencyKind.PEOPLES_COMMITTEE, LocalDate.now(clock)).stream()
                .map(AgencyRef::areaCode)
                .filter(code -> code != null && code.length() == 5 && directory.covers(user.jurisdictionCode(), code))
                .forEach(code -> communes.put(code, directory.unitName(code, locale).orElse(code)));
        return communes;
    }

    /** The child's short label for the "open a case" page, when the user may read the child. */
    @Transactional(readOnly = true)
    public Optional<String> childLabel(long personId) {
        PersonRegister register = personRegister();
        return register.mayRead(personId) ? register.label(personId) : Optional.empty();
    }

    /** Case workers and supervisors of an agency, who may join a case's team or take it over. */
    @Transactional(readOnly = true)
    public List<String> staffOf(String agencyCode) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(directory.usernamesOf(agencyCode,
                vn.childguard.organisation.Role.CASE_WORKER));
        names.addAll(directory.usernamesOf(agencyCode, vn.childguard.organisation.Role.CASE_SUPERVISOR));
        return List.copyOf(names);
    }
}
