package vn.childguard.privacy.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.organisation.Role;
import vn.childguard.organisation.WorkingCalendar;
import vn.childguard.people.PersonDataHolder;
import vn.childguard.people.PersonRegister;
import vn.childguard.people.PersonView;
import vn.childguard.shared.PersonalData;
import vn.childguard.shared.crypto.DataCipher;

/**
 * Data-subject requests: recorded with who asked, for which registered person, how and how their identity
 * was checked; the first-answer and final clocks in working days over the public holidays; assignment to
 * an administrator; the answer (granted, partly, refused with reason and legal basis); and, for a request
 * to see one's data, the export of what every module holds about the person. Every read and change is audited.
 */
@PersonalData(table = "privacy_request",
        category = "requester's name, contact and relation; the person the request is about; answers",
        purpose = "answering data-subject requests within the legal deadlines",
        legalBasis = "Law 91/2025 on personal data protection; Decree 356/2025",
        retention = "kept with the breach register; not yet scheduled",
        visibleTo = {"SYSTEM_ADMIN", "AUDITOR"})
@Service
public class DataSubjectRequests {

    public static final String ENTITY = "privacy_request";
    public static final Set<String> CHANNELS = Set.of("IN_PERSON", "POST", "EMAIL", "PHONE", "ONLINE");
    public static final Set<String> RELATIONS = Set.of("SELF", "LEGAL_REPRESENTATIVE", "AUTHORISED");
    public static final Set<String> IDENTITY_METHODS = Set.of("ID_CARD", "VNEID", "BIRTH_CERTIFICATE",
            "GUARDIANSHIP_PAPER", "AUTHORISATION_LETTER", "NOT_YET");
    public static final Set<String> OUTCOMES = Set.of("GRANTED", "PARTLY_GRANTED", "REFUSED");
    /** Modules whose records are never exported, whether or not they hold any (neither confirm nor deny). */
    static final List<String> WITHHELD = List.of("intelligence", "screening");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public record NewRequest(String personId, String kind, String channel, String relation, String requesterName,
                             String requesterContact, String details, String identityMethod, boolean identityVerified,
                             String receivedOn) {
    }

    public record Request(long id, long personId, String personLabel, RequestKind kind, String channel,
                          String relation, String requesterName, String requesterContact, String details,
                          String identityMethod, boolean identityVerified, LocalDate receivedOn,
                          LocalDate firstAnswerDue, LocalDate answerDue, String recordedBy, Instant recordedAt,
                          String assignedTo, Instant acknowledgedAt, String acknowledgedBy, Instant answeredAt,
                          String answeredBy, String outcome, String outcomeReason, String legalBasis,
                          ClockStatus firstAnswerClock, ClockStatus answerClock, long workingDaysLeft) {

        public boolean open() {
            return answeredAt == null;
        }

        public boolean overdue() {
            return firstAnswerClock.overdue() || answerClock.overdue();
        }
    }

    public record Export(String fileName, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final PersonRegister people;
    private final List<PersonDataHolder> holders;
    private final OrganisationDirectory directory;
    private final PrivacyPolicy policy;
    private final DataCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    DataSubjectRequests(JdbcClient jdbc, WorkingCalendar calendar, PersonRegister people, List<PersonDataHolder> holders,
                        OrganisationDirectory directory, PrivacyPolicy policy, DataCipher cipher, AuditLog audit,
                        Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.people = people;
        this.holders = holders;
        this.directory = directory;
        this.policy = policy;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** The day a request received on {@code receivedOn} must have its first answer by. */
    public LocalDate firstAnswerDue(LocalDate receivedOn) {
        return calendar.plusWorkingDays(receivedOn, RequestKind.FIRST_ANSWER_DAYS);
    }

    /** The day a request of the kind received on {@code receivedOn} must be carried out by. */
    public LocalDate answerDue(RequestKind kind, LocalDate receivedOn) {
        return calendar.plusWorkingDays(receivedOn, kind.workingDays());
    }

    // ------------------------------------------------------------------ recording

    @Transactional
    public long record(CurrentUser user, NewRequest in) {
        policy.requireManage(user, AuditLog.Actions.CREATE, ENTITY, null);
        Map<String, String> errors = new LinkedHashMap<>();
        Long personId = null;
        try {
            personId = Long.parseLong(in.personId() == null ? "" : in.personId().strip());
            if (people.label(personId).isEmpty()) {
                errors.put("personId", "privacy.error.personId");
            }
        } catch (NumberFormatException e) {
            errors.put("personId", "privacy.error.personId");
        }
        RequestKind kind = null;
        try {
            kind = RequestKind.valueOf(in.kind() == null ? "" : in.kind());
        } catch (IllegalArgumentException e) {
            errors.put("kind", "privacy.error.kind");
        }
        check(errors, "channel", in.channel(), CHANNELS);
        check(errors, "relation", in.relation(), RELATIONS);
        check(errors, "identityMethod", in.identityMethod(), IDENTITY_METHODS);
        if (blank(in.requesterName())) {
            errors.put("requesterName", "privacy.error.requesterName");
        }
        if (in.identityVerified() && "NOT_YET".equals(in.identityMethod())) {
            errors.put("identityMethod", "privacy.error.identityMethodForVerified");
        }
        LocalDate today = LocalDate.now(clock.withZone(ClockStatus.VIETNAM));
        LocalDate receivedOn = today;
        if (!blank(in.receivedOn())) {
            try {
                receivedOn = LocalDate.parse(in.receivedOn().strip());
                if (receivedOn.isAfter(today)) {
                    errors.put("receivedOn", "privacy.error.receivedOnFuture");
                }
            } catch (DateTimeParseException e) {
                errors.put("receivedOn", "privacy.error.date");
            }
        }
        if (!errors.isEmpty()) {
            throw new PrivacyException(errors);
        }
        long survivor = people.survivorOf(personId);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into privacy_request (person_id, kind, channel, requester_relation, requester_name, "
                        + "requester_contact, details, identity_method, identity_verified, received_on, first_answer_due, "
                        + "answer_due, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(survivor, kind.name(), in.channel(), in.relation(), cipher.encrypt(in.requesterName().strip()),
                        blank(in.requesterContact()) ? null : cipher.encrypt(in.requesterContact().strip()),
                        blank(in.details()) ? null : cipher.encrypt(in.details().strip()), in.identityMethod(),
                        in.identityVerified(), receivedOn, firstAnswerDue(receivedOn), answerDue(kind, receivedOn),
                        user.username(), ts(clock.instant()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("kind " + kind + ", person " + survivor));
        return id;
    }

    // ------------------------------------------------------------------ reading

    /** The register, open requests first by due date, then answered ones newest first. Audited as one read. */
    @Transactional(readOnly = true)
    public List<Request> list(CurrentUser user) {
        policy.requireRead(user, ENTITY, null);
        List<Request> all = jdbc.sql("select * from privacy_request order by case when answered_at is null then 0 else 1 end, "
                + "answer_due, id").query(this::row).list();
        audit.record(AuditEntry.of(AuditLog.Actions.READ, ENTITY, null, AuditEntry.Outcome.SUCCESS)
                .withDetails("register, " + all.size() + " rows"));
        return all;
    }

    @Transactional(readOnly = true)
    public Request get(CurrentUser user, long id) {
        policy.requireRead(user, ENTITY, id);
        Request r = load(id);
        audit.record(AuditEntry.of(AuditLog.Actions.READ, ENTITY, id, AuditEntry.Outcome.SUCCESS));
        return r;
    }

    /** Administrators of the user's agency, who may be assigned a request. */
    public List<String> officers(CurrentUser user) {
        return directory.usernamesOf(user.agencyCode(), Role.SYSTEM_ADMIN);
    }

    // ------------------------------------------------------------------ workflow

    @Transactional
    public void assign(CurrentUser user, long id, String officer) {
        policy.requireManage(user, AuditLog.Actions.UPDATE, ENTITY, id);
        Request r = requireOpen(id);
        if (officer == null || !officers(user).contains(officer)) {
            throw PrivacyException.field("officer", "privacy.error.officer");
        }
        jdbc.sql("update privacy_request set assigned_to = ?, assigned_at = ?, version = version + 1 where id = ?")
                .params(officer, ts(clock.instant()), r.id()).update();
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("assigned to " + officer));
    }

    /** The requester's identity was checked after recording (documents brought in, a call back). */
    @Transactional
    public void verify(CurrentUser user, long id, String method) {
        policy.requireManage(user, AuditLog.Actions.UPDATE, ENTITY, id);
        Request r = requireOpen(id);
        if (method == null || "NOT_YET".equals(method) || !IDENTITY_METHODS.contains(method)) {
            throw PrivacyException.field("identityMethod", "privacy.error.identityMethodForVerified");
        }
        jdbc.sql("update privacy_request set identity_method = ?, identity_verified = true, version = version + 1 "
                + "where id = ?").params(method, r.id()).update();
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("identity verified: " + method));
    }

    /** The first answer (receipt and what happens next) was sent to the requester. */
    @Transactional
    public void acknowledge(CurrentUser user, long id) {
        policy.requireManage(user, AuditLog.Actions.UPDATE, ENTITY, id);
        Request r = requireOpen(id);
        if (r.acknowledgedAt() != null) {
            throw PrivacyException.field("acknowledge", "privacy.error.alreadyAcknowledged");
        }
        jdbc.sql("update privacy_request set acknowledged_at = ?, acknowledged_by = ?, version = version + 1 where id = ?")
                .params(ts(clock.instant()), user.username(), r.id()).update();
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("first answer sent"));
    }

    /**
     * The final answer. A refusal or partial grant needs the reason and the legal basis; nothing is
     * granted to a requester whose identity was not verified. The answer also counts as the first answer.
     */
    @Transactional
    public void answer(CurrentUser user, long id, String outcome, String reason, String legalBasis) {
        policy.requireManage(user, AuditLog.Actions.UPDATE, ENTITY, id);
        Request r = requireOpen(id);
        Map<String, String> errors = new LinkedHashMap<>();
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            errors.put("outcome", "privacy.error.outcome");
        } else if (!outcome.equals("REFUSED") && !r.identityVerified()) {
            errors.put("outcome", "privacy.error.unverified");
        } else if (!outcome.equals("GRANTED")) {
            if (blank(reason)) {
                errors.put("reason", "privacy.error.reason");
            }
            if (blank(legalBasis)) {
                errors.put("legalBasis", "privacy.error.legalBasis");
            }
        }
        if (!blank(legalBasis) && legalBasis.strip().length() > 400) {
            errors.put("legalBasis", "privacy.error.tooLong");
        }
        if (!errors.isEmpty()) {
            throw new PrivacyException(errors);
        }
        Instant now = clock.instant();
        jdbc.sql("update privacy_request set answered_at = ?, answered_by = ?, outcome = ?, outcome_reason = ?, "
                        + "legal_basis = ?, acknowledged_at = coalesce(acknowledged_at, ?), "
                        + "acknowledged_by = coalesce(acknowledged_by, ?), version = version + 1 where id = ?")
                .params(ts(now), user.username(), outcome, blank(reason) ? null : cipher.encrypt(reason.strip()),
                        blank(legalBasis) ? null : legalBasis.strip(), ts(now), user.username(), r.id())
                .update();
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("answered: " + outcome));
    }

    // ------------------------------------------------------------------ export

    /**
     * Whether the user is the officer of an open, verified request to see this person's data: then
     * {@code people} lets them read the person's identity (see {@link PrivacyPersonAccess}).
     */
    @Transactional(readOnly = true)
    public boolean exports(CurrentUser user, long personId) {
        return policy.mayManage(user) && jdbc.sql("select count(*) from privacy_request where person_id = ? "
                        + "and kind = 'ACCESS' and identity_verified = true and answered_at is null and assigned_to = ?")
                .params(personId, user.username()).query(Long.class).single() > 0;
    }

    /**
     * A ZIP of JSON files: {@code manifest.json} (what is in it and what the law keeps out), the identity
     * from the register, and one file per module holding records about the person. Only the assigned
     * officer of an open, identity-verified request to see one's data may make it; audited as an export.
     */
    @Transactional(readOnly = true)
    public Export export(CurrentUser user, long id) {
        policy.requireManage(user, AuditLog.Actions.EXPORT, ENTITY, id);
        Request r = load(id);
        if (r.kind() != RequestKind.ACCESS || !r.open() || !r.identityVerified()
                || !user.username().equals(r.assignedTo())) {
            policy.deny(AuditLog.Actions.EXPORT, ENTITY, id);
        }
        PersonView person = people.read(r.personId());
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("registerId", person.id());
        identity.put("fullName", person.fullName());
        identity.put("birthDate", person.birthDate());
        identity.put("birthDateEstimated", person.birthDateEstimated());
        identity.put("sex", person.sex());
        identity.put("documents", person.documents().stream()
                .map(d -> Map.of("kind", String.valueOf(d.kind()), "number", String.valueOf(d.number()))).toList());
        identity.put("nationality", person.nationality());
        identity.put("ethnicity", person.ethnicity());
        identity.put("unitCode", person.unitCode());
        identity.put("address", person.addressText());
        identity.put("contacts", person.contacts());
        // the kind of each relationship, never the other person's identity
        identity.put("relationships", person.relationships().stream()
                .map(rel -> Map.of("kind", rel.kind(), "direction", rel.outgoing() ? "this person is" : "of this person"))
                .toList());

        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        sections.put("people", List.of(identity));
        for (PersonDataHolder holder : holders) {
            sections.put(holder.module(), holder.recordsAbout(r.personId()));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("request", r.id());
        manifest.put("person", r.personId());
        manifest.put("generatedAt", clock.instant().toString());
        manifest.put("generatedBy", user.username());
        List<Map<String, Object>> files = new ArrayList<>();
        sections.forEach((module, records) -> files.add(Map.of("module", module, "file", module + ".json",
                "records", records.size())));
        manifest.put("files", files);
        manifest.put("withheld", WITHHELD.stream().map(m -> Map.of("module", m,
                "reasonVi", "Dữ liệu phục vụ phòng, chống tội phạm do cơ quan công an lưu giữ: không cung cấp "
                        + "(Luật Bảo vệ dữ liệu cá nhân 2025, trường hợp ngoại lệ)",
                "reasonEn", "Crime-prevention data held by the police: not provided (exception in Law 91/2025)"))
                .toList());
        manifest.put("notLinked", Map.of("module", "prevention",
                "noteVi", "Học sinh có hoàn cảnh đặc biệt được nhà trường ghi theo họ tên, không gắn với sổ đăng ký "
                        + "người; hỏi trường học nếu người yêu cầu là học sinh",
                "noteEn", "Students are recorded by name by their school, not linked to the register; ask the school"));
        manifest.put("reviewVi", "Cán bộ rà soát trước khi gửi: biểu mẫu vụ việc có thể nêu người thứ ba");
        manifest.put("reviewEn", "Review before sending: case forms may name third parties");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "manifest.json", manifest);
            for (var e : sections.entrySet()) {
                entry(zip, e.getKey() + ".json", Map.of("module", e.getKey(), "records", e.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder counts = new StringBuilder();
        sections.forEach((m, recs) -> counts.append(m).append('=').append(recs.size()).append(' '));
        audit.record(AuditEntry.of(AuditLog.Actions.EXPORT, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("person " + r.personId() + ": " + counts.toString().strip()));
        return new Export("du-lieu-ca-nhan-yc-" + r.id() + ".zip", bytes.toByteArray());
    }

    private static void entry(ZipOutputStream zip, String name, Object value) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(JSON.writeValueAsBytes(value));
        zip.closeEntry();
    }

    // ------------------------------------------------------------------ rows

    Request load(long id) {
        return jdbc.sql("select * from privacy_request where id = ?").param(id).query(this::row).optional()
                .orElseThrow(() -> new NoSuchElementException("privacy request " + id));
    }

    private Request requireOpen(long id) {
        Request r = load(id);
        if (!r.open()) {
            throw PrivacyException.field("outcome", "privacy.error.closed");
        }
        return r;
    }

    private Request row(ResultSet rs, int n) throws SQLException {
        Instant now = clock.instant();
        LocalDate first = rs.getObject("first_answer_due", LocalDate.class);
        LocalDate due = rs.getObject("answer_due", LocalDate.class);
        Instant acknowledged = instant(rs, "acknowledged_at");
        Instant answered = instant(rs, "answered_at");
        long personId = rs.getLong("person_id");
        return new Request(rs.getLong("id"), personId, people.label(personId).orElse("#" + personId),
                RequestKind.valueOf(rs.getString("kind")), rs.getString("channel"), rs.getString("requester_relation"),
                cipher.decrypt(rs.getString("requester_name")), cipher.decrypt(rs.getString("requester_contact")),
                cipher.decrypt(rs.getString("details")), rs.getString("identity_method"),
                rs.getBoolean("identity_verified"), rs.getObject("received_on", LocalDate.class), first, due,
                rs.getString("recorded_by"), instant(rs, "recorded_at"), rs.getString("assigned_to"), acknowledged,
                rs.getString("acknowledged_by"), answered, rs.getString("answered_by"), rs.getString("outcome"),
                cipher.decrypt(rs.getString("outcome_reason")), rs.getString("legal_basis"),
                ClockStatus.ofDay(first, acknowledged, now), ClockStatus.ofDay(due, answered, now),
                calendar.workingDaysBetween(LocalDate.ofInstant(now, ClockStatus.VIETNAM), due));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void check(Map<String, String> errors, String field, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            errors.put(field, "privacy.error." + field);
        }
    }
}
