package vn.childguard.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;
import vn.childguard.reporting.internal.ReadModel;
import vn.childguard.retention.internal.NextMonthReport;
import vn.childguard.retention.internal.RetentionJob;
import vn.childguard.shared.crypto.DataCipher;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

/**
 * The retention job on records of every scheduled type, created here far in the past (2000–2009) with
 * schedule versions effective from 2000 and the job run "on" 1 March 2011: the demo data (2020s) is never
 * due then, and everything created here is removed afterwards.
 */
@ChildGuardIntegrationTest
class RetentionIntegrationTests {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Instant RUN_AT = LocalDate.of(2011, 3, 1).atStartOfDay(VIETNAM).toInstant();
    static final LocalDate SCHEDULES_FROM = LocalDate.of(2000, 1, 1);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataCipher cipher;
    @Autowired
    RetentionJob job;
    @Autowired
    NextMonthReport report;
    @Autowired
    ReadModel readModel;
    @Autowired
    MockMvc mvc;

    /** Rows created here, deleted in reverse order afterwards: table and id. */
    final List<Object[]> created = new ArrayList<>();
    long child;
    long parent;
    long heldChild;
    long victim;
    long named;
    long dueCase;
    long heldCase;
    long laterCase;
    long traffickingCase;
    long intake;
    long oldRecord;
    long alertedRecord;
    long dismissedAlert;
    long keptAlert;
    long watchlistEntry;
    long student;
    String agency;
    String unit;

    @BeforeEach
    void createRecordsAndSchedules() {
        agency = jdbc.queryForObject("select code from agency order by id fetch first 1 rows only", String.class);
        unit = jdbc.queryForObject("select code from admin_unit where length(code) = 5 order by code fetch first 1 rows only",
                String.class);
        for (String[] s : new String[][]{{"CP_CASE_CLOSED", "ANONYMISE", "120"}, {"TC_CASE_CLOSED", "ANONYMISE", "120"},
                {"INTAKE_NO_CASE", "ANONYMISE", "24"}, {"SCREENING_RECORD", "DELETE", "12"},
                {"SCREENING_ALERT_DISMISSED", "DELETE", "12"}, {"WATCHLIST_EXPIRED", "DELETE", "24"},
                {"STUDENT_LEFT_SCHOOL", "ANONYMISE", "12"}}) {
            insert("retention_schedule", "insert into retention_schedule (record_type, action, months, effective_from, basis, "
                    + "created_by, created_at) values (?, ?, ?, ?, 'test', 'test', ?)", s[0], s[1], Integer.parseInt(s[2]),
                    SCHEDULES_FROM, at(2000, 1, 1));
        }
        child = person("Nguyễn Văn Retention", "2005-04-17");
        parent = person("Trần Thị Retention", "1980-02-02");
        heldChild = person("Lê Văn Held", "2006-01-01");
        victim = person("Phạm Thị Victim", "1999-09-09");
        named = person("Hoàng Văn Named", "2004-03-03");
        insert("person_document", "insert into person_document (person_id, kind, number, number_hash) values (?, 'CCCD', ?, 'x')",
                child, cipher.encrypt("001205000001"));
        insert("person_relationship", "insert into person_relationship (person_id, other_person_id, kind, created_by, created_at) "
                + "values (?, ?, 'PARENT', 'test', ?)", parent, child, at(2000, 1, 1));

        dueCase = cpCase("RET-DUE", child, at(2000, 6, 10));
        heldCase = cpCase("RET-HELD", heldChild, at(2000, 6, 10));
        laterCase = cpCase("RET-LATER", named, at(2001, 6, 10));
        insert("case_form", "insert into case_form (case_id, form_code, cycle_no, form_version, content, author, created_at) "
                + "values (?, 'F02', 1, 1, ?, 'test', ?)", dueCase, cipher.encrypt("{\"summary\":\"bị đánh\"}"), at(2000, 1, 2));
        insert("case_note", "insert into case_note (case_id, kind, body, author, created_at) values (?, 'NOTE', ?, 'test', ?)",
                dueCase, cipher.encrypt("Ghi chú"), at(2000, 1, 3));
        insert("consent", "insert into consent (case_id, subject, person_id, purpose, given_on, method, recorded_by, recorded_at) "
                + "values (?, 'PARENT', ?, 'Chia sẻ với trường của cháu Retention', ?, 'WRITTEN', 'test', ?)",
                dueCase, parent, LocalDate.of(2000, 1, 3), at(2000, 1, 3));

        traffickingCase = insert("tc_case", "insert into tc_case (reference, person_id, status, lead_agency_code, "
                        + "partner_agency_code, reporting_agency_code, unit_code, birth_date, reported_at, closed_at, case_data, "
                        + "plan_data, created_by) values ('RET-TC', ?, 'CLOSED', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test')",
                victim, agency, agency, agency, unit, cipher.encrypt("1999-09-09"), at(1999, 12, 1), at(2000, 7, 1),
                cipher.encrypt("{\"exploitationTypes\":[\"FORCED_LABOUR\"],\"summary\":\"Làm việc ở xưởng\","
                        + "\"events\":[{\"kind\":\"EXPLOITATION\",\"date\":\"1999-10-01\"}]}"),
                cipher.encrypt("{\"goal\":\"x\"}"));
        insert("tc_note", "insert into tc_note (case_id, body, author, created_at) values (?, ?, 'test', ?)",
                traffickingCase, cipher.encrypt("Ghi chú"), at(2000, 1, 1));

        Map<String, Object> user = jdbc.queryForMap("select id, username from app_user order by id fetch first 1 rows only");
        intake = insert("intake_report", "insert into intake_report (reference, channel, received_at, received_by, "
                        + "received_by_username, receiving_agency_code, reporter_anonymous, reporter_name, reporter_contact, "
                        + "occurred_at_unit, place_text, narrative, urgency, abuser_is_carer, routed_agency_code, routed_at, status) "
                        + "values ('RET-IN', 'HOTLINE', ?, ?, ?, ?, false, ?, ?, ?, ?, ?, 'NORMAL', false, ?, ?, 'CLOSED_NO_ACTION')",
                at(2008, 1, 1), user.get("id"), user.get("username"), agency, cipher.encrypt("Người báo"),
                cipher.encrypt("0912345678"), unit, cipher.encrypt("Nhà số 5"), cipher.encrypt("Nghe tiếng khóc"), agency,
                at(2008, 1, 1));
        insert("intake_person", "insert into intake_person (intake_id, person_id, part) values (?, ?, 'CHILD')", intake, named);

        oldRecord = travel("RET-R1", LocalDate.of(2009, 5, 1));
        alertedRecord = travel("RET-R2", LocalDate.of(2009, 5, 1));
        dismissedAlert = alert("RET-A1", "RET-R1", "DISMISSED", at(2009, 6, 1));
        keptAlert = alert("RET-A2", "RET-R2", "ESCALATED", at(2009, 6, 1));
        watchlistEntry = insert("intel_watchlist_entry", "insert into intel_watchlist_entry (names, reason, decision_number, "
                        + "decision_date, approved_by, valid_until, alert_level, owner, owner_agency, created_at, updated_at) "
                        + "values (?, ?, 'QD-1', ?, 'test', ?, 'HIGH', 'test', ?, ?, ?)", cipher.encrypt("Đối tượng"),
                cipher.encrypt("Lý do"), LocalDate.of(2007, 1, 1), LocalDate.of(2008, 12, 31), agency, at(2007, 1, 1),
                at(2007, 1, 1));
        student = insert("prevention_student", "insert into prevention_student (school_code, school_unit, full_name, class_name, "
                        + "category, guardian_contact, home_unit, created_by, created_at, left_school_on) "
                        + "values ('RET-SCHOOL', ?, ?, '9A', 'ORPHAN', ?, ?, 'test', ?, ?)", unit, cipher.encrypt("Học Sinh"),
                cipher.encrypt("0987654321"), unit, at(2008, 9, 1), LocalDate.of(2009, 12, 1));
        insert("legal_hold", "insert into legal_hold (record_type, record_id, reason, placed_by, placed_at) "
                + "values ('CP_CASE_CLOSED', ?, 'Quyết định khởi tố 12/2010', 'test', ?)", heldCase, at(2010, 1, 1));
    }

    @AfterEach
    void removeRecords() {
        for (int i = created.size() - 1; i >= 0; i--) {
            String table = (String) created.get(i)[0];
            long id = (Long) created.get(i)[1];
            switch (table) {
                case "cp_case" -> List.of("case_form", "case_note", "consent", "case_attachment")
                        .forEach(t -> jdbc.update("delete from " + t + " where case_id = ?", id));
                case "tc_case" -> jdbc.update("delete from tc_note where case_id = ?", id);
                case "person" -> {
                    jdbc.update("delete from person_document where person_id = ?", id);
                    jdbc.update("delete from person_relationship where person_id = ? or other_person_id = ?", id, id);
                }
                default -> {
                }
            }
            jdbc.update("delete from " + table + " where id = ?", id);
        }
        jdbc.update("delete from legal_hold where reason like 'RET-%'");
        readModel.refresh();
    }

    @Test
    void theJobAnonymisesAndDeletesExactlyTheDueRecordsAndKeepsTheHeldOnes() {
        Map<String, Integer> done = job.apply(RUN_AT);

        assertThat(done).containsExactlyInAnyOrderEntriesOf(Map.of("CP_CASE_CLOSED", 1, "TC_CASE_CLOSED", 1,
                "INTAKE_NO_CASE", 1, "SCREENING_RECORD", 1, "SCREENING_ALERT_DISMISSED", 1, "WATCHLIST_EXPIRED", 1,
                "STUDENT_LEFT_SCHOOL", 1));
        // the due child-protection case: identity gone, case row kept
        assertThat(anonymisedAt("cp_case", dueCase)).isNotNull();
        assertThat(count("select count(*) from case_form where case_id = ?", dueCase)).isZero();
        assertThat(count("select count(*) from case_note where case_id = ?", dueCase)).isZero();
        assertThat(jdbc.queryForObject("select purpose from consent where case_id = ?", String.class, dueCase)).isEmpty();
        // the held case and the case not yet due are untouched
        assertThat(anonymisedAt("cp_case", heldCase)).isNull();
        assertThat(anonymisedAt("cp_case", laterCase)).isNull();
        // the child and the parent (consent) are named by no kept record: anonymised in the register
        for (long p : List.of(child, parent)) {
            Map<String, Object> row = jdbc.queryForMap("select full_name, birth_date, anonymised_at from person where id = ?", p);
            assertThat(cipher.decrypt((String) row.get("full_name"))).isEmpty();
            assertThat(row.get("anonymised_at")).isNotNull();
        }
        assertThat(jdbc.queryForObject("select birth_date from person where id = ?", String.class, child)).isEqualTo("2005-04-01");
        assertThat(count("select count(*) from person_document where person_id = ?", child)).isZero();
        assertThat(count("select count(*) from person_relationship where other_person_id = ?", child)).isZero();
        // the held case's child and a person still named by the later case keep their identity
        assertThat(cipher.decrypt(jdbc.queryForObject("select full_name from person where id = ?", String.class, heldChild)))
                .isEqualTo("Lê Văn Held");
        assertThat(cipher.decrypt(jdbc.queryForObject("select full_name from person where id = ?", String.class, named)))
                .isEqualTo("Hoàng Văn Named");
        // trafficking: only the statistical codes stay, birth date cut to the month
        Map<String, Object> tc = jdbc.queryForMap("select case_data, plan_data, birth_date, exploited_on, anonymised_at "
                + "from tc_case where id = ?", traffickingCase);
        assertThat(cipher.decrypt((String) tc.get("case_data"))).isEqualTo("{\"exploitationTypes\":[\"FORCED_LABOUR\"]}");
        assertThat(tc.get("plan_data")).isNull();
        assertThat(cipher.decrypt((String) tc.get("birth_date"))).isEqualTo("1999-09-01");
        assertThat(tc.get("exploited_on").toString()).isEqualTo("1999-10-01");
        assertThat(count("select count(*) from tc_note where case_id = ?", traffickingCase)).isZero();
        assertThat(cipher.decrypt(jdbc.queryForObject("select full_name from person where id = ?", String.class, victim))).isEmpty();
        // intake: reporter, place and narrative gone, the people links too
        Map<String, Object> in = jdbc.queryForMap("select reporter_name, reporter_contact, place_text, narrative from intake_report "
                + "where id = ?", intake);
        assertThat(in.get("reporter_name")).isNull();
        assertThat(in.get("reporter_contact")).isNull();
        assertThat(in.get("place_text")).isNull();
        assertThat(cipher.decrypt((String) in.get("narrative"))).isEmpty();
        assertThat(count("select count(*) from intake_person where intake_id = ?", intake)).isZero();
        // screening: the record with only a dismissed alert and that alert are deleted; the escalated one stays
        assertThat(count("select count(*) from screening_record where id = ?", oldRecord)).isZero();
        assertThat(count("select count(*) from screening_record where id = ?", alertedRecord)).isOne();
        assertThat(count("select count(*) from screening_alert where id = ?", dismissedAlert)).isZero();
        assertThat(count("select count(*) from screening_alert where id = ?", keptAlert)).isOne();
        assertThat(count("select count(*) from intel_watchlist_entry where id = ?", watchlistEntry)).isZero();
        Map<String, Object> st = jdbc.queryForMap("select full_name, guardian_contact, class_name from prevention_student where id = ?", student);
        assertThat(cipher.decrypt((String) st.get("full_name"))).isEmpty();
        assertThat(st.get("guardian_contact")).isNull();
        assertThat(st.get("class_name")).isEqualTo("9A");
        // each action is in the access log by type and id, the held case is not
        assertThat(audited(RetentionJob.ANONYMISED, "CP_CASE_CLOSED", dueCase)).isOne();
        assertThat(audited(RetentionJob.ANONYMISED, "CP_CASE_CLOSED", heldCase)).isZero();
        assertThat(audited(RetentionJob.DELETED, "WATCHLIST_EXPIRED", watchlistEntry)).isOne();
        assertThat(audited(RetentionJob.ANONYMISED, "person", child)).isOne();
        assertThat(jdbc.queryForList("select details from audit_event where action like 'RETENTION%'", String.class))
                .noneMatch(d -> d != null && (d.contains("Retention") || d.contains("Nguyễn")));
    }

    @Test
    void aSecondRunDoesNothingAndReleasingTheHoldLetsTheNextRunApply() {
        job.apply(RUN_AT);
        long audited = count("select count(*) from audit_event where action in (?, ?)", RetentionJob.ANONYMISED,
                RetentionJob.DELETED);

        assertThat(job.apply(RUN_AT)).isEmpty();
        assertThat(count("select count(*) from audit_event where action in (?, ?)", RetentionJob.ANONYMISED,
                RetentionJob.DELETED)).isEqualTo(audited);

        jdbc.update("update legal_hold set released_by = 'test', released_at = ? where record_id = ? "
                + "and record_type = 'CP_CASE_CLOSED'", at(2011, 1, 1), heldCase);
        assertThat(job.apply(RUN_AT)).containsExactlyEntriesOf(Map.of("CP_CASE_CLOSED", 1));
        assertThat(anonymisedAt("cp_case", heldCase)).isNotNull();
        assertThat(cipher.decrypt(jdbc.queryForObject("select full_name from person where id = ?", String.class, heldChild))).isEmpty();
    }

    @Test
    void aRunStopsAtItsLimitAndTheNextRunTakesTheRest() {
        assertThat(job.apply(RUN_AT, 3).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        assertThat(count("select count(*) from audit_event where action = ? and details like ?", RetentionJob.RUN,
                "%stopped at the limit of 3%")).isPositive();
        assertThat(job.apply(RUN_AT, 100).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
        assertThat(job.apply(RUN_AT, 100)).isEmpty();
    }

    @Test
    void aHoldUntilAPastDayNoLongerBlocks() {
        jdbc.update("update legal_hold set held_until = ? where record_id = ? and record_type = 'CP_CASE_CLOSED'",
                LocalDate.of(2011, 2, 28), heldCase);
        assertThat(job.apply(RUN_AT)).containsEntry("CP_CASE_CLOSED", 2);
        assertThat(anonymisedAt("cp_case", heldCase)).isNotNull();
    }

    @Test
    void theReadModelStillCountsAnonymisedCases() {
        job.apply(RUN_AT);
        readModel.refresh();

        assertThat(count("select count(*) from rpt_case_fact where kind = 'CP' and case_id = ?", dueCase)).isOne();
        assertThat(jdbc.queryForObject("select sex from rpt_case_fact where kind = 'CP' and case_id = ?", String.class, dueCase))
                .isEqualTo("M");
        assertThat(count("select count(*) from rpt_case_fact where kind = 'TC' and case_id = ? and victim = true and age = 0",
                traffickingCase)).isOne();
        assertThat(count("select count(*) from rpt_case_code where kind = 'TC' and case_id = ? and dimension = 'EXPLOITATION' "
                + "and code = 'FORCED_LABOUR'", traffickingCase)).isOne();
    }

    @Test
    void theReportCountsWhatBecomesDueInTheMonthWhatIsOverdueAndWhatIsHeld() {
        NextMonthReport.Report june = report.forMonth(YearMonth.of(2011, 6));

        NextMonthReport.Line cp = june.lines().stream().filter(l -> l.schedule().recordType().equals("CP_CASE_CLOSED"))
                .findFirst().orElseThrow();
        assertThat(List.of(cp.dueInMonth(), cp.overdue(), cp.held())).containsExactly(1, 1, 1);
        assertThat(june.items()).contains(new NextMonthReport.Item("CP_CASE_CLOSED", laterCase,
                vn.childguard.shared.retention.RetentionAction.ANONYMISE, LocalDate.of(2011, 6, 10), false));
        assertThat(june.items()).contains(new NextMonthReport.Item("CP_CASE_CLOSED", heldCase,
                vn.childguard.shared.retention.RetentionAction.ANONYMISE, LocalDate.of(2010, 6, 10), true));
        // in March 2011 the later case is not due yet
        NextMonthReport.Line march = report.forMonth(YearMonth.of(2011, 3)).lines().stream()
                .filter(l -> l.schedule().recordType().equals("CP_CASE_CLOSED")).findFirst().orElseThrow();
        assertThat(List.of(march.dueInMonth(), march.overdue(), march.held())).containsExactly(0, 1, 1);
    }

    @Test
    void thePageAndCsvShowTheHeldRecordAndOnlyAdministratorsChangeHoldsAndSchedules() throws Exception {
        var auditor = DemoUsers.login(mvc, "auditor");
        String page = mvc.perform(get("/retention").session(auditor)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Quyết định khởi tố 12/2010").contains("id=\"retention-report\"");
        String csv = mvc.perform(get("/retention/next-month.csv").session(auditor)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("month,record_type,record_id,action,due_on,held")
                .contains(",CP_CASE_CLOSED," + heldCase + ",ANONYMISE,2010-06-10,yes");
        assertThat(count("select count(*) from audit_event where action = 'EXPORT' and entity_type = 'retention_report' "
                + "and actor = 'auditor'")).isPositive();
        mvc.perform(post("/retention/holds").session(auditor).with(csrf()).param("recordType", "CP_CASE_CLOSED")
                .param("recordId", String.valueOf(laterCase)).param("reason", "RET-x")).andExpect(status().isForbidden());

        var admin = DemoUsers.login(mvc, "admin");
        String refused = mvc.perform(post("/retention/holds").session(admin).with(csrf()).param("recordType", "CP_CASE_CLOSED")
                        .param("recordId", "abc").param("reason", "RET-bad"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Số hiệu hồ sơ: nhập số nguyên dương.");
        mvc.perform(post("/retention/holds").session(admin).with(csrf()).param("recordType", "CP_CASE_CLOSED")
                        .param("recordId", String.valueOf(laterCase)).param("reason", "RET-court order"))
                .andExpect(status().is3xxRedirection());
        long hold = jdbc.queryForObject("select id from legal_hold where reason = 'RET-court order'", Long.class);
        assertThat(count("select count(*) from audit_event where action = 'CREATE' and entity_type = 'legal_hold' "
                + "and entity_id = ? and actor = 'admin'", String.valueOf(hold))).isOne();
        assertThat(report.forMonth(YearMonth.of(2011, 6)).lines().stream()
                .filter(l -> l.schedule().recordType().equals("CP_CASE_CLOSED")).findFirst().orElseThrow().held()).isEqualTo(2);
        mvc.perform(post("/retention/holds/" + hold + "/release").session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select released_by from legal_hold where id = ?", String.class, hold)).isEqualTo("admin");

        String past = mvc.perform(post("/retention/schedules").session(admin).with(csrf()).param("recordType", "CP_CASE_CLOSED")
                        .param("action", "ANONYMISE").param("months", "60").param("effectiveFrom", "2020-01-01")
                        .param("basis", "RET-test"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(past).contains("Áp dụng từ ngày: không được trước hôm nay.");
        String unsupported = mvc.perform(post("/retention/schedules").session(admin).with(csrf()).param("recordType", "CP_CASE_CLOSED")
                        .param("action", "DELETE").param("months", "60").param("effectiveFrom", "2099-01-01")
                        .param("basis", "RET-test"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(unsupported).contains("Thao tác: loại hồ sơ này không hỗ trợ thao tác đã chọn.");
        mvc.perform(post("/retention/schedules").session(admin).with(csrf()).param("recordType", "CP_CASE_CLOSED")
                        .param("action", "ANONYMISE").param("months", "60").param("effectiveFrom", "2099-01-01")
                        .param("basis", "RET-test"))
                .andExpect(status().is3xxRedirection());
        try {
            assertThat(count("select count(*) from retention_schedule where basis = 'RET-test' and months = 60")).isOne();
        } finally {
            jdbc.update("delete from retention_schedule where basis = 'RET-test'");
        }
    }

    private long person(String name, String birth) {
        return insert("person", "insert into person (full_name, birth_date, sex, nationality, unit_code, address_text, contacts, "
                        + "registered_by, registering_agency, created_at, updated_at) values (?, ?, 'M', 'VN', ?, ?, ?, 'test', ?, ?, ?)",
                cipher.encrypt(name), birth, unit, cipher.encrypt("Số 1 đường A"), cipher.encrypt("0900000000"), agency,
                at(2000, 1, 1), at(2000, 1, 1));
    }

    private long cpCase(String reference, long person, OffsetDateTime closed) {
        return insert("cp_case", "insert into cp_case (reference, child_person_id, owning_agency_code, unit_code, status, "
                + "received_at, opened_at, opened_by, closed_at) values (?, ?, ?, ?, 'CLOSED', ?, ?, 'test', ?)",
                reference, person, agency, unit, at(2000, 1, 1), at(2000, 1, 1), closed);
    }

    private long travel(String recordId, LocalDate day) {
        return insert("screening_record", "insert into screening_record (record_id, seq, traveller_key, traveller_prefix, full_name, "
                + "travel_date, direction, created_at) values (?, 1, ?, ?, ?, ?, 'OUT', ?)", recordId, recordId, recordId, cipher.encrypt("Khách"),
                day, at(2009, 5, 1));
    }

    private long alert(String reference, String recordId, String status, OffsetDateTime decided) {
        return insert("screening_alert", "insert into screening_alert (reference, record_id, traveller_key, trip_key, travel_date, "
                + "risk_score, rules, watchlist_match, minor, details, rule_version, status, decided_by, decided_at, created_at) "
                + "values (?, ?, ?, ?, ?, 10, 'R1', false, true, '', 1, ?, 'test', ?, ?)", reference, recordId, recordId,
                reference, LocalDate.of(2009, 5, 1), status, decided, at(2009, 5, 2));
    }

    private long insert(String table, String sql, Object... args) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement(sql, new String[]{"id"});
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        created.add(new Object[]{table, id});
        return id;
    }

    private Object anonymisedAt(String table, long id) {
        return jdbc.queryForObject("select anonymised_at from " + table + " where id = ?", Object.class, id);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private long audited(String action, String type, long id) {
        return count("select count(*) from audit_event where action = ? and entity_type = ? and entity_id = ?", action, type,
                String.valueOf(id));
    }

    private static OffsetDateTime at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 9, 0).atZone(VIETNAM).toOffsetDateTime();
    }
}
