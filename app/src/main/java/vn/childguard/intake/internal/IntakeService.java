package vn.childguard.intake.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.intake.IntakeSummary;
import vn.childguard.intake.Urgency;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.AgencyKind;
import vn.childguard.organisation.AgencyRef;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.ReferenceLists;
import vn.childguard.people.PersonQuery;
import vn.childguard.people.PersonRegister;
import vn.childguard.shared.crypto.DataCipher;
import vn.childguard.shared.PersonalData;

/**
 * Records reports and routes them on the spot: the committee of the commune where it happened
 * receives it at the moment of reception (the clock of Decree 56 starts then), with an optional
 * competent agency (police, education...) alongside. Reads are checked by {@link IntakePolicy}
 * and audited, refusals too.
 */
@PersonalData(table = "intake_report",
        category = "reporter, place, narrative of suspected abuse",
        purpose = "receiving and routing reports (Form 01)",
        legalBasis = "Law on Children 2016; Decree 56/2017",
        retention = "INTAKE_NO_CASE; else with the case",
        visibleTo = {"INTAKE_OPERATOR", "CASE_WORKER", "CASE_SUPERVISOR"})
@PersonalData(table = "intake_person",
        category = "the people a report names, with their part",
        purpose = "linking reports to the register",
        legalBasis = "Law on Children 2016; Decree 56/2017",
        retention = "INTAKE_NO_CASE; else with the case",
        visibleTo = {"INTAKE_OPERATOR", "CASE_WORKER", "CASE_SUPERVISOR"})
@Service
public class IntakeService {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final String CHANNELS = "intake_channel";
    public static final String PARTS = "involvement_part";
    /** Kinds of agency that may be named as the competent agency next to the commune. */
    static final List<AgencyKind> COMPETENT_KINDS = List.of(AgencyKind.POLICE, AgencyKind.BORDER_GUARD,
            AgencyKind.FOREIGN_AFFAIRS, AgencyKind.EDUCATION, AgencyKind.HEALTH_SOCIAL, AgencyKind.SCHOOL,
            AgencyKind.NGO, AgencyKind.HOTLINE);

    /** A refusal of the rules (not of access), shown as a message: the key names it. */
    public static class IntakeException extends RuntimeException {
        private final String messageKey;

        public IntakeException(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final JdbcTemplate jdbc;
    private final DataCipher cipher;
    private final IntakePolicy policy;
    private final IntakeRouting routing;
    private final IntakeReferences references;
    private final AgencyCatalogue agencies;
    private final ReferenceLists lists;
    private final PersonRegister people;
    private final PublicTips tips;
    private final AuditLog audit;
    private final Clock clock;

    IntakeService(JdbcTemplate jdbc, DataCipher cipher, IntakePolicy policy, IntakeRouting routing,
                  IntakeReferences references, AgencyCatalogue agencies, ReferenceLists lists, PersonRegister people,
                  PublicTips tips, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.policy = policy;
        this.routing = routing;
        this.references = references;
        this.agencies = agencies;
        this.lists = lists;
        this.people = people;
        this.tips = tips;
        this.audit = audit;
        this.clock = clock;
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    public Clock clock() {
        return clock;
    }

    /** The codes the checks of {@link IntakeValidation} accept today. */
    public IntakeValidation.Codes codes() {
        LocalDate today = today(clock);
        return new IntakeValidation.Codes(
                channels().stream().map(ReferenceLists.Item::code).collect(Collectors.toSet()),
                routing.communeCommittees(today).stream().map(AgencyRef::areaCode).collect(Collectors.toSet()),
                competentAgencies().stream().map(AgencyRef::code).collect(Collectors.toSet()),
                clock.instant(), today);
    }

    public List<ReferenceLists.Item> channels() {
        return current(CHANNELS);
    }

    public List<ReferenceLists.Item> parts() {
        return current(PARTS);
    }

    private List<ReferenceLists.Item> current(String list) {
        LocalDate today = today(clock);
        return lists.items(list).stream().filter(i -> i.isValidOn(today)).toList();
    }

    public List<AgencyRef> communeCommittees() {
        return routing.communeCommittees(today(clock));
    }

    public List<AgencyRef> competentAgencies() {
        LocalDate today = today(clock);
        List<AgencyRef> all = new ArrayList<>();
        COMPETENT_KINDS.forEach(k -> all.addAll(agencies.activeOfKind(k, today)));
        return all;
    }

    public Optional<AgencyRef> agency(String code) {
        return code == null ? Optional.empty() : agencies.byCode(code);
    }

    /**
     * Records a report checked by {@link IntakeValidation}, registers the new people it names and
     * routes it; everything in one transaction, so a refusal leaves no half-registered person.
     */
    @Transactional
    public IntakeRecord record(CurrentUser user, NewIntake in) {
        if (!policy.mayRecord(user)) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.CREATE, "intake_report", null,
                    AuditEntry.Outcome.DENIED));
            throw new AccessDeniedException("not an intake operator");
        }
        LocalDate receivedDay = LocalDate.ofInstant(in.receivedAt(), VIETNAM);
        AgencyRef committee = routing.committeeFor(in.unitCode(), receivedDay)
                .or(() -> routing.committeeFor(in.unitCode(), today(clock)))
                .orElseThrow(() -> new IntakeException("intake.error.unit.unroutable"));
        Set<String> parts = parts().stream().map(ReferenceLists.Item::code).collect(Collectors.toSet());
        for (NewIntake.Involvement p : in.people()) {
            if (!parts.contains(p.part())) {
                throw new IntakeException("intake.error.part.unknown");
            }
        }
        String reference = references.next(receivedDay.getYear());
        OffsetDateTime received = OffsetDateTime.ofInstant(in.receivedAt(), ZoneOffset.UTC);
        Map<String, Object> row = new HashMap<>();
        row.put("reference", reference);
        row.put("channel", in.channel());
        row.put("received_at", received);
        row.put("received_by", user.id());
        row.put("received_by_username", user.username());
        row.put("receiving_agency_code", user.agencyCode());
        row.put("reporter_anonymous", in.reporterAnonymous());
        row.put("reporter_name", in.reporterAnonymous() ? null : cipher.encrypt(Inputs.clean(in.reporterName())));
        row.put("reporter_contact", in.reporterAnonymous() ? null : cipher.encrypt(Inputs.clean(in.reporterContact())));
        row.put("occurred_on", in.occurredOn());
        row.put("occurred_at_unit", in.unitCode());
        row.put("place_text", cipher.encrypt(Inputs.clean(in.place())));
        row.put("narrative", cipher.encrypt(in.narrative().strip()));
        row.put("urgency", in.urgency().name());
        row.put("abuser_is_carer", in.abuserIsCarer());
        row.put("routed_agency_code", committee.code());
        row.put("competent_agency_code", Inputs.clean(in.competentAgencyCode()));
        // forwarding is immediate: the committee has it from the moment of reception
        row.put("routed_at", received);
        row.put("status", IntakeRecord.Status.ROUTED.name());
        row.put("case_id", null);
        row.put("source_tip_id", in.tipId());
        row.put("version", 0L);
        long id = insert(row);
        Set<String> seen = new LinkedHashSet<>();
        for (NewIntake.Involvement p : in.people()) {
            long personId = p.personId() != null ? p.personId() : people.register(p.newPerson());
            if (seen.add(personId + "/" + p.part())) {
                jdbc.update("insert into intake_person (intake_id, person_id, part) values (?,?,?)", id, personId,
                        p.part());
            }
        }
        if (in.tipId() != null) {
            tips.forwarded(user, in.tipId(), id);
        }
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "intake_report", id, AuditEntry.Outcome.SUCCESS)
                .withDetails("routed to " + committee.code()
                        + (in.competentAgencyCode() == null ? "" : ", competent " + in.competentAgencyCode())));
        return load(id).orElseThrow();
    }

    /** Inserts the row with the driver's own type mapping (metadata-driven inserts trip over time zones on PostgreSQL). */
    private long insert(Map<String, Object> row) {
        List<String> columns = new ArrayList<>(row.keySet());
        String sql = "insert into intake_report (" + String.join(", ", columns) + ") values ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(sql, new String[]{"id"});
            for (int i = 0; i < columns.size(); i++) {
                Object value = row.get(columns.get(i));
                if (value == null) {
                    statement.setNull(i + 1, java.sql.Types.NULL);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    /**
     * Whether the user may name an existing person on a report: the person must be among the
     * search-before-create candidates of what the report says about them (as the operator's page
     * requires), or the user may already read the person. Naming someone grants the agencies of the
     * report access to their identity, so a bare id is not enough; a refusal is audited.
     */
    @Transactional(readOnly = true)
    public boolean mayLink(CurrentUser user, long personId, PersonQuery described, int candidates) {
        if (people.mayRead(personId)) {
            return true;
        }
        if (described != null && people.candidates(described, candidates).stream()
                .anyMatch(c -> c.personId() == personId)) {
            return true;
        }
        audit.recordIndependently(AuditEntry.of(AuditLog.Actions.CREATE, "intake_report", null,
                AuditEntry.Outcome.DENIED).withDetails("person " + personId + " is not a match of the person described"));
        return false;
    }

    /** A page of the reports received by or routed to the user's agency, newest first. */
    @Transactional(readOnly = true)
    public Page<IntakeRecord> list(CurrentUser user, Pageable pageable) {
        if (!policy.mayList(user)) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.READ, "intake_report", null,
                    AuditEntry.Outcome.DENIED));
            throw new AccessDeniedException("no intake role");
        }
        String mine = "where r.receiving_agency_code = ? or r.routed_agency_code = ? or r.competent_agency_code = ? ";
        String agency = user.agencyCode();
        long total = jdbc.queryForObject("select count(*) from intake_report r " + mine, Long.class, agency, agency,
                agency);
        List<IntakeRecord> found = query(mine + "order by r.received_at desc, r.id desc offset ? rows fetch next ? rows only",
                agency, agency, agency, pageable.getOffset(), pageable.getPageSize());
        audit.record(AuditEntry.of(AuditLog.Actions.READ, "intake_report", null, AuditEntry.Outcome.SUCCESS)
                .withDetails("list page " + (pageable.getPageNumber() + 1) + ": " + found.size() + " of " + total));
        return new PageImpl<>(found, pageable, total);
    }

    /** One report for the user, audited; empty when it does not exist, AccessDeniedException (audited) when not theirs. */
    @Transactional(readOnly = true)
    public Optional<IntakeRecord> view(CurrentUser user, long id) {
        Optional<IntakeRecord> found = load(id);
        if (found.isEmpty()) {
            return found;
        }
        if (!policy.mayRead(user, found.get())) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.READ, "intake_report", id,
                    AuditEntry.Outcome.DENIED));
            throw new AccessDeniedException("report of another agency");
        }
        audit.record(AuditEntry.of(AuditLog.Actions.READ, "intake_report", id, AuditEntry.Outcome.SUCCESS));
        return found;
    }

    /** Counts per commune where it happened, since a day: aggregates only, so no access check or audit. */
    @Transactional(readOnly = true)
    public Map<String, Long> countsByCommune(LocalDate since) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.query("select occurred_at_unit, count(*) from intake_report where received_at >= ? group by occurred_at_unit",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, java.sql.Timestamp.from(since.atStartOfDay(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant()));
        return counts;
    }

    /**
     * Reports without a case yet that the agency may open one from (see {@link IntakePolicy#mayOpenCase}):
     * routed to it, or naming it as the competent agency; oldest first.
     */
    @Transactional(readOnly = true)
    public List<IntakeRecord> awaitingCase(CurrentUser user, String agencyCode) {
        if (user != null && !(policy.mayList(user) && agencyCode.equals(user.agencyCode()))) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.READ, "intake_report", null,
                    AuditEntry.Outcome.DENIED).withDetails("awaiting case of " + agencyCode));
            throw new AccessDeniedException("reports of another agency");
        }
        List<IntakeRecord> found = query("where (r.routed_agency_code = ? or r.competent_agency_code = ?) and r.case_id is null "
                + "and r.status = 'ROUTED' order by r.received_at, r.id", agencyCode, agencyCode);
        audit.record(AuditEntry.of(AuditLog.Actions.READ, "intake_report", null, AuditEntry.Outcome.SUCCESS)
                .withDetails("awaiting case of " + agencyCode + ": " + found.size()));
        return found;
    }

    @Transactional
    public void caseOpened(CurrentUser user, long intakeId, long caseId) {
        IntakeRecord report = load(intakeId).orElseThrow(() -> new NoSuchElementException("intake " + intakeId));
        if (!policy.mayOpenCase(user, report)) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.UPDATE, "intake_report", intakeId,
                    AuditEntry.Outcome.DENIED).withDetails("case opened"));
            throw new AccessDeniedException("case of another agency");
        }
        if (report.caseId() != null) {
            if (report.caseId() == caseId) {
                return;
            }
            throw new IntakeException("intake.error.caseAlreadyOpened");
        }
        jdbc.update("update intake_report set case_id = ?, status = ?, version = version + 1 where id = ?", caseId,
                IntakeRecord.Status.CASE_OPENED.name(), intakeId);
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, "intake_report", intakeId, AuditEntry.Outcome.SUCCESS)
                .withDetails("case opened: " + caseId));
    }

    /** Whether a report the user's agency is involved in names the person (for {@code people}'s access hook). */
    @Transactional(readOnly = true)
    public boolean namesPersonFor(CurrentUser user, long personId) {
        if (!policy.mayList(user)) {
            return false;
        }
        Integer n = jdbc.queryForObject("select count(*) from intake_person p join intake_report r on r.id = p.intake_id "
                        + "where p.person_id = ? and (r.receiving_agency_code = ? or r.routed_agency_code = ? "
                        + "or r.competent_agency_code = ?)", Integer.class, personId, user.agencyCode(),
                user.agencyCode(), user.agencyCode());
        return n != null && n > 0;
    }

    /** Every report naming the person, oldest first, for the person's own data request (no access check). */
    List<IntakeRecord> naming(long personId) {
        return query("where r.id in (select p.intake_id from intake_person p where p.person_id = ?) "
                + "order by r.received_at, r.id", personId);
    }

    Optional<IntakeRecord> load(long id) {
        return query("where r.id = ?", id).stream().findFirst();
    }

    private List<IntakeRecord> query(String where, Object... args) {
        List<IntakeRecord> rows = jdbc.query("select r.* from intake_report r " + where, this::row, args);
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<IntakeSummary.Involved>> involved = new HashMap<>();
        String ids = rows.stream().map(r -> String.valueOf(r.id())).collect(Collectors.joining(","));
        jdbc.query("select intake_id, person_id, part from intake_person where intake_id in (" + ids + ") order by id",
                rs -> {
                    involved.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new IntakeSummary.Involved(rs.getLong(2), rs.getString(3)));
                });
        return rows.stream().map(r -> new IntakeRecord(r.id(), r.reference(), r.channel(), r.receivedAt(),
                r.receivedBy(), r.receivedByUsername(), r.receivingAgencyCode(), r.reporterAnonymous(),
                r.reporterName(), r.reporterContact(), r.occurredOn(), r.unitCode(), r.place(), r.narrative(),
                r.urgency(), r.abuserIsCarer(), r.routedAgencyCode(), r.competentAgencyCode(), r.routedAt(),
                r.status(), r.caseId(), r.sourceTipId(), r.version(), involved.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private IntakeRecord row(ResultSet rs, int n) throws SQLException {
        java.sql.Date on = rs.getDate("occurred_on");
        long caseId = rs.getLong("case_id");
        Long caseRef = rs.wasNull() ? null : caseId;
        long tipId = rs.getLong("source_tip_id");
        Long tipRef = rs.wasNull() ? null : tipId;
        return new IntakeRecord(rs.getLong("id"), rs.getString("reference"), rs.getString("channel"),
                instant(rs, "received_at"), rs.getLong("received_by"), rs.getString("received_by_username"),
                rs.getString("receiving_agency_code"), rs.getBoolean("reporter_anonymous"),
                cipher.decrypt(rs.getString("reporter_name")), cipher.decrypt(rs.getString("reporter_contact")),
                on == null ? null : on.toLocalDate(), rs.getString("occurred_at_unit"),
                cipher.decrypt(rs.getString("place_text")), cipher.decrypt(rs.getString("narrative")),
                Urgency.valueOf(rs.getString("urgency")), rs.getBoolean("abuser_is_carer"),
                rs.getString("routed_agency_code"), rs.getString("competent_agency_code"), instant(rs, "routed_at"),
                IntakeRecord.Status.valueOf(rs.getString("status")), caseRef, tipRef, rs.getLong("version"), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
