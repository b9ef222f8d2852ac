package vn.childguard.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.childguard.people.PersonAccess;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.test.Api;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

@ChildGuardIntegrationTest
class IntakeIntegrationTests {

    static final Pattern CHOICE = Pattern.compile("<input[^>]*name=\"people\\[0\\]\\.choice\"[^>]*>");
    static final Pattern VALUE = Pattern.compile("value=\"(\\d+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    IntakeReports reports;
    @Autowired
    UserDetailsService users;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    List<PersonAccess> personAccess;
    @LocalServerPort
    int port;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    String now() {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                .format(LocalDateTime.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))).minusMinutes(30));
    }

    MockHttpServletRequestBuilder form(MockHttpSession session, String narrative, Map<String, String> more) {
        MockHttpServletRequestBuilder request = post("/intakes/new").session(session).with(csrf())
                .param("channel", "HOTLINE_111").param("receivedAt", now())
                .param("reporterName", "Người gọi").param("reporterContact", "0912 345 678")
                .param("unitCode", "25486").param("place", "Ấp 3").param("narrative", narrative)
                .param("urgency", "EMERGENCY").param("abuserIsCarer", "true")
                .param("competentAgencyCode", "CA-PC02")
                .param("people[0].part", "CHILD").param("people[0].name", "Nguyễn Thị Ánh")
                .param("people[0].age", "15").param("people[0].sex", "F")
                .param("people[1].part", "ALLEGED_ABUSER");
        more.forEach(request::param);
        return request;
    }

    @Test
    void aHotlineCallIsRoutedToTheCommuneWhereItHappenedAndReadOnlyByTheAgenciesInvolved() throws Exception {
        var operator = DemoUsers.login(mvc, "hotline.operator");
        String narrative = "Môi giới sắp đưa em ra nước ngoài " + UUID.randomUUID();

        // search before create: typed with diacritics, the register knows her as NGUYEN THI ANH
        String page = mvc.perform(form(operator, narrative, Map.of("action", "search-0")))
                .andExpect(status().isOk())
                .andExpect(text(containsString("NGUYEN THI ANH")))
                .andReturn().getResponse().getContentAsString();
        Matcher radio = CHOICE.matcher(page);
        assertThat(radio.find()).isTrue();
        Matcher value = VALUE.matcher(radio.group());
        assertThat(value.find()).isTrue();
        long child = Long.parseLong(value.group(1));

        String location = mvc.perform(form(operator, narrative, Map.of("action", "save", "people[0].choice",
                        String.valueOf(child))))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Map<String, Object> row = jdbc.queryForMap("select * from intake_report where id = ?", id);
        assertThat(row.get("routed_agency_code")).isEqualTo("UBND-25486");
        assertThat(row.get("receiving_agency_code")).isEqualTo("TD111");
        assertThat(row.get("status")).isEqualTo("ROUTED");
        assertThat(row.get("routed_at")).isEqualTo(row.get("received_at"));
        assertThat((String) row.get("reference")).matches("TN-\\d{4}-\\d{6}");
        assertThat((String) row.get("narrative")).startsWith("v2:").doesNotContain("Môi giới");
        assertThat(jdbc.queryForObject("select person_id from intake_person where intake_id = ? and part = 'CHILD'",
                Long.class, id)).isEqualTo(child);
        String reference = (String) row.get("reference");

        var officer = DemoUsers.login(mvc, "commune.officer");
        mvc.perform(get("/intakes").session(officer))
                .andExpect(status().isOk())
                .andExpect(text(containsString(reference)));
        mvc.perform(get("/intakes/{id}", id).session(officer))
                .andExpect(status().isOk())
                .andExpect(text(containsString(narrative)));

        signIn("commune.officer");
        assertThat(reports.awaitingCase("UBND-25486")).extracting(IntakeSummary::id).contains(id);
        IntakeSummary summary = reports.find(id).orElseThrow();
        assertThat(summary.agencyCode()).isEqualTo("UBND-25486");
        assertThat(summary.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(summary.involved()).contains(new IntakeSummary.Involved(child, "CHILD"));
        var officerUser = directory.currentUser().orElseThrow();
        assertThat(personAccess).anyMatch(a -> a.mayRead(officerUser, child));

        var comms = DemoUsers.login(mvc, "comms.officer");
        mvc.perform(get("/intakes/{id}", id).session(comms)).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = 'comms.officer' "
                + "and entity_type = 'intake_report' and entity_id = ? and outcome = 'DENIED'", Integer.class,
                String.valueOf(id))).isEqualTo(1);
        signIn("comms.officer");
        var commsUser = directory.currentUser().orElseThrow();
        assertThat(personAccess).noneMatch(a -> a.mayRead(commsUser, child));
    }

    @Test
    void aRefusedFormShowsTheErrorsNextToTheFieldsAndKeepsWhatWasTyped() throws Exception {
        var operator = DemoUsers.login(mvc, "hotline.operator");
        String narrative = "Giữ nguyên nội dung " + UUID.randomUUID();
        mvc.perform(post("/intakes/new").session(operator).with(csrf())
                        .param("action", "save").param("channel", "HOTLINE_111").param("receivedAt", "hôm qua")
                        .param("reporterName", "Chị Lan").param("reporterContact", "12ab")
                        .param("narrative", narrative).param("place", "Chợ Tân Biên")
                        .param("people[0].part", "CHILD").param("people[1].part", "ALLEGED_ABUSER"))
                .andExpect(status().isBadRequest())
                .andExpect(text(containsString("Thời điểm tiếp nhận không đúng dạng ngày giờ.")))
                .andExpect(text(containsString("Số điện thoại không hợp lệ")))
                .andExpect(text(containsString("Chọn xã, phường nơi xảy ra.")))
                .andExpect(text(containsString("Chọn mức độ khẩn cấp.")))
                .andExpect(text(containsString("cg-error-summary")))
                .andExpect(text(containsString(narrative)))
                .andExpect(text(containsString("value=\"Chợ Tân Biên\"")))
                .andExpect(text(containsString("value=\"hôm qua\"")));
    }

    @Test
    void theApiRecordsAReportAndNamesTheFieldsItRefuses() throws Exception {
        Api api = new Api(port);
        String token = api.token("hotline.operator", DemoUsers.PASSWORD);
        String narrative = "Qua API " + UUID.randomUUID();
        var created = api.post("/api/v1/intakes", Map.of("channel", "HOTLINE_111", "unitCode", "25486",
                "narrative", narrative, "urgency", "HIGH", "reporterAnonymous", true,
                "people", List.of(Map.of("part", "CHILD", "newPerson", Map.of("fullName", "Lê Văn Tí " + UUID.randomUUID(),
                        "estimatedAge", 9)))), token);
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("reference").asString()).matches("TN-\\d{4}-\\d{6}");
        assertThat(created.body().get("routedAgency").asString()).isEqualTo("UBND-25486");
        assertThat(api.get("/api/v1/intakes/" + id, token).body().get("narrative").asString()).isEqualTo(narrative);

        var refused = api.post("/api/v1/intakes", Map.of("channel", "FAX", "unitCode", "00004", "urgency", "LOW",
                "people", List.of(Map.of("part", "CHILD"))), token);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        for (String field : List.of("channel", "unitCode", "narrative", "urgency", "people[0].newPerson.fullName")) {
            assertThat(refused.body().get("errors").has(field)).as(field).isTrue();
        }

        String commsToken = api.token("comms.officer", DemoUsers.PASSWORD);
        assertThat(api.get("/api/v1/intakes/" + id, commsToken).status()).isEqualTo(403);
    }

    @Test
    void theApiLinksAnExistingPersonOnlyAmongTheMatchesOfWhatTheReportSaysAboutThem() throws Exception {
        Api api = new Api(port);
        String name = "Đặng Thị Liên " + UUID.randomUUID().toString().substring(0, 8);
        var registered = api.post("/api/v1/persons", Map.of("fullName", name, "birthDate", "2012-04-09", "sex", "F",
                "unitCode", "25486"), api.token("commune.officer", DemoUsers.PASSWORD));
        assertThat(registered.status()).isEqualTo(201);
        long person = registered.body().get("id").asLong();
        String token = api.token("hotline.operator", DemoUsers.PASSWORD);
        Map<String, Object> report = Map.of("channel", "HOTLINE_111", "unitCode", "25486",
                "narrative", "Liên kết người " + UUID.randomUUID(), "urgency", "NORMAL", "reporterAnonymous", true);

        // a bare id, or an id that is not a match of the person described, would hand over her identity
        for (Map<String, Object> ref : List.of(Map.<String, Object>of("part", "CHILD", "personId", person),
                Map.<String, Object>of("part", "CHILD", "personId", person, "match",
                        Map.of("fullName", "Trần Văn Bình", "birthDate", "1980")))) {
            Map<String, Object> body = new java.util.HashMap<>(report);
            body.put("people", List.of(ref));
            var refused = api.post("/api/v1/intakes", body, token);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("errors").has("people[0].personId")).isTrue();
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = 'hotline.operator' "
                + "and entity_type = 'intake_report' and outcome = 'DENIED' and details like ?", Integer.class,
                "person " + person + " %")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from intake_person where person_id = ?", Integer.class, person))
                .isZero();

        // named as the report describes her, she is among the matches
        Map<String, Object> body = new java.util.HashMap<>(report);
        body.put("people", List.of(Map.of("part", "CHILD", "personId", person, "match",
                Map.of("fullName", name, "birthDate", "2012"))));
        var created = api.post("/api/v1/intakes", body, token);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("people").get(0).get("personId").asLong()).isEqualTo(person);
    }

    @Test
    void aReportFollowsThePersonItNamesWhenTheDuplicateIsMerged() throws Exception {
        Api api = new Api(port);
        String name = "Hồ Thị Mai " + UUID.randomUUID().toString().substring(0, 8);
        long survivor = api.post("/api/v1/persons", Map.of("fullName", name, "birthDate", "2013-02-03", "sex", "F",
                "unitCode", "25486"), api.token("commune.officer", DemoUsers.PASSWORD)).body().get("id").asLong();
        var created = api.post("/api/v1/intakes", Map.of("channel", "HOTLINE_111", "unitCode", "25486",
                "narrative", "Trùng người " + UUID.randomUUID(), "urgency", "NORMAL", "reporterAnonymous", true,
                "people", List.of(Map.of("part", "CHILD", "newPerson", Map.of("fullName", name, "birthDate", "2013")))),
                api.token("hotline.operator", DemoUsers.PASSWORD));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        long duplicate = created.body().get("people").get(0).get("personId").asLong();

        mvc.perform(post("/people/duplicates/merge").session(DemoUsers.login(mvc, "commune.chair")).with(csrf())
                        .param("survivor", String.valueOf(survivor)).param("merged", String.valueOf(duplicate)))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.queryForList("select person_id from intake_person where intake_id = ?", Long.class, id))
                .containsExactly(survivor);
        signIn("hotline.operator");
        var operator = directory.currentUser().orElseThrow();
        assertThat(personAccess).anyMatch(a -> a.mayRead(operator, survivor));
    }

    @Test
    void aReportAwaitsACaseAtTheCompetentAgencyTooWhichMayOpenIt() throws Exception {
        Api api = new Api(port);
        var created = api.post("/api/v1/intakes", Map.of("channel", "HOTLINE_111", "unitCode", "25486",
                "narrative", "Cơ quan có thẩm quyền " + UUID.randomUUID(), "urgency", "HIGH", "reporterAnonymous", true,
                "competentAgencyCode", "CA-PC02"), api.token("hotline.operator", DemoUsers.PASSWORD));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        signIn("police.officer");
        assertThat(reports.awaitingCase("CA-PC02")).extracting(IntakeSummary::id).contains(id);
        signIn("commune.officer");
        assertThat(reports.awaitingCase("UBND-25486")).extracting(IntakeSummary::id).contains(id);
    }

    @Test
    void onlyIntakeOperatorsOpenTheOperatorsForm() throws Exception {
        mvc.perform(get("/intakes/new").session(DemoUsers.login(mvc, "hotline.operator")))
                .andExpect(status().isOk())
                .andExpect(text(containsString("name=\"people[0].name\"")))
                .andExpect(text(not(containsString("<script>"))));
        mvc.perform(get("/intakes/new").session(DemoUsers.login(mvc, "health.supervisor")))
                .andExpect(status().isForbidden());
    }

    private void signIn(String username) {
        UserDetails details = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
    }

    /** The page as a reader sees it: Thymeleaf writes some Vietnamese letters as HTML entities. */
    static org.springframework.test.web.servlet.ResultMatcher text(org.hamcrest.Matcher<? super String> matcher) {
        return result -> org.hamcrest.MatcherAssert.assertThat(
                org.springframework.web.util.HtmlUtils.htmlUnescape(result.getResponse().getContentAsString()), matcher);
    }
}
