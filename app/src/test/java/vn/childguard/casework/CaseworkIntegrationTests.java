package vn.childguard.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.childguard.casework.internal.EscalationJob;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.people.PersonAccess;
import vn.childguard.test.ChildGuardIntegrationTest;

/** The Decree 56 procedure end to end through the API, with the refusals the law and the policy ask for. */
@ChildGuardIntegrationTest
class CaseworkIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EscalationJob escalations;
    @Autowired
    UserDetailsService users;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    List<PersonAccess> personAccess;

    CaseworkApi api;

    @BeforeEach
    void setUp() {
        api = new CaseworkApi(mvc);
    }

    static Map<String, Object> form(String code, Map<String, Object> data) {
        return Map.of("form", code, "data", data);
    }

    @Test
    void theWholeDecree56ProcedureFromOpeningToClosure() throws Exception {
        String officer = api.token("commune.officer");
        String chair = api.token("commune.chair");
        String teacher = api.token("teacher");
        long child = api.registerChild(officer);
        long id = api.openCase(officer, child);
        String base = "/api/v1/cases/" + id;

        // serious risk at reception: the 12-hour emergency clock runs
        JsonNode kase = CaseworkApi.json(api.call(get(base), officer, null).andExpect(status().isOk()));
        assertThat(kase.get("kase").get("status").asString()).isEqualTo("REPORTED");
        JsonNode emergency = deadline(kase, "EMERGENCY_ACTION");
        Instant received = Instant.parse(kase.get("kase").get("receivedAt").asString());
        assertThat(Instant.parse(emergency.get("dueAt").asString())).isEqualTo(received.plus(Duration.ofHours(12)));
        assertThat(emergency.get("status").asString()).isIn("OPEN", "DUE_TODAY");
        assertThat(kase.get("child").asString()).startsWith("Lê Thị Hồng");

        // initial assessment (Form 02): a missing field is named
        api.call(post(base + "/assessments"), officer, form("F02", Map.of("riskLevel", "SERIOUS")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.summary").exists())
                .andExpect(jsonPath("$.errors.assessedOn").exists());
        api.call(post(base + "/assessments"), officer, form("F02", Map.of("assessedOn", LocalDate.now().toString(),
                "summary", "Trẻ sắp bị đưa ra nước ngoài qua môi giới", "riskLevel", "SERIOUS",
                "emergencyNeeded", true))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.kase.status").value("INITIAL_ASSESSMENT"));
        // the plan may not be submitted before the needs assessment
        api.call(post(base + "/plans"), officer, form("F04", plan())).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("casework.rule.notNow"));

        // emergency decision (Form 07) meets the 12-hour clock; separation runs 15 days
        kase = CaseworkApi.json(api.call(post(base + "/assessments"), officer, form("F07", Map.of(
                "measure", "TEMPORARY_SEPARATION", "startedOn", LocalDate.now().toString(),
                "decision", "Tạm thời cách ly trẻ khỏi người môi giới, giao cho bà ngoại chăm sóc")))
                .andExpect(status().isCreated()));
        assertThat(kase.get("kase").get("status").asString()).isEqualTo("EMERGENCY");
        assertThat(deadline(kase, "EMERGENCY_ACTION").get("status").asString()).isEqualTo("MET");
        assertThat(deadline(kase, "SEPARATION_END").get("status").asString()).isIn("OPEN", "DUE_TODAY");
        assertThat(deadline(kase, "SUPPORT_PLAN").get("status").asString()).isIn("OPEN", "DUE_TODAY");

        // needs assessment (Form 03): eight factors and the parents' views
        Map<String, Object> factors = new HashMap<>();
        for (String f : List.of("safety", "health", "education", "familyEnvironment", "livingConditions",
                "psychologicalState", "socialRelations", "childViews", "parentsViews")) {
            factors.put(f, "Đánh giá " + f);
        }
        api.call(post(base + "/assessments"), officer, form("F03", factors)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.kase.status").value("NEEDS_ASSESSMENT"));

        // plan (Form 04); the officer cannot approve her own plan; the chair can
        api.call(post(base + "/plans"), officer, form("F04", plan())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.kase.status").value("PLAN_SUBMITTED"));
        api.call(post(base + "/approvals"), officer, form("F05", Map.of("decision", "APPROVED")))
                .andExpect(status().isConflict());
        api.call(post(base + "/approvals"), chair, form("F05", Map.of("decision", "RETURNED")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.comment").exists());
        kase = CaseworkApi.json(api.call(post(base + "/approvals"), chair, form("F05", Map.of("decision", "APPROVED",
                "decisionNumber", "12/QĐ-UBND"))).andExpect(status().isCreated()));
        assertThat(kase.get("kase").get("status").asString()).isEqualTo("PLAN_APPROVED");
        assertThat(deadline(kase, "PLAN_APPROVAL").get("status").asString()).isEqualTo("MET");
        api.call(post(base + "/transitions"), officer, Map.of("action", "START_IMPLEMENTATION"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kase.status").value("IMPLEMENTATION"));
        api.call(post(base + "/notes"), officer, Map.of("kind", "MONITORING", "body", "Trẻ đã đi học lại đều"))
                .andExpect(status().isCreated());

        // referral: not to the own agency; to the school, sharing the plan only
        api.call(post(base + "/referrals"), officer, Map.of("toAgency", "UBND-25486", "reason", "x",
                "services", List.of("EDUCATION"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.toAgency").exists());
        JsonNode referral = CaseworkApi.json(api.call(post(base + "/referrals"), officer, Map.of(
                "toAgency", "THPT-TAYNINH", "reason", "Hỗ trợ trẻ tiếp tục học", "services", List.of("EDUCATION"),
                "sections", List.of("PLAN"))).andExpect(status().isCreated()));
        long rid = referral.get("id").asLong();
        // without consent the teacher sees nothing of the case
        api.call(get(base), teacher, null).andExpect(status().isForbidden());
        api.call(post(base + "/consents"), officer, Map.of("subject", "LEGAL_REPRESENTATIVE", "purpose",
                "Chia sẻ kế hoạch hỗ trợ với nhà trường", "recipientAgency", "THPT-TAYNINH",
                "givenOn", "2999-01-01", "method", "SIGNED_FORM")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.personId").exists()).andExpect(jsonPath("$.errors.givenOn").exists());
        api.call(post(base + "/consents"), officer, Map.of("subject", "CHILD", "purpose",
                "Chia sẻ kế hoạch hỗ trợ với nhà trường", "recipientAgency", "THPT-TAYNINH",
                "givenOn", LocalDate.now().minusDays(1).toString(), "method", "IN_PERSON"))
                .andExpect(status().isCreated());
        // the child is 7 or older: her consent alone is not enough, her legal representative's is needed too
        api.call(get(base), teacher, null).andExpect(status().isForbidden());
        long mother = CaseworkApi.json(api.call(post("/api/v1/persons"), officer, Map.of("fullName",
                "Lê Thị Mẹ " + java.util.UUID.randomUUID().toString().substring(0, 6), "birthDate", "1985",
                "sex", "F", "documents", List.of(), "unitCode", "25486")).andExpect(status().isCreated()))
                .get("id").asLong();
        api.call(post(base + "/consents"), officer, Map.of("subject", "LEGAL_REPRESENTATIVE", "personId", mother,
                "purpose", "Chia sẻ kế hoạch hỗ trợ với nhà trường", "recipientAgency", "THPT-TAYNINH",
                "givenOn", LocalDate.now().minusDays(1).toString(), "method", "SIGNED_FORM"))
                .andExpect(status().isCreated());
        api.call(post(base + "/referrals/" + rid + "/accept"), teacher, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"));
        JsonNode seen = CaseworkApi.json(api.call(get(base), teacher, null).andExpect(status().isOk()));
        assertThat(seen.get("fullAccess").asBoolean()).isFalse();
        assertThat(seen.get("child").isNull()).isTrue();
        assertThat(seen.get("forms").valueStream().map(f -> f.get("form").asString()).distinct().toList())
                .containsExactlyInAnyOrder("F04", "F05");
        assertThat(seen.get("notes").isEmpty()).isTrue();
        assertThat(seen.get("consents").isEmpty()).isTrue();
        // the receiver cannot change the case
        api.call(post(base + "/notes"), teacher, Map.of("body", "x")).andExpect(status().isForbidden());

        // review, then closing is refused while the referral is open
        api.call(post(base + "/reviews"), officer, form("F06", Map.of("findings", "Trẻ an toàn, đi học đều",
                "outcome", "CLOSE"))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.kase.status").value("REVIEW"));
        api.call(post(base + "/transitions"), officer, Map.of("action", "CLOSE")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("casework.rule.openReferrals"));
        api.call(post(base + "/referrals/" + rid + "/complete"), teacher, Map.of("reportBack",
                "Trẻ đã được miễn học phí và đi học đều")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"));
        api.call(post(base + "/transitions"), officer, Map.of("action", "CLOSE")).andExpect(status().isOk())
                .andExpect(jsonPath("$.kase.status").value("CLOSED"));
        // a completed referral no longer opens the case to the school
        api.call(get(base), teacher, null).andExpect(status().isForbidden());

        // what is said about the child is encrypted at rest
        List<String> stored = jdbc.queryForList("select content from case_form where case_id = ?", String.class, id);
        assertThat(stored).isNotEmpty().allMatch(s -> s.startsWith("v2:") && !s.contains("môi giới"));
        assertThat(jdbc.queryForObject("select report_back from referral where id = ?", String.class, rid))
                .startsWith("v2:");

        // reopening needs a reason
        api.call(post(base + "/transitions"), officer, Map.of("action", "REOPEN")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").exists());
        api.call(post(base + "/transitions"), officer, Map.of("action", "REOPEN", "reason", "Tin báo mới"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kase.status").value("REOPENED"));
    }

    @Test
    void anOverdueDeadlineIsEscalatedOnceToTheSupervisorsOfTheOwningAgency() throws Exception {
        String officer = api.token("commune.officer");
        long id = api.openCase(officer, api.registerChild(officer));
        long deadline = jdbc.queryForObject("select id from case_deadline where case_id = ? and kind = 'EMERGENCY_ACTION'",
                Long.class, id);
        Instant later = Instant.now().plus(Duration.ofHours(13));
        escalations.escalate(later);
        escalations.escalate(later);
        assertThat(jdbc.queryForObject("select count(*) from case_escalation where deadline_id = ?", Long.class,
                deadline)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select agency_code from case_escalation where deadline_id = ?", String.class,
                deadline)).isEqualTo("UBND-25486");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'ESCALATE' and details like ?",
                Long.class, "case " + id + " %")).isEqualTo(1);
        // the chair sees it in the action-needed inbox
        var chair = vn.childguard.test.DemoUsers.login(mvc, "commune.chair");
        String page = mvc.perform(get("/cases/action-needed").session(chair)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("escalation-" + jdbc.queryForObject(
                "select id from case_escalation where deadline_id = ?", Long.class, deadline));
        // close it out so other tests do not see this case's clocks running
        jdbc.update("update case_deadline set waived_at = ? where case_id = ?", java.sql.Timestamp.from(Instant.now()), id);
    }

    @Test
    void aCaseAndItsConsentsFollowTheChildWhenTheDuplicateIsMerged() throws Exception {
        String officer = api.token("commune.officer");
        long survivor = api.registerChild(officer);
        long duplicate = api.registerChild(officer);
        long id = api.openCase(officer, duplicate);
        api.call(post("/api/v1/cases/" + id + "/consents"), officer, Map.of("subject", "CHILD", "purpose",
                "Chia sẻ với nhà trường", "recipientAgency", "THPT-TAYNINH",
                "givenOn", LocalDate.now().minusDays(1).toString(), "method", "IN_PERSON"))
                .andExpect(status().isCreated());

        mvc.perform(post("/people/duplicates/merge").session(vn.childguard.test.DemoUsers.login(mvc, "commune.chair"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("survivor", String.valueOf(survivor)).param("merged", String.valueOf(duplicate)))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.queryForObject("select child_person_id from cp_case where id = ?", Long.class, id))
                .isEqualTo(survivor);
        assertThat(jdbc.queryForList("select person_id from consent where case_id = ?", Long.class, id))
                .containsOnly(survivor);
        var details = users.loadUserByUsername("commune.officer");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        try {
            var user = directory.currentUser().orElseThrow();
            assertThat(personAccess).anyMatch(a -> a.mayRead(user, survivor));
        } finally {
            SecurityContextHolder.clearContext();
        }
        jdbc.update("update case_deadline set waived_at = ? where case_id = ?", java.sql.Timestamp.from(Instant.now()), id);
    }

    @Test
    void anUnansweredReferralIsEscalatedToTheReceivingAgencyThatOwesTheAnswer() throws Exception {
        String officer = api.token("commune.officer");
        long id = api.openCase(officer, api.registerChild(officer));
        long rid = CaseworkApi.json(api.call(post("/api/v1/cases/" + id + "/referrals"), officer, Map.of(
                "toAgency", "THPT-TAYNINH", "reason", "Hỗ trợ học tập", "services", List.of("EDUCATION"),
                "sections", List.of("PLAN"))).andExpect(status().isCreated())).get("id").asLong();
        long deadline = jdbc.queryForObject("select id from case_deadline where referral_id = ?", Long.class, rid);
        escalations.escalate(Instant.now().plus(Duration.ofDays(10)));
        assertThat(jdbc.queryForObject("select agency_code from case_escalation where deadline_id = ?", String.class,
                deadline)).isEqualTo("THPT-TAYNINH");
        long escalation = jdbc.queryForObject("select id from case_escalation where deadline_id = ?", Long.class,
                deadline);

        // the school owes the answer: its inbox shows the escalation, the commune's does not
        var teacher = vn.childguard.test.DemoUsers.login(mvc, "teacher");
        assertThat(mvc.perform(get("/cases/action-needed").session(teacher)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("escalation-" + escalation);
        var chair = vn.childguard.test.DemoUsers.login(mvc, "commune.chair");
        assertThat(mvc.perform(get("/cases/action-needed").session(chair)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).doesNotContain("escalation-" + escalation);
        mvc.perform(post("/cases/escalations/" + escalation + "/acknowledge").session(teacher)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select acknowledged_by from case_escalation where id = ?", String.class,
                escalation)).isEqualTo("teacher");

        api.call(post("/api/v1/cases/" + id + "/referrals/" + rid + "/revoke"), officer, Map.of("reason", "Kết thúc kiểm thử"))
                .andExpect(status().isOk());
        jdbc.update("update case_deadline set waived_at = ? where case_id = ?", java.sql.Timestamp.from(Instant.now()), id);
    }

    @Test
    void underSevenTheLegalRepresentativeAloneConsentsAndTheChildsOwnConsentIsRefused() throws Exception {
        String officer = api.token("commune.officer");
        long child = CaseworkApi.json(api.call(post("/api/v1/persons"), officer, Map.of("fullName",
                "Lê Văn Bé " + java.util.UUID.randomUUID().toString().substring(0, 6),
                "birthDate", LocalDate.now().minusYears(5).toString(), "sex", "M", "documents", List.of(),
                "unitCode", "25486")).andExpect(status().isCreated())).get("id").asLong();
        long father = CaseworkApi.json(api.call(post("/api/v1/persons"), officer, Map.of("fullName",
                "Lê Văn Cha " + java.util.UUID.randomUUID().toString().substring(0, 6), "birthDate", "1988",
                "sex", "M", "documents", List.of(), "unitCode", "25486")).andExpect(status().isCreated()))
                .get("id").asLong();
        long id = api.openCase(officer, child);
        String base = "/api/v1/cases/" + id;
        long rid = CaseworkApi.json(api.call(post(base + "/referrals"), officer, Map.of("toAgency", "THPT-TAYNINH",
                "reason", "Hỗ trợ mầm non", "services", List.of("EDUCATION"), "sections", List.of("PLAN")))
                .andExpect(status().isCreated())).get("id").asLong();
        api.call(post(base + "/consents"), officer, Map.of("subject", "CHILD", "purpose", "Chia sẻ với nhà trường",
                        "recipientAgency", "THPT-TAYNINH", "givenOn", LocalDate.now().toString(), "method", "IN_PERSON"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.subject").value(org.hamcrest.Matchers.containsString("7")));
        String teacher = api.token("teacher");
        api.call(get(base), teacher, null).andExpect(status().isForbidden());
        api.call(post(base + "/consents"), officer, Map.of("subject", "LEGAL_REPRESENTATIVE", "personId", father,
                        "purpose", "Chia sẻ với nhà trường", "recipientAgency", "THPT-TAYNINH",
                        "givenOn", LocalDate.now().toString(), "method", "SIGNED_FORM"))
                .andExpect(status().isCreated());
        api.call(get(base), teacher, null).andExpect(status().isOk());

        api.call(post(base + "/referrals/" + rid + "/revoke"), officer, Map.of("reason", "Kết thúc kiểm thử"))
                .andExpect(status().isOk());
        jdbc.update("update case_deadline set waived_at = ? where case_id = ?", java.sql.Timestamp.from(Instant.now()), id);
    }

    @Test
    void aFailedFormSaveOnThePageShowsTheErrorsAndKeepsWhatWasTyped() throws Exception {
        String officer = api.token("commune.officer");
        long id = api.openCase(officer, api.registerChild(officer));
        var session = vn.childguard.test.DemoUsers.login(mvc, "commune.officer");
        String page = mvc.perform(post("/cases/" + id + "/forms/F02").session(session)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("assessedOn", "2026-13-40").param("riskLevel", "HIGH").param("summary", ""))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("error-summary").contains("summary-error").contains("assessedOn-error")
                .contains("value=\"2026-13-40\"");
        String ok = mvc.perform(get("/cases/" + id).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(ok).contains("deadline-").contains("còn ");
        jdbc.update("update case_deadline set waived_at = ? where case_id = ?", java.sql.Timestamp.from(Instant.now()), id);
    }

    @Test
    void aCaseIsOpenedFromTheChildsRegisterPageWithTheCommuneChosenFromAList() throws Exception {
        String officer = api.token("commune.officer");
        long child = api.registerChild(officer);
        var session = vn.childguard.test.DemoUsers.login(mvc, "commune.officer");
        String person = mvc.perform(get("/people/" + child).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(person).contains("/cases/new?person=" + child);
        String form = mvc.perform(get("/cases/new?person=" + child).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // the child by name, never a number to type; her one commune already chosen
        assertThat(form).contains("id=\"child-label\"").contains("Lê Thị Hồng")
                .contains("<option value=\"25486\" selected=\"selected\">");
        String location = mvc.perform(post("/cases").session(session)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("childPersonId", String.valueOf(child)).param("unitCode", "25486"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.queryForObject("select child_person_id from cp_case where id = ?", Long.class, id)).isEqualTo(child);
    }

    private static Map<String, Object> plan() {
        return Map.of("goal", "Giữ trẻ an toàn và tiếp tục đi học", "items", List.of(
                Map.of("service", "EDUCATION", "responsible", "Trường THPT Tây Ninh", "startOn",
                        LocalDate.now().toString(), "endOn", LocalDate.now().plusMonths(6).toString(), "budget", "2000000"),
                Map.of("service", "PSYCHOLOGICAL", "responsible", "Công chức văn hóa - xã hội", "startOn",
                        LocalDate.now().toString())));
    }

    private static JsonNode deadline(JsonNode kase, String kind) {
        for (JsonNode d : kase.get("deadlines")) {
            if (d.get("kind").asString().equals(kind) && d.get("status").asString() != null) {
                if (!"WAIVED".equals(d.get("status").asString())) {
                    return d;
                }
            }
        }
        throw new AssertionError("no deadline " + kind + " in " + kase.get("deadlines"));
    }
}
