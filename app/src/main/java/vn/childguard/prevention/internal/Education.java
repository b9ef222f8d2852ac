package vn.childguard.prevention.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.intake.IntakeReferrals;
import vn.childguard.matching.BirthDate;
import vn.childguard.matching.Identity;
import vn.childguard.matching.Match;
import vn.childguard.matching.MatchIndex;
import vn.childguard.matching.Sex;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.AgencyKind;
import vn.childguard.organisation.AgencyRef;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.ReferenceLists;
import vn.childguard.shared.crypto.DataCipher;
import vn.childguard.shared.PersonalData;

/**
 * Education work: training of teachers and staff (attendees found again by the matching engine so that
 * one teacher trained twice counts once), students' self-protection sessions and parents' meetings;
 * students in special circumstances with their follow-ups and referral to intake; periodic reviews
 * per school; school-family-authority meetings with decisions and owners.
 */
@PersonalData(table = "prevention_student",
        category = "students in special circumstances: name, class, guardian contact",
        purpose = "follow-up at school",
        legalBasis = "Law on Children 2016 (children in special circumstances)",
        retention = "STUDENT_LEFT_SCHOOL",
        visibleTo = {"SCHOOL_STAFF", "PREVENTION_OFFICER"})
@PersonalData(table = "prevention_trainee", sensitive = false,
        category = "trainees of awareness sessions: name, birth date",
        purpose = "attendance and indicators of the plan",
        legalBasis = "Law 53/2024 (prevention)",
        retention = "not yet scheduled",
        visibleTo = {"PREVENTION_OFFICER", "SCHOOL_STAFF"})
@Service
public class Education {

    public static final String CATEGORIES = "special_circumstance";
    public static final String REVIEW_ITEMS = "prevention_review_item";
    public static final List<String> SESSION_KINDS = List.of("TEACHER_TRAINING", "STUDENT_SESSION", "PARENT_MEETING");
    public static final List<String> FOLLOW_UP_KINDS = List.of("HOME_VISIT", "COUNSELLING");

    public record Attendee(String fullName, String birthDate, String sex) {
    }

    public record NewSession(String kind, String heldOn, String topic, String trainers, List<String> schoolCodes,
                             String grade, String participants, List<Attendee> attendees) {
    }

    public record Session(long id, String kind, String agencyCode, LocalDate heldOn, String topic, String trainers,
                          List<String> schoolCodes, String grade, int participants) {
    }

    /** What recording the attendance list did: new people, and attendees recognised as earlier trainees. */
    public record Attendance(int added, int recognised, List<Long> traineeIds) {
    }

    public record NewStudent(String fullName, String className, String category, String guardianContact,
                             String homeUnit) {
    }

    public record Student(long id, String schoolCode, String schoolUnit, String fullName, String className,
                          String category, String guardianContact, String homeUnit, LocalDate registeredOn) {
    }

    public record FollowUp(long id, String kind, LocalDate doneOn, String note, Long intakeId, String createdBy) {
    }

    /** One cell of the education department's view: a school, a category and how many students. No names. */
    public record Aggregate(String schoolCode, String category, long students, long followedUp) {
    }

    public record Review(long id, String schoolCode, LocalDate reviewedOn, List<String> checked, String notes) {
    }

    public record Decision(String decision, String owner, String dueOn) {
    }

    public record Meeting(long id, String schoolCode, LocalDate heldOn, String attendees, List<Decision> decisions) {
    }

    private final JdbcTemplate jdbc;
    private final DataCipher cipher;
    private final PreventionPolicy policy;
    private final Campaigns campaigns;
    private final AgencyCatalogue agencies;
    private final ReferenceLists lists;
    private final IntakeReferrals referrals;
    private final AuditLog audit;

    Education(JdbcTemplate jdbc, DataCipher cipher, PreventionPolicy policy, Campaigns campaigns,
              AgencyCatalogue agencies, ReferenceLists lists, IntakeReferrals referrals, AuditLog audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.policy = policy;
        this.campaigns = campaigns;
        this.agencies = agencies;
        this.lists = lists;
        this.referrals = referrals;
        this.audit = audit;
    }

    public List<AgencyRef> schools() {
        return agencies.activeOfKind(AgencyKind.SCHOOL, campaigns.today());
    }

    public List<ReferenceLists.Item> categories() {
        return campaigns.list(CATEGORIES);
    }

    public List<ReferenceLists.Item> reviewItems() {
        return campaigns.list(REVIEW_ITEMS);
    }

    // ---- sessions --------------------------------------------------------------------------------

    @Transactional
    public long recordSession(CurrentUser user, NewSession in) {
        if (!policy.canRecordSessions(user)) {
            campaigns.deny(AuditLog.Actions.CREATE, "prevention_session", null);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String kind = Campaigns.clean(in.kind());
        if (kind == null || !SESSION_KINDS.contains(kind)) {
            errors.put("kind", "prevention.error.unknownCode");
        }
        LocalDate heldOn = Campaigns.date(in.heldOn(), "heldOn", errors, true);
        if (heldOn != null && heldOn.isAfter(campaigns.today())) {
            errors.put("heldOn", "prevention.error.future");
        }
        String topic = Campaigns.clean(in.topic());
        if (topic == null) {
            errors.put("topic", "prevention.error.required");
        }
        Set<String> schoolCodes = schools().stream().map(AgencyRef::code).collect(Collectors.toSet());
        List<String> schoolsOf = in.schoolCodes() == null ? List.of() : in.schoolCodes().stream().distinct().toList();
        if (policy.isSchool(user) && schoolsOf.isEmpty()) {
            schoolsOf = List.of(user.agencyCode());
        }
        if (!schoolCodes.containsAll(schoolsOf)) {
            errors.put("schoolCodes", "prevention.error.unknownCode");
        } else if (policy.isSchool(user) && !schoolsOf.equals(List.of(user.agencyCode()))) {
            errors.put("schoolCodes", "prevention.error.ownSchoolOnly");
        }
        List<Attendee> attendees = in.attendees() == null ? List.of()
                : in.attendees().stream().filter(a -> Campaigns.clean(a.fullName()) != null).toList();
        for (int i = 0; i < attendees.size(); i++) {
            Attendee a = attendees.get(i);
            try {
                BirthDate.parse(a.birthDate());
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                errors.put("attendees[" + i + "].birthDate", "prevention.error.date");
            }
            if (Campaigns.clean(a.sex()) != null && !Set.of("F", "M").contains(a.sex().strip())) {
                errors.put("attendees[" + i + "].sex", "prevention.error.unknownCode");
            }
        }
        Integer participants = Campaigns.count(in.participants(), "participants", errors, false);
        if ("TEACHER_TRAINING".equals(kind) && attendees.isEmpty() && !errors.containsKey("participants")) {
            errors.put("attendees", "prevention.error.attendeesRequired");
        } else if (!"TEACHER_TRAINING".equals(kind) && Campaigns.nz(participants) < 1 && !errors.containsKey("participants")) {
            errors.put("participants", "prevention.error.positive");
        }
        String grade = Campaigns.clean(in.grade());
        if ("STUDENT_SESSION".equals(kind) && grade == null) {
            errors.put("grade", "prevention.error.required");
        }
        if (!errors.isEmpty()) {
            throw new PreventionException(errors);
        }
        int count = "TEACHER_TRAINING".equals(kind) ? attendees.size() : Campaigns.nz(participants);
        long id = campaigns.insert("insert into prevention_session (kind, agency_code, held_on, topic, trainers,"
                        + " school_codes, grade, participants, created_by, created_at) values (?,?,?,?,?,?,?,?,?,?)",
                kind, user.agencyCode(), heldOn, topic, Campaigns.clean(in.trainers()), String.join(",", schoolsOf),
                grade, count, user.username(), campaigns.now());
        if (!attendees.isEmpty()) {
            attend(id, attendees, schoolsOf.size() == 1 ? schoolsOf.getFirst() : null);
        }
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "prevention_session", id, AuditEntry.Outcome.SUCCESS));
        return id;
    }

    /**
     * Records the attendance list: each attendee is looked up among earlier trainees with the matching
     * engine; a match that the engine alerts on (name with an agreeing birth date) is the same person.
     */
    Attendance attend(long sessionId, List<Attendee> attendees, String schoolCode) {
        List<Identity> known = jdbc.query("select id, full_name, birth_date, sex from prevention_trainee",
                (rs, n) -> identity(String.valueOf(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4)));
        MatchIndex index = MatchIndex.build(known);
        int added = 0;
        int recognised = 0;
        List<Long> ids = new ArrayList<>();
        for (Attendee a : attendees) {
            Identity query = identity("q", a.fullName().strip(), a.birthDate(), a.sex());
            List<Match> matches = index.match(query);
            long traineeId;
            if (!matches.isEmpty()) {
                traineeId = Long.parseLong(matches.getFirst().entryId());
                recognised++;
            } else {
                traineeId = campaigns.insert("insert into prevention_trainee (full_name, birth_date, sex, school_code,"
                                + " created_at) values (?,?,?,?,?)", a.fullName().strip(), Campaigns.clean(a.birthDate()),
                        Campaigns.clean(a.sex()), schoolCode, campaigns.now());
                index = index.withChanges(List.of(identity(String.valueOf(traineeId), a.fullName().strip(),
                        a.birthDate(), a.sex())), List.of());
                added++;
            }
            if (!ids.contains(traineeId)) {
                ids.add(traineeId);
                jdbc.update("insert into prevention_attendance (session_id, trainee_id) values (?,?)", sessionId, traineeId);
            }
        }
        jdbc.update("update prevention_session set participants = ? where id = ?", ids.size(), sessionId);
        return new Attendance(added, recognised, ids);
    }

    private static Identity identity(String id, String name, String birthDate, String sex) {
        BirthDate born = birthDate == null || birthDate.isBlank() ? BirthDate.UNKNOWN : BirthDate.parse(birthDate.strip());
        return new Identity(id, name, born, sex == null || sex.isBlank() ? Sex.UNKNOWN : Sex.parse(sex.strip()),
                List.of(), "VN");
    }

    @Transactional(readOnly = true)
    public List<Session> sessions(CurrentUser user) {
        if (!policy.canRecordSessions(user)) {
            campaigns.deny(AuditLog.Actions.READ, "prevention_session", null);
        }
        if (policy.isSchool(user)) {
            return jdbc.query("select * from prevention_session where agency_code = ? or school_codes like ?"
                    + " order by held_on desc, id desc", Education::session, user.agencyCode(), "%" + user.agencyCode() + "%");
        }
        return jdbc.query("select * from prevention_session order by held_on desc, id desc", Education::session);
    }

    /** How many distinct people attended the session's list (the engine has merged repeat attendees). */
    public int attendeesOf(long sessionId) {
        return jdbc.queryForObject("select count(distinct trainee_id) from prevention_attendance where session_id = ?",
                Integer.class, sessionId);
    }

    // ---- students --------------------------------------------------------------------------------

    @Transactional
    public long registerStudent(CurrentUser user, NewStudent in) {
        if (!policy.isSchool(user)) {
            campaigns.deny(AuditLog.Actions.CREATE, "prevention_student", null);
        }
        AgencyRef school = agencies.byCode(user.agencyCode()).orElseThrow();
        Map<String, String> errors = new LinkedHashMap<>();
        String name = Campaigns.clean(in.fullName());
        if (name == null) {
            errors.put("fullName", "prevention.error.required");
        }
        String className = Campaigns.clean(in.className());
        if (className == null) {
            errors.put("className", "prevention.error.required");
        } else if (className.length() > 20) {
            errors.put("className", "prevention.error.tooLong");
        }
        String category = Campaigns.clean(in.category());
        if (category == null) {
            errors.put("category", "prevention.error.required");
        } else if (categories().stream().noneMatch(c -> c.code().equals(category))) {
            errors.put("category", "prevention.error.unknownCode");
        }
        String homeUnit = Campaigns.clean(in.homeUnit());
        if (homeUnit == null) {
            homeUnit = school.areaCode();
        } else if (!campaigns.map().codes().contains(homeUnit)) {
            errors.put("homeUnit", "prevention.error.unknownCommune");
        }
        if (!errors.isEmpty()) {
            throw new PreventionException(errors);
        }
        String contact = Campaigns.clean(in.guardianContact());
        long id = campaigns.insert("insert into prevention_student (school_code, school_unit, full_name, class_name,"
                        + " category, guardian_contact, home_unit, created_by, created_at) values (?,?,?,?,?,?,?,?,?)",
                school.code(), school.areaCode(), cipher.encrypt(name), className, category,
                contact == null ? null : cipher.encrypt(contact), homeUnit, user.username(), campaigns.now());
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "prevention_student", id, AuditEntry.Outcome.SUCCESS));
        return id;
    }

    /** The students the user may see by name: their school's, or those of schools in the commune. */
    @Transactional(readOnly = true)
    public List<Student> students(CurrentUser user) {
        if (!policy.canListStudents(user)) {
            campaigns.deny(AuditLog.Actions.READ, "prevention_student", null);
        }
        List<Student> all = jdbc.query("select * from prevention_student order by school_code, class_name, id", this::student);
        List<Student> visible = all.stream()
                .filter(s -> policy.canReadStudent(user, s.schoolCode(), s.schoolUnit())).toList();
        audit.record(AuditEntry.of(AuditLog.Actions.READ, "prevention_student", null, AuditEntry.Outcome.SUCCESS)
                .withDetails("list of " + visible.size()));
        return visible;
    }

    @Transactional(readOnly = true)
    public Student student(CurrentUser user, long id) {
        Student s = jdbc.query("select * from prevention_student where id = ?", this::student, id).stream().findFirst()
                .orElseThrow(() -> new NoSuchElementException("student " + id));
        if (!policy.canReadStudent(user, s.schoolCode(), s.schoolUnit())) {
            campaigns.deny(AuditLog.Actions.READ, "prevention_student", id);
        }
        audit.record(AuditEntry.of(AuditLog.Actions.READ, "prevention_student", id, AuditEntry.Outcome.SUCCESS));
        return s;
    }

    @Transactional(readOnly = true)
    public List<FollowUp> followUps(CurrentUser user, long studentId) {
        student(user, studentId);
        return jdbc.query("select * from prevention_follow_up where student_id = ? order by done_on, id",
                (rs, n) -> {
                    long intake = rs.getLong("intake_id");
                    Long intakeId = rs.wasNull() ? null : intake;
                    String note = rs.getString("note");
                    return new FollowUp(rs.getLong("id"), rs.getString("kind"), rs.getObject("done_on", LocalDate.class),
                            note == null ? null : cipher.decrypt(note), intakeId, rs.getString("created_by"));
                }, studentId);
    }

    @Transactional
    public long followUp(CurrentUser user, long studentId, String kind, String doneOn, String note) {
        Student s = writableStudent(user, studentId);
        Map<String, String> errors = new LinkedHashMap<>();
        String k = Campaigns.clean(kind);
        if (k == null || !FOLLOW_UP_KINDS.contains(k)) {
            errors.put("kind", "prevention.error.unknownCode");
        }
        LocalDate day = Campaigns.date(doneOn, "doneOn", errors, true);
        if (day != null && day.isAfter(campaigns.today())) {
            errors.put("doneOn", "prevention.error.future");
        }
        if (!errors.isEmpty()) {
            throw new PreventionException(errors);
        }
        String n = Campaigns.clean(note);
        long id = campaigns.insert("insert into prevention_follow_up (student_id, kind, done_on, note, created_by,"
                        + " created_at) values (?,?,?,?,?,?)", s.id(), k, day, n == null ? null : cipher.encrypt(n),
                user.username(), campaigns.now());
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "prevention_follow_up", id, AuditEntry.Outcome.SUCCESS));
        return id;
    }

    /**
     * Refers the student to intake in one step: a report (channel SCHOOL) routed to the committee of the
     * commune where the student lives, carrying name, class, circumstance, the reason and the guardian's
     * contact, and nothing else from the school's records. Returns the report's id.
     */
    @Transactional
    public long refer(CurrentUser user, long studentId, String reason) {
        Student s = writableStudent(user, studentId);
        if (!policy.isSchool(user)) {
            campaigns.deny(AuditLog.Actions.CREATE, "prevention_referral", studentId);
        }
        String why = Campaigns.clean(reason);
        if (why == null) {
            throw PreventionException.field("reason", "prevention.error.required");
        }
        String category = categories().stream().filter(c -> c.code().equals(s.category())).findFirst()
                .map(c -> c.nameVi()).orElse(s.category());
        String narrative = "Học sinh " + s.fullName() + ", lớp " + s.className() + ", " + user.agencyNameVi()
                + ". Hoàn cảnh: " + category + ". Lý do chuyển: " + why
                + (s.guardianContact() == null ? "" : ". Liên hệ người giám hộ: " + s.guardianContact());
        long intakeId = referrals.referFromSchool(s.homeUnit(), narrative, user.fullName() + " – " + user.agencyNameVi());
        long id = campaigns.insert("insert into prevention_follow_up (student_id, kind, done_on, note, intake_id,"
                        + " created_by, created_at) values (?,?,?,?,?,?,?)", s.id(), "REFERRAL", campaigns.today(),
                cipher.encrypt(why), intakeId, user.username(), campaigns.now());
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "prevention_follow_up", id, AuditEntry.Outcome.SUCCESS)
                .withDetails("referred to intake report " + intakeId));
        return intakeId;
    }

    private Student writableStudent(CurrentUser user, long studentId) {
        Student s = jdbc.query("select * from prevention_student where id = ?", this::student, studentId).stream()
                .findFirst().orElseThrow(() -> new NoSuchElementException("student " + studentId));
        if (!policy.canFollowUp(user, s.schoolCode(), s.schoolUnit())) {
            campaigns.deny(AuditLog.Actions.CREATE, "prevention_follow_up", studentId);
        }
        return s;
    }

    /** Counts per school and category for the education department: never a name. */
    @Transactional(readOnly = true)
    public List<Aggregate> aggregates(CurrentUser user) {
        if (!policy.canSeeAggregates(user)) {
            campaigns.deny(AuditLog.Actions.READ, "prevention_student_aggregate", null);
        }
        return jdbc.query("select s.school_code, s.category, count(*) as students,"
                        + " count(distinct f.student_id) as followed from prevention_student s"
                        + " left join prevention_follow_up f on f.student_id = s.id"
                        + " group by s.school_code, s.category order by s.school_code, s.category",
                (rs, n) -> new Aggregate(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
    }

    // ---- reviews and meetings --------------------------------------------------------------------

    @Transactional
    public long review(CurrentUser user, String schoolCode, String reviewedOn, List<String> checked, String notes) {
        String school = Campaigns.clean(schoolCode) == null && policy.isSchool(user) ? user.agencyCode() : Campaigns.clean(schoolCode);
        if (school == null || !policy.canReview(user, school)) {
            campaigns.deny(AuditLog.Actions.CREATE, "prevention_review", null);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (schools().stream().noneMatch(s -> s.code().equals(school))) {
            errors.put("schoolCode", "prevention.error.unknownCode");
        }
        LocalDate day = Campaigns.date(reviewedOn, "reviewedOn", errors, true);
        Set<String> items = reviewItems().stream().map(ReferenceLists.Item::code).collect(Collectors.toSet());
        List<String> ticked = checked == null ? List.of() : checked.stream().distinct().toList();
        if (!items.containsAll(ticked)) {
            errors.put("checked", "prevention.error.unknownCode");
        }
        if (!errors.isEmpty()) {
            throw new PreventionException(errors);
        }
        long id = campaigns.insert("insert into prevention_review (school_code, reviewed_on, checked, notes, created_by,"
                + " created_at) values (?,?,?,?,?,?)", school, day, String.join(",", ticked), Campaigns.clean(notes),
                user.username(), campaigns.now());
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "prevention_review", id, AuditEntry.Outcome.SUCCESS));
        return id;
    }

    @Transactional(readOnly = true)
    public List<Review> reviews(CurrentUser user) {
        if (!policy.canRecordSessions(user)) {
            campaigns.deny(AuditLog.Actions.READ, "prevention_review", null);
        }
        return jdbc.query("select * from prevention_review order by reviewed_on desc, id desc", (rs, n) ->
                        new Review(rs.getLong("id"), rs.getString("school_code"), rs.getObject("reviewed_on", LocalDate.class),
                                split(rs.getString("checked")), rs.getString("notes"))).stream()
                .filter(r -> !policy.isSchool(user) || r.schoolCode().equals(user.agencyCode())).toList();
    }

    @Transactional
    public long meeting(CurrentUser user, String schoolCode, String heldOn, String attendees, List<Decision> decisions) {
        String school = Campaigns.clean(schoolCode) == null && policy.isSchool(user) ? user.agencyCode() : Campaigns.clean(schoolCode);
        if (school == null || !policy.canReview(user, school)) {
            campaigns.deny(AuditLog.Actions.CREATE, "prevention_meeting", null);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (schools().stream().noneMatch(s -> s.code().equals(school))) {
            errors.put("schoolCode", "prevention.error.unknownCode");
        }
        LocalDate day = Campaigns.date(heldOn, "heldOn", errors, true);
        if (Campaigns.clean(attendees) == null) {
            errors.put("attendees", "prevention.error.required");
        }
        List<Decision> ds = decisions == null ? List.of()
                : decisions.stream().filter(d -> Campaigns.clean(d.decision()) != null).toList();
        if (ds.isEmpty()) {
            errors.put("decisions", "prevention.error.required");
        }
        for (int i = 0; i < ds.size(); i++) {
            if (Campaigns.clean(ds.get(i).owner()) == null) {
                errors.put("decisions[" + i + "].owner", "prevention.error.required");
            }
            Campaigns.date(ds.get(i).dueOn(), "decisions[" + i + "].dueOn", errors, false);
        }
        if (!errors.isEmpty()) {
            throw new PreventionException(errors);
        }
        long id = campaigns.insert("insert into prevention_meeting (school_code, held_on, attendees, created_by, created_at)"
                + " values (?,?,?,?,?)", school, day, attendees.strip(), user.username(), campaigns.now());
        for (Decision d : ds) {
            jdbc.update("insert into prevention_decision (meeting_id, decision, owner_name, due_on) values (?,?,?,?)", id,
                    d.decision().strip(), d.owner().strip(), Campaigns.date(d.dueOn(), "x", new LinkedHashMap<>(), false));
        }
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "prevention_meeting", id, AuditEntry.Outcome.SUCCESS));
        return id;
    }

    @Transactional(readOnly = true)
    public List<Meeting> meetings(CurrentUser user) {
        if (!policy.canRecordSessions(user)) {
            campaigns.deny(AuditLog.Actions.READ, "prevention_meeting", null);
        }
        return jdbc.query("select * from prevention_meeting order by held_on desc, id desc", (rs, n) ->
                        new Meeting(rs.getLong("id"), rs.getString("school_code"), rs.getObject("held_on", LocalDate.class),
                                rs.getString("attendees"), List.of())).stream()
                .filter(m -> !policy.isSchool(user) || m.schoolCode().equals(user.agencyCode()))
                .map(m -> new Meeting(m.id(), m.schoolCode(), m.heldOn(), m.attendees(), jdbc.query(
                        "select decision, owner_name, due_on from prevention_decision where meeting_id = ? order by id",
                        (rs, n) -> new Decision(rs.getString(1), rs.getString(2),
                                rs.getObject(3, LocalDate.class) == null ? null : rs.getObject(3, LocalDate.class).toString()),
                        m.id())))
                .toList();
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.split(","));
    }

    private Student student(ResultSet rs, int n) throws SQLException {
        String contact = rs.getString("guardian_contact");
        return new Student(rs.getLong("id"), rs.getString("school_code"), rs.getString("school_unit"),
                cipher.decrypt(rs.getString("full_name")), rs.getString("class_name"), rs.getString("category"),
                contact == null ? null : cipher.decrypt(contact), rs.getString("home_unit"),
                rs.getObject("created_at", java.time.OffsetDateTime.class).atZoneSameInstant(Campaigns.VIETNAM).toLocalDate());
    }

    private static Session session(ResultSet rs, int n) throws SQLException {
        return new Session(rs.getLong("id"), rs.getString("kind"), rs.getString("agency_code"),
                rs.getObject("held_on", LocalDate.class), rs.getString("topic"), rs.getString("trainers"),
                split(rs.getString("school_codes")), rs.getString("grade"), rs.getInt("participants"));
    }

}
