package vn.childguard.trafficking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.audit.EmergencyAccess;
import vn.childguard.casework.ActionNeededSource;
import vn.childguard.casework.ChildProtectionCases;
import vn.childguard.casework.DeadlineStatus;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.AgencyKind;
import vn.childguard.organisation.AgencyRef;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.organisation.ReferenceLists;
import vn.childguard.people.PersonRegister;
import vn.childguard.people.PersonView;
import vn.childguard.shared.crypto.DataCipher;
import vn.childguard.trafficking.TraffickingStatus;

/**
 * Trafficking cases: opening (by the foreign-affairs, health or police case workers), the steps of
 * {@link TraffickingWorkflow} with the 3-day verification clock, HTCDS data, entitlements from the
 * Art. 37 matrix and their offer / acceptance / refusal / delivery, repatriation steps, reintegration
 * plan and follow-ups, notes, referrals and the link to a child-protection case. Every method checks
 * {@link TraffickingPolicy}, audits the access (refusals independently, so they survive the 403) and
 * encrypts what is said about the person.
 */
@Service
@Transactional
public class TraffickingService {

    public static final String ENTITY = "trafficking_case";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<TraffickingStatus> VICTIM = EnumSet.of(TraffickingStatus.IDENTIFIED,
            TraffickingStatus.SUPPORTED, TraffickingStatus.REINTEGRATING, TraffickingStatus.FOLLOW_UP);
    private static final Set<TraffickingStatus> BEING_IDENTIFIED = EnumSet.of(TraffickingStatus.RECEIVED,
            TraffickingStatus.UNDER_VERIFICATION);
    public static final Set<String> SUPPORT_STATES = Set.of("OFFERED", "ACCEPTED", "REFUSED");
    public static final List<String> OUTCOMES = List.of("IN_SCHOOL", "IN_TRAINING", "EMPLOYED", "RE_TRAFFICKED",
            "LOST_CONTACT", "OTHER");

    /** What opening a case needs. */
    public record NewCase(Long personId, String unitCode, String countryCode, boolean abroad, boolean foreignResident,
                          boolean accompanyingMinor, LocalDate exploitedOn, boolean underIdentification,
                          String source, Map<String, ?> data) {
    }

    /** Filters of the list; null or blank matches everything. */
    public record Filter(TraffickingStatus status, String agency, String unitCode, String country, String ageBand,
                         boolean overdue) {
    }

    /** One line of the list. */
    public record Summary(long id, String reference, TraffickingStatus status, String leadAgency, String unitCode,
                          String countryCode, Integer ageToday, DeadlineStatus verification, boolean followUpDue) {
        Summary withAge(Integer age) {
            return new Summary(id, reference, status, leadAgency, unitCode, countryCode, age, verification, followUpDue);
        }
    }

    private final TraffickingStore store;
    private final TraffickingPolicy policy;
    private final TraffickingSettings settings;
    private final VerificationClock verificationClock;
    private final DataCipher cipher;
    private final AuditLog audit;
    private final AgencyCatalogue agencies;
    private final OrganisationDirectory directory;
    private final ReferenceLists lists;
    private final ObjectProvider<PersonRegister> people;
    private final ObjectProvider<ChildProtectionCases> childProtection;
    private final Clock clock;
    private volatile Entitlements entitlements;

    TraffickingService(TraffickingStore store, TraffickingPolicy policy, TraffickingSettings settings, DataCipher cipher,
                       AuditLog audit, AgencyCatalogue agencies, OrganisationDirectory directory, ReferenceLists lists,
                       ObjectProvider<PersonRegister> people, ObjectProvider<ChildProtectionCases> childProtection,
                       Clock clock) {
        this.store = store;
        this.policy = policy;
        this.settings = settings;
        this.verificationClock = new VerificationClock(settings.verificationDays(), VerificationClock.VIETNAM);
        this.cipher = cipher;
        this.audit = audit;
        this.agencies = agencies;
        this.directory = directory;
        this.lists = lists;
        this.people = people;
        this.childProtection = childProtection;
        this.clock = clock;
    }

    public VerificationClock verificationClock() {
        return verificationClock;
    }

    // ---------------------------------------------------------------- opening

    public long open(CurrentUser user, NewCase command) {
        Map<String, String> errors = new LinkedHashMap<>();
        String unit = CaseData.text(command.unitCode());
        String country = CaseData.text(command.countryCode());
        LocalDate today = today();
        if (command.personId() == null) {
            errors.put("personId", "trafficking.open.error.person");
        } else if (register().label(command.personId()).isEmpty()) {
            errors.put("personId", "trafficking.open.error.personUnknown");
        }
        if (unit == null) {
            errors.put("unitCode", "trafficking.open.error.unit");
        } else if (directory.unitName(unit, Locale.ROOT).isEmpty()) {
            errors.put("unitCode", "trafficking.open.error.unitUnknown");
        }
        if (country != null && lists.item("country", country).isEmpty()) {
            errors.put("countryCode", "trafficking.data.error.code");
        }
        if (command.abroad() && country == null) {
            errors.put("countryCode", "trafficking.open.error.country");
        }
        if (command.exploitedOn() != null && command.exploitedOn().isAfter(today)) {
            errors.put("exploitedOn", "trafficking.data.error.date");
        }
        Map<String, Object> data = Map.of();
        try {
            data = CaseData.check(command.data() == null ? Map.of() : command.data(), dataLists(), today);
        } catch (TraffickingRuleException.Invalid e) {
            errors.putAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new TraffickingRuleException.Invalid(errors);
        }
        if (!policy.canOpen(user, unit)) {
            deny(AuditLog.Actions.CREATE, null, "open outside remit");
        }
        Map<String, Object> stored = new LinkedHashMap<>(data);
        if (CaseData.text(command.source()) != null) {
            stored.put("source", command.source().strip());
        }
        // asked first: a refused read inside this transaction would mark it rollback-only
        String birthDate = register().mayRead(command.personId())
                ? register().read(command.personId()).birthDate() : null;
        Instant now = clock.instant();
        LocalDate exploited = command.exploitedOn() != null ? command.exploitedOn() : CaseData.firstExploitation(data);
        long id = store.insertCase("p-" + java.util.UUID.randomUUID(), command.personId(), settings.leadOn(today),
                settings.partnerAgency(), user.agencyCode(), unit, country, command.abroad(), command.foreignResident(),
                command.accompanyingMinor(), cipher.encrypt(birthDate), exploited, now,
                cipher.encrypt(JSON.writeValueAsString(stored)), user.username());
        store.setReference(id, "MBN-" + now.atZone(VerificationClock.VIETNAM).getYear() + "-" + String.format("%06d", id));
        store.insertTransition(id, new TraffickingWorkflow.Record(TraffickingAction.REPORT, null,
                TraffickingStatus.REPORTED, user.username(), user.agencyCode(), now,
                TraffickingAction.REPORT.defaultLegalBasis(), Set.of(), ""), null, null);
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("reported by " + user.agencyCode()));
        if (command.underIdentification()) {
            step(id, user, new TraffickingWorkflow.Request(TraffickingAction.RECEIVE, null, Set.of(), null));
            step(id, user, new TraffickingWorkflow.Request(TraffickingAction.START_VERIFICATION, null, Set.of(), null));
        }
        return id;
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public CaseDetail read(CurrentUser user, long id) {
        TraffickingStore.CaseRow c = find(id);
        TraffickingPolicy.Level level = policy.level(user, c);
        if (!level.canRead()) {
            deny(AuditLog.Actions.READ, id, null);
        }
        AuditEntry entry = AuditEntry.of(AuditLog.Actions.READ, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("level " + level);
        if (level == TraffickingPolicy.Level.EMERGENCY) {
            EmergencyAccess.Grant grant = policy.emergencyGrant(user, c).orElseThrow();
            entry = entry.withPurpose(grant.reason()).withDetails("break-the-glass, emergency access " + grant.id());
        }
        audit.record(entry);
        return detail(c, level);
    }

    private CaseDetail detail(TraffickingStore.CaseRow c, TraffickingPolicy.Level level) {
        Locale vi = Locale.forLanguageTag("vi");
        Instant now = clock.instant();
        LocalDate today = today();
        CaseDetail.Verification verification = c.verificationDueAt() == null ? null
                : new CaseDetail.Verification(c.verificationDueAt(), c.verificationMetAt(),
                verificationClock.status(c.verificationDueAt(), c.verificationMetAt(), now),
                Duration.between(now, c.verificationDueAt()).toMinutes());
        Map<String, Object> data = level.seesCaseData() ? decode(c.caseData()) : Map.of();
        List<CaseDetail.Transition> transitions = store.transitions(c.id()).stream()
                .map(t -> new CaseDetail.Transition(TraffickingAction.valueOf(t.action()),
                        t.fromStatus() == null ? null : TraffickingStatus.valueOf(t.fromStatus()),
                        TraffickingStatus.valueOf(t.toStatus()), t.actor(), t.agencyCode(), t.at(), t.legalBasis(),
                        grounds(t.grounds()), level.seesCaseData() ? cipher.decrypt(t.evidence()) : null))
                .toList();
        List<CaseDetail.Step> steps = store.steps(c.id()).stream()
                .map(s -> new CaseDetail.Step(s.id(), RepatriationStep.valueOf(s.step()), s.status(), s.date(),
                        decode(s.details()), s.recordedBy(), s.recordedAt())).toList();
        String leadNow = policy.responsible(c.leadAgencyCode());
        String partnerNow = policy.responsible(c.partnerAgencyCode());
        String cpReference = c.cpCaseId() == null || childProtection.getIfAvailable() == null ? null
                : childProtection.getObject().reference(c.cpCaseId()).orElse(null);
        return new CaseDetail(c.id(), c.reference(), c.status(), level, c.personId(),
                register().label(c.personId()).orElse(null), leadNow, agencyName(leadNow, vi), partnerNow,
                agencyName(partnerNow, vi), c.unitCode(), directory.unitName(c.unitCode(), vi).orElse(c.unitCode()),
                c.countryCode(), c.abroad(), c.foreignResident(), c.accompanyingMinor(), c.reportedAt(), c.receivedAt(),
                verification, level.seesCaseData() ? ages(c, data) : null, data, transitions,
                level.seesSupport() ? entitlementsOf(c) : List.of(),
                level.seesSupport() ? store.deliveries(c.id()).stream().map(d -> new CaseDetail.Delivery(d.id(),
                        Entitlements.Benefit.valueOf(d.benefit()), d.provider(), d.deliveredOn(), d.amountVnd(),
                        cipher.decrypt(d.evidence()), d.recordedBy())).toList() : List.of(),
                steps, level.seesNotes() ? decode(c.planData()) : Map.of(),
                level.seesNotes() ? store.followUps(c.id()).stream().map(f -> new CaseDetail.FollowUp(f.id(), f.monthNo(),
                        f.dueOn(), f.doneOn(), f.outcome(), cipher.decrypt(f.note()),
                        f.doneOn() == null && !f.dueOn().isAfter(today))).toList() : List.of(),
                level.seesNotes() ? store.notes(c.id()).stream().map(n -> new CaseDetail.Note(n.id(),
                        cipher.decrypt(n.body()), n.author(), n.at())).toList() : List.of(),
                level.seesNotes() ? store.referrals(c.id()).stream().filter(r -> r.revokedAt() == null)
                        .map(r -> new CaseDetail.Referral(r.id(), r.toAgency(), cipher.decrypt(r.reason()),
                                r.legalBasis(), r.sentBy(), r.sentAt())).toList() : List.of(),
                level.seesCaseData() ? c.cpCaseId() : null, level.seesCaseData() ? cpReference : null,
                level.canChange() ? TraffickingWorkflow.possible(c.status()) : Set.of());
    }

    private CaseDetail.Ages ages(TraffickingStore.CaseRow c, Map<String, Object> data) {
        String birth = cipher.decrypt(c.birthDate());
        if (birth == null || birth.isBlank()) {
            return new CaseDetail.Ages(null, null, false, false, false, false);
        }
        PersonView probe = new PersonView(c.personId(), "", birth, false, null, List.of(), null, null, null, null, null,
                List.of());
        LocalDate exploited = c.exploitedOn() != null ? c.exploitedOn()
                : Optional.ofNullable(CaseData.firstExploitation(data))
                .orElse(c.reportedAt().atZone(VerificationClock.VIETNAM).toLocalDate());
        Integer atEx = probe.ageOn(exploited);
        Integer now = probe.ageOn(today());
        return new CaseDetail.Ages(atEx, now, atEx != null && atEx < 16, atEx != null && atEx < 18,
                now != null && now < 16, now != null && now < 18);
    }

    /** The situation for the matrix, or null when the status entitles to nothing (reported, not a victim, closed). */
    Entitlements.Situation situation(TraffickingStore.CaseRow c) {
        Entitlements.PersonStatus status = VICTIM.contains(c.status()) ? Entitlements.PersonStatus.VICTIM
                : BEING_IDENTIFIED.contains(c.status()) ? Entitlements.PersonStatus.UNDER_IDENTIFICATION : null;
        if (status == null && c.status() == TraffickingStatus.CLOSED && c.identifiedAt() != null) {
            status = Entitlements.PersonStatus.VICTIM;
        }
        if (status == null) {
            return null;
        }
        return new Entitlements.Situation(status, c.abroad() ? Entitlements.Location.ABROAD : Entitlements.Location.IN_VIETNAM,
                c.foreignResident() ? Entitlements.Residence.FOREIGN_RESIDENT : Entitlements.Residence.CITIZEN,
                c.accompanyingMinor());
    }

    private List<CaseDetail.Entitlement> entitlementsOf(TraffickingStore.CaseRow c) {
        Entitlements.Situation s = situation(c);
        Map<String, TraffickingStore.SupportRow> decided = store.support(c.id()).stream()
                .collect(Collectors.toMap(TraffickingStore.SupportRow::benefit, r -> r));
        LocalDate today = today();
        List<TraffickingStore.AmountRow> amounts = store.amounts();
        List<CaseDetail.Entitlement> result = new ArrayList<>();
        for (Entitlements.Benefit b : Entitlements.Benefit.values()) {
            boolean entitled = s != null && matrix().entitled(b, s);
            TraffickingStore.SupportRow d = decided.get(b.name());
            Optional<TraffickingStore.AmountRow> amount = amounts.stream().filter(a -> a.benefit().equals(b.name())
                    && !a.effectiveFrom().isAfter(today) && (a.effectiveTo() == null || !a.effectiveTo().isBefore(today)))
                    .findFirst();
            result.add(new CaseDetail.Entitlement(b, entitled, s == null ? null : matrix().basis(b, s),
                    d == null ? null : d.state(), d == null ? null : cipher.decrypt(d.reason()),
                    d == null ? null : d.decidedOn(), amount.map(TraffickingStore.AmountRow::amountVnd).orElse(null),
                    amount.map(TraffickingStore.AmountRow::amountUnit).orElse(null)));
        }
        return result;
    }

    /**
     * One page of the cases the user may see, newest first, filtered; the listing is audited as one read.
     * The policy decides on every case in memory (agencies, units and roles); the ages, which need a
     * decryption, are worked out only for the page, or for every case when the filter asks for an age band.
     */
    @Transactional(readOnly = true)
    public Page<Summary> list(CurrentUser user, Filter filter, Pageable pageable) {
        Instant now = clock.instant();
        Set<Long> followUpDue = store.casesWithFollowUpDue(today());
        boolean byAge = filter != null && filter.ageBand() != null && !filter.ageBand().isBlank();
        record Visible(Summary summary, TraffickingStore.CaseRow row, TraffickingPolicy.Level level) {
        }
        List<Visible> found = new ArrayList<>();
        for (TraffickingStore.CaseRow c : store.allCases()) {
            TraffickingPolicy.Level level = policy.level(user, c);
            if (!level.canRead()) {
                continue;
            }
            DeadlineStatus v = c.verificationDueAt() == null ? null
                    : verificationClock.status(c.verificationDueAt(), c.verificationMetAt(), now);
            Summary s = new Summary(c.id(), c.reference(), c.status(), policy.responsible(c.leadAgencyCode()),
                    c.unitCode(), c.countryCode(), byAge ? ageToday(c, level) : null, v, followUpDue.contains(c.id()));
            if (matches(s, filter)) {
                found.add(new Visible(s, c, level));
            }
        }
        int from = (int) Math.min(found.size(), pageable.getOffset());
        List<Summary> content = found.subList(from, Math.min(found.size(), from + pageable.getPageSize())).stream()
                .map(v -> byAge ? v.summary() : v.summary().withAge(ageToday(v.row(), v.level()))).toList();
        audit.record(AuditEntry.of(AuditLog.Actions.READ, ENTITY, null, AuditEntry.Outcome.SUCCESS)
                .withDetails("list of " + content.size() + " of " + found.size() + " case(s)"));
        return new PageImpl<>(content, pageable, found.size());
    }

    private Integer ageToday(TraffickingStore.CaseRow c, TraffickingPolicy.Level level) {
        return level.seesCaseData() ? ages(c, Map.of()).today() : null;
    }

    private static boolean matches(Summary s, Filter f) {
        if (f == null) {
            return true;
        }
        if (f.status() != null && s.status() != f.status()) {
            return false;
        }
        if (blankOr(f.agency(), s.leadAgency()) || blankOr(f.unitCode(), s.unitCode())
                || blankOr(f.country(), s.countryCode())) {
            return false;
        }
        if (f.overdue() && s.verification() != DeadlineStatus.OVERDUE && !s.followUpDue()) {
            return false;
        }
        if (f.ageBand() != null && !f.ageBand().isBlank()) {
            Integer age = s.ageToday();
            return switch (f.ageBand()) {
                case "UNDER_16" -> age != null && age < 16;
                case "16_17" -> age != null && age >= 16 && age < 18;
                case "ADULT" -> age != null && age >= 18;
                case "UNKNOWN" -> age == null;
                default -> true;
            };
        }
        return true;
    }

    private static boolean blankOr(String wanted, String actual) {
        return wanted != null && !wanted.isBlank() && !wanted.strip().equals(actual);
    }

    // ---------------------------------------------------------------- steps

    /** Takes a step of the procedure (the lead or partner agency's case workers). */
    public TraffickingWorkflow.Record transition(CurrentUser user, long id, TraffickingWorkflow.Request request) {
        findForChange(user, id);
        return step(id, user, request);
    }

    private TraffickingWorkflow.Record step(long id, CurrentUser user, TraffickingWorkflow.Request request) {
        TraffickingStore.CaseRow c = find(id);
        long pending = store.support(id).stream().filter(s -> s.state().equals("OFFERED") || s.state().equals("ACCEPTED"))
                .count();
        Instant now = clock.instant();
        TraffickingWorkflow.Record r = TraffickingWorkflow.next(c.status(), request,
                new TraffickingWorkflow.Facts(pending, c.identifiedAt() != null), user.username(), user.agencyCode(), now);
        Instant received = c.receivedAt();
        Instant due = c.verificationDueAt();
        Instant met = c.verificationMetAt();
        Instant identified = c.identifiedAt();
        Instant closed = c.closedAt();
        switch (r.action()) {
            case RECEIVE -> {
                received = now;
                due = verificationClock.dueAt(now);
            }
            case IDENTIFY -> {
                met = met == null ? now : met;
                identified = now;
            }
            case NOT_A_VICTIM -> met = met == null ? now : met;
            case CLOSE -> closed = now;
            case REOPEN -> closed = null;
            default -> {
            }
        }
        store.updateStatus(id, r.to(), received, due, met, identified, closed);
        store.insertTransition(id, r, r.grounds().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                r.evidence().isEmpty() ? null : cipher.encrypt(r.evidence()));
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails(r.action() + " -> " + r.to()));
        return r;
    }

    /**
     * Replaces the HTCDS/NRM data named in {@code replacing} (checked against the lists); the other keys
     * are kept (the page edits some keys, the API all of them).
     */
    public void updateData(CurrentUser user, long id, Map<String, ?> typed, Set<String> replacing, String countryCode,
                           Boolean abroad) {
        TraffickingStore.CaseRow c = findForChange(user, id);
        Map<String, Object> data = CaseData.check(typed, dataLists(), today());
        String country = CaseData.text(countryCode);
        if (country != null && lists.item("country", country).isEmpty()) {
            throw new TraffickingRuleException.Invalid(Map.of("countryCode", "trafficking.data.error.code"));
        }
        Map<String, Object> merged = new LinkedHashMap<>(decode(c.caseData()));
        merged.keySet().removeAll(replacing);
        merged.putAll(data);
        store.updateData(id, cipher.encrypt(JSON.writeValueAsString(merged)), country, abroad);
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("case data " + new java.util.TreeSet<>(replacing)));
    }

    /** Adds an event of recruitment, transit or exploitation (place, country, date) to the data. */
    @SuppressWarnings("unchecked")
    public void addEvent(CurrentUser user, long id, String kind, String place, String country, String date) {
        TraffickingStore.CaseRow c = findForChange(user, id);
        Object existing = decode(c.caseData()).get("events");
        List<Object> events = new ArrayList<>(existing instanceof List<?> l ? (List<Object>) l : List.of());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("kind", kind);
        event.put("place", place);
        event.put("country", country);
        event.put("date", date);
        events.add(event);
        try {
            updateData(user, id, Map.of("events", events), Set.of("events"), null, null);
        } catch (TraffickingRuleException.Invalid e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach((k, v) -> errors.put(k.replaceFirst("^events\\[\\d+]\\.", "event."), v));
            throw new TraffickingRuleException.Invalid(errors);
        }
    }

    /** Records that a benefit was offered, accepted or refused (the person may refuse; it is recorded). */
    public void decideSupport(CurrentUser user, long id, String benefit, String state, String reason, LocalDate on) {
        TraffickingStore.CaseRow c = findForChange(user, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Entitlements.Benefit b = benefit(benefit, errors);
        if (state == null || !SUPPORT_STATES.contains(state)) {
            errors.put("state", "trafficking.support.error.state");
        }
        LocalDate day = on == null ? today() : on;
        if (day.isAfter(today())) {
            errors.put("decidedOn", "trafficking.data.error.date");
        }
        if (!errors.isEmpty()) {
            throw new TraffickingRuleException.Invalid(errors);
        }
        Entitlements.Situation s = situation(c);
        if (s == null || !matrix().entitled(b, s)) {
            throw new TraffickingRuleException("trafficking.support.error.notEntitled", "benefit");
        }
        store.upsertSupport(id, b.name(), state, cipher.encrypt(CaseData.text(reason)), day, user.username(),
                clock.instant());
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("support " + b + " " + state));
    }

    /** Records a delivery of a benefit: provider, date, amount, evidence. */
    public void deliver(CurrentUser user, long id, String benefit, String provider, LocalDate on, Long amount,
                        String evidence) {
        TraffickingStore.CaseRow c = findForChange(user, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Entitlements.Benefit b = benefit(benefit, errors);
        if (CaseData.text(provider) == null) {
            errors.put("provider", "trafficking.form.error.required");
        } else if (provider.strip().length() > 200) {
            errors.put("provider", "trafficking.data.error.tooLong");
        }
        if (on == null) {
            errors.put("deliveredOn", "trafficking.form.error.required");
        } else if (on.isAfter(today())) {
            errors.put("deliveredOn", "trafficking.data.error.date");
        }
        if (amount != null && amount < 0) {
            errors.put("amountVnd", "trafficking.data.error.amount");
        }
        if (!errors.isEmpty()) {
            throw new TraffickingRuleException.Invalid(errors);
        }
        Entitlements.Situation s = situation(c);
        if (s == null || !matrix().entitled(b, s)) {
            throw new TraffickingRuleException("trafficking.support.error.notEntitled", "benefit");
        }
        boolean refused = store.support(id).stream().anyMatch(r -> r.benefit().equals(b.name())
                && r.state().equals("REFUSED"));
        if (refused) {
            throw new TraffickingRuleException("trafficking.support.error.refused", "benefit");
        }
        Instant now = clock.instant();
        store.insertDelivery(id, b.name(), provider.strip(), on, amount, cipher.encrypt(CaseData.text(evidence)),
                user.username(), now);
        store.upsertSupport(id, b.name(), "DELIVERED", null, on, user.username(), now);
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("delivery " + b));
    }

    /** Records a repatriation step (foreign affairs or the lead agency). */
    public void recordStep(CurrentUser user, long id, String step, String status, LocalDate on, Map<String, ?> details) {
        TraffickingStore.CaseRow c = find(id);
        if (!policy.level(user, c).recordsRepatriation()) {
            deny(AuditLog.Actions.UPDATE, id, "repatriation");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        RepatriationStep s = null;
        try {
            s = RepatriationStep.valueOf(step == null ? "" : step);
        } catch (IllegalArgumentException e) {
            errors.put("step", "trafficking.repatriation.error.step");
        }
        if (status == null || !RepatriationStep.STATUSES.contains(status)) {
            errors.put("status", "trafficking.repatriation.error.status");
        }
        if (on == null) {
            errors.put("date", "trafficking.form.error.required");
        }
        Map<String, Object> cleaned = new LinkedHashMap<>();
        if (s != null) {
            for (String f : s.fields()) {
                String v = CaseData.text(details == null ? null : details.get(f));
                if (v != null) {
                    cleaned.put(f, v);
                }
            }
            String note = CaseData.text(details == null ? null : details.get("note"));
            if (note != null) {
                cleaned.put("note", note);
            }
            if (s == RepatriationStep.LOCATED && cleaned.get("country") != null
                    && lists.item("country", (String) cleaned.get("country")).isEmpty()) {
                errors.put("country", "trafficking.data.error.code");
            }
            if (s == RepatriationStep.ARRIVAL && "DONE".equals(status)) {
                Object gate = cleaned.get("borderGate");
                if (gate == null) {
                    errors.put("borderGate", "trafficking.form.error.required");
                } else if (lists.item("border_gate", (String) gate).isEmpty()) {
                    errors.put("borderGate", "trafficking.data.error.code");
                }
            }
            if (s == RepatriationStep.HANDOVER && "DONE".equals(status) && cleaned.get("receivingAgency") == null) {
                errors.put("receivingAgency", "trafficking.form.error.required");
            }
            if (s == RepatriationStep.CHILD_HANDOVER && "DONE".equals(status) && cleaned.get("handedTo") == null) {
                errors.put("handedTo", "trafficking.form.error.required");
            }
        }
        if (!errors.isEmpty()) {
            throw new TraffickingRuleException.Invalid(errors);
        }
        if (s == RepatriationStep.CHILD_HANDOVER) {
            CaseDetail.Ages ages = ages(c, decode(c.caseData()));
            if (ages.today() != null && !ages.under18Today()) {
                throw new TraffickingRuleException("trafficking.repatriation.error.notChild", "step");
            }
        }
        store.insertStep(id, s.name(), status, on, cipher.encrypt(JSON.writeValueAsString(cleaned)), user.username(),
                clock.instant());
        if (s == RepatriationStep.ARRIVAL && "DONE".equals(status)) {
            store.setAbroad(id, false);
        }
        if (s == RepatriationStep.LOCATED && cleaned.get("country") != null) {
            store.updateData(id, c.caseData(), (String) cleaned.get("country"), null);
        }
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("repatriation " + s + " " + status));
    }

    /** Sets the reintegration plan (goals) and schedules the follow-ups from its start. */
    public void plan(CurrentUser user, long id, List<String> goals, LocalDate startOn) {
        findForChange(user, id);
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> cleaned = goals == null ? List.of() : goals.stream().map(CaseData::text).filter(g -> g != null).toList();
        if (cleaned.isEmpty()) {
            errors.put("goals", "trafficking.form.error.required");
        }
        if (startOn == null) {
            errors.put("startOn", "trafficking.form.error.required");
        } else if (startOn.isAfter(today().plusYears(1)) || startOn.isBefore(today().minusYears(2))) {
            errors.put("startOn", "trafficking.data.error.date");
        }
        if (!errors.isEmpty()) {
            throw new TraffickingRuleException.Invalid(errors);
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("goals", cleaned);
        plan.put("startOn", startOn.toString());
        store.updatePlan(id, cipher.encrypt(JSON.writeValueAsString(plan)));
        store.deleteOpenFollowUps(id);
        for (int month : settings.followUpMonths()) {
            store.insertFollowUp(id, month, startOn.plusMonths(month));
        }
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("reintegration plan, follow-ups " + settings.followUpMonths()));
    }

    /** Records a follow-up visit and its outcome. */
    public void completeFollowUp(CurrentUser user, long id, long followUpId, LocalDate doneOn, String outcome, String note) {
        findForChange(user, id);
        Map<String, String> errors = new LinkedHashMap<>();
        if (doneOn == null) {
            errors.put("doneOn", "trafficking.form.error.required");
        } else if (doneOn.isAfter(today())) {
            errors.put("doneOn", "trafficking.data.error.date");
        }
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            errors.put("outcome", "trafficking.followUp.error.outcome");
        }
        if (!errors.isEmpty()) {
            throw new TraffickingRuleException.Invalid(errors);
        }
        if (store.completeFollowUp(id, followUpId, doneOn, outcome, cipher.encrypt(CaseData.text(note)),
                user.username()) == 0) {
            throw new NoSuchElementException("follow-up " + followUpId);
        }
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("follow-up " + outcome));
    }

    /** A social-work note (encrypted; read by the lead and partner agencies only). */
    public void addNote(CurrentUser user, long id, String body) {
        findForChange(user, id);
        String text = CaseData.text(body);
        if (text == null) {
            throw new TraffickingRuleException.Invalid(Map.of("body", "trafficking.form.error.required"));
        }
        store.insertNote(id, cipher.encrypt(text), user.username(), clock.instant());
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, id, AuditEntry.Outcome.SUCCESS).withDetails("note"));
    }

    /** Refers the case to another agency (e.g. the police division investigating it). */
    public void refer(CurrentUser user, long id, String toAgency, String reason, String legalBasis) {
        TraffickingStore.CaseRow c = findForChange(user, id);
        Map<String, String> errors = new LinkedHashMap<>();
        String to = CaseData.text(toAgency);
        if (to == null || agencies.byCode(to).isEmpty()) {
            errors.put("toAgency", "trafficking.referral.error.agency");
        } else if (to.equals(policy.responsible(c.leadAgencyCode()))) {
            errors.put("toAgency", "trafficking.referral.error.self");
        }
        if (CaseData.text(reason) == null) {
            errors.put("reason", "trafficking.form.error.required");
        }
        if (!errors.isEmpty()) {
            throw new TraffickingRuleException.Invalid(errors);
        }
        store.insertReferral(id, to, cipher.encrypt(reason.strip()), CaseData.text(legalBasis), user.username(),
                clock.instant());
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("referred to " + to));
    }

    /** Opens the linked child-protection case for an under-18, owned by the commune of the case. */
    public long linkChildProtection(CurrentUser user, long id, String reason) {
        TraffickingStore.CaseRow c = findForChange(user, id);
        if (c.cpCaseId() != null) {
            throw new TraffickingRuleException("trafficking.child.error.already");
        }
        CaseDetail.Ages ages = ages(c, decode(c.caseData()));
        if (!ages.under18Today()) {
            throw new TraffickingRuleException("trafficking.child.error.notMinor");
        }
        LocalDate today = today();
        AgencyRef commune = agencies.activeOfKind(AgencyKind.PEOPLES_COMMITTEE, today).stream()
                .filter(a -> c.unitCode().equals(a.areaCode())).findFirst()
                .orElseThrow(() -> new TraffickingRuleException("trafficking.child.error.noCommune"));
        ChildProtectionCases cases = childProtection.getIfAvailable();
        if (cases == null) {
            throw new IllegalStateException("the casework module is not available");
        }
        String why = CaseData.text(reason) == null ? "Trẻ em là nạn nhân mua bán người (" + c.reference() + ")"
                : reason.strip();
        long cpId = cases.openFor(c.personId(), c.unitCode(), commune.code(), why);
        store.linkChildProtection(id, cpId);
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("child-protection case " + cpId + " opened"));
        return cpId;
    }

    // ---------------------------------------------------------------- amounts (admin data)

    @Transactional(readOnly = true)
    public List<TraffickingStore.AmountRow> amounts() {
        return store.amounts();
    }

    public void addAmount(CurrentUser user, String benefit, Long amount, String unit, LocalDate from, LocalDate to,
                          String note) {
        if (!policy.canEditAmounts(user)) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.UPDATE, "tc_benefit_amount", null,
                    AuditEntry.Outcome.DENIED));
            throw new AccessDeniedException("amounts");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Entitlements.Benefit b = benefit(benefit, errors);
        if (amount == null || amount < 0) {
            errors.put("amountVnd", "trafficking.data.error.amount");
        }
        if (CaseData.text(unit) == null) {
            errors.put("amountUnit", "trafficking.form.error.required");
        }
        if (from == null) {
            errors.put("effectiveFrom", "trafficking.form.error.required");
        } else if (to != null && to.isBefore(from)) {
            errors.put("effectiveTo", "trafficking.data.error.date");
        }
        if (!errors.isEmpty()) {
            throw new TraffickingRuleException.Invalid(errors);
        }
        store.insertAmount(b.name(), amount, unit.strip(), from, to, CaseData.text(note), user.username(), clock.instant());
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, "tc_benefit_amount", null, AuditEntry.Outcome.SUCCESS)
                .withDetails(b.name()));
    }

    // ---------------------------------------------------------------- inbox and people

    /** Running verification clocks and due follow-ups of the cases the user works on (lead/partner staff). */
    @Transactional(readOnly = true)
    public List<ActionNeededSource.Item> actionItems(CurrentUser user) {
        List<ActionNeededSource.Item> items = new ArrayList<>();
        Instant now = clock.instant();
        LocalDate today = today();
        Set<String> actingFor = policy.agenciesActedForBy(user);
        if (actingFor.isEmpty()) {
            return items;
        }
        for (TraffickingStore.CaseRow c : store.verificationRunning(actingFor, BEING_IDENTIFIED)) {
            if (policy.isLeadOrPartner(user, c)) {
                items.add(new ActionNeededSource.Item(c.reference(), "trafficking.inbox.verification", null,
                        "/trafficking-cases/" + c.id(), c.verificationDueAt(),
                        verificationClock.status(c.verificationDueAt(), null, now)));
            }
        }
        Map<Long, TraffickingStore.CaseRow> mine = new LinkedHashMap<>();
        store.followUpDue(actingFor, today).stream().filter(c -> policy.isLeadOrPartner(user, c))
                .forEach(c -> mine.put(c.id(), c));
        for (TraffickingStore.FollowUpRow f : store.followUpsDueBy(today, mine.keySet())) {
            TraffickingStore.CaseRow c = mine.get(f.caseId());
            Instant due = f.dueOn().plusDays(1).atStartOfDay(VerificationClock.VIETNAM).toInstant();
            items.add(new ActionNeededSource.Item(c.reference(), "trafficking.inbox.followUp",
                    String.valueOf(f.monthNo()), "/trafficking-cases/" + c.id(), due,
                    verificationClock.status(due, null, now)));
        }
        return items;
    }

    /** Whether the user may read a case about the person (for the people hook), without auditing. */
    @Transactional(readOnly = true)
    public boolean mayReadPerson(CurrentUser user, long personId) {
        return store.casesOfPerson(personId).stream().anyMatch(c -> policy.level(user, c).canRead());
    }

    /** Agencies a case may be referred to: active agencies of every kind, by code. */
    @Transactional(readOnly = true)
    public List<AgencyRef> referralTargets() {
        LocalDate today = today();
        List<AgencyRef> result = new ArrayList<>();
        for (AgencyKind kind : AgencyKind.values()) {
            result.addAll(agencies.activeOfKind(kind, today));
        }
        return result;
    }

    /** The options of the list filters and forms. */
    public List<ReferenceLists.Item> listItems(String code) {
        LocalDate today = today();
        return lists.items(code).stream().filter(i -> i.isValidOn(today)).toList();
    }

    // ---------------------------------------------------------------- helpers

    Entitlements matrix() {
        Entitlements m = entitlements;
        if (m == null) {
            m = new Entitlements(store.rules());
            entitlements = m;
        }
        return m;
    }

    void reloadMatrix() {
        entitlements = null;
    }

    private Entitlements.Benefit benefit(String code, Map<String, String> errors) {
        try {
            return Entitlements.Benefit.valueOf(code == null ? "" : code);
        } catch (IllegalArgumentException e) {
            errors.put("benefit", "trafficking.support.error.benefit");
            return null;
        }
    }

    private CaseData.Lists dataLists() {
        return new CaseData.Lists(c -> lists.item("exploitation_form", c).isPresent(),
                c -> lists.item("means_of_control", c).isPresent(), c -> lists.item("country", c).isPresent());
    }

    private static List<Art32Ground> grounds(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(Art32Ground::valueOf).toList();
    }

    TraffickingStore.CaseRow find(long id) {
        return store.findCase(id).orElseThrow(() -> new NoSuchElementException("trafficking case " + id));
    }

    private TraffickingStore.CaseRow findForChange(CurrentUser user, long id) {
        TraffickingStore.CaseRow c = find(id);
        if (!policy.level(user, c).canChange()) {
            deny(AuditLog.Actions.UPDATE, id, null);
        }
        return c;
    }

    private Map<String, Object> decode(String encrypted) {
        if (encrypted == null) {
            return Map.of();
        }
        return JSON.readValue(cipher.decrypt(encrypted), new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    private String agencyName(String code, Locale locale) {
        return agencies.byCode(code).map(a -> a.name(locale)).orElse(code);
    }

    private void deny(String action, Long id, String details) {
        audit.recordIndependently(AuditEntry.of(action, ENTITY, id, AuditEntry.Outcome.DENIED).withDetails(details));
        throw new AccessDeniedException("trafficking case refused");
    }

    private PersonRegister register() {
        PersonRegister register = people.getIfAvailable();
        if (register == null) {
            throw new IllegalStateException("the people module is not available");
        }
        return register;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VerificationClock.VIETNAM));
    }
}
