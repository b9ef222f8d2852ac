package vn.childguard.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;
import vn.childguard.test.RoleAccess;

/**
 * Data-subject requests and the breach register, full stack: clocks in working days across public
 * holidays, overdue flags, the person's data export holding each module's records about the person and
 * nothing of another person, audit rows, and refusals.
 */
@ChildGuardIntegrationTest
class PrivacyIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    // ---------------------------------------------------------------- helpers

    String token(String user) throws Exception {
        return JSON.readTree(mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + user + "\",\"password\":\"" + DemoUsers.PASSWORD + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("token").asString();
    }

    JsonNode api(MockHttpServletRequestBuilder request, String token, Object body) throws Exception {
        String response = mvc.perform(request.header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(response);
    }

    /** A child with an intake, a child-protection case with a note and a trafficking case, each carrying {@code marker}. */
    long childWithRecords(String name, String marker) throws Exception {
        String commune = token("commune.officer");
        long person = api(post("/api/v1/persons"), commune, Map.of("fullName", name, "birthDate", "2011-05-02",
                "sex", "F", "documents", List.of(), "unitCode", "25486")).get("id").asLong();
        api(post("/api/v1/intakes"), commune, Map.of("channel", "HOTLINE_111", "unitCode", "25486",
                "narrative", "Trình báo " + marker, "urgency", "HIGH", "reporterAnonymous", false,
                "reporterName", "Người báo tin " + marker, "people", List.of(Map.of("part", "CHILD", "personId", person))));
        long kase = api(post("/api/v1/cases"), commune, Map.of("childPersonId", person, "unitCode", "25486",
                "seriousRisk", false)).get("kase").get("id").asLong();
        api(post("/api/v1/cases/" + kase + "/notes"), commune, Map.of("body", "Ghi chú " + marker));
        api(post("/api/v1/trafficking-cases"), token("foreign.officer"), Map.of("personId", person,
                "unitCode", "25486", "countryCode", "GB", "abroad", true, "source", "Đại sứ quán Việt Nam tại London",
                "data", Map.of("exploitationTypes", List.of("FORCED_CRIMINALITY"), "summary", "Tóm tắt " + marker)));
        return person;
    }

    long recordRequest(MockHttpSession admin, Map<String, String> fields) throws Exception {
        var request = post("/privacy/requests").session(admin).with(csrf());
        fields.forEach(request::param);
        String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    Map<String, String> request(long person, String kind, String receivedOn, boolean verified) {
        Map<String, String> m = new HashMap<>(Map.of("personId", String.valueOf(person), "kind", kind,
                "channel", "IN_PERSON", "relation", "LEGAL_REPRESENTATIVE", "requesterName", "Nguyễn Văn Cha",
                "identityMethod", verified ? "ID_CARD" : "NOT_YET", "receivedOn", receivedOn));
        if (verified) {
            m.put("identityVerified", "true");
        }
        return m;
    }

    String page(MockHttpSession session, String url) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    long audit(String entity, long id, String action, String outcome) {
        return jdbc.queryForObject("select count(*) from audit_event where entity_type = ? and entity_id = ? "
                + "and action = ? and outcome = ?", Long.class, entity, String.valueOf(id), action, outcome);
    }

    static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    // ---------------------------------------------------------------- requests

    @Test
    void deadlinesCountWorkingDaysAcrossPublicHolidaysAndOverdueClocksAreFlagged() throws Exception {
        MockHttpSession admin = DemoUsers.login(mvc, "admin");
        long person = api(post("/api/v1/persons"), token("commune.officer"), Map.of("fullName",
                "Trần Thị Hạn " + UUID.randomUUID().toString().substring(0, 6), "birthDate", "2012-01-01", "sex", "F",
                "documents", List.of(), "unitCode", "25486")).get("id").asLong();
        // Tuesday 28 April 2026: 30 April and 1 May are holidays, then a weekend
        long late = recordRequest(admin, request(person, "DELETION", "2026-04-28", true));
        Map<String, Object> row = jdbc.queryForMap("select first_answer_due, answer_due from privacy_request where id = ?", late);
        assertThat(row.get("first_answer_due").toString()).isEqualTo("2026-05-04");
        assertThat(row.get("answer_due").toString()).isEqualTo("2026-05-28");
        long access = recordRequest(admin, request(person, "ACCESS", "2026-04-28", true));
        assertThat(jdbc.queryForObject("select answer_due from privacy_request where id = ?", String.class, access))
                .startsWith("2026-05-14");

        String overdue = page(admin, "/privacy/requests/" + late);
        assertThat(overdue).contains("data-clock=\"OVERDUE\"");
        String today = LocalDate.now(VIETNAM).toString();
        long fresh = recordRequest(admin, request(person, "RESTRICTION", today, true));
        String open = page(admin, "/privacy/requests/" + fresh);
        assertThat(open).doesNotContain("data-clock=\"OVERDUE\"").contains("data-clock=\"OPEN\"");
        String register = page(admin, "/privacy/requests");
        assertThat(register).contains("data-request=\"" + late + "\"");

        // a refusal needs a reason and a legal basis; answering late is shown as late
        mvc.perform(post("/privacy/requests/" + late + "/answer").session(admin).with(csrf()).param("outcome", "REFUSED"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/privacy/requests/" + late + "/answer").session(admin).with(csrf()).param("outcome", "REFUSED")
                .param("reason", "Dữ liệu cần lưu giữ cho vụ việc đang xử lý")
                .param("legalBasis", "Luật Bảo vệ dữ liệu cá nhân 2025")).andExpect(status().is3xxRedirection());
        assertThat(page(admin, "/privacy/requests/" + late)).contains("data-clock=\"MET_LATE\"");
        // an answered request does not change any more
        mvc.perform(post("/privacy/requests/" + late + "/acknowledge").session(admin).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(audit("privacy_request", late, "UPDATE", "SUCCESS")).isEqualTo(1);
        assertThat(audit("privacy_request", late, "CREATE", "SUCCESS")).isEqualTo(1);
        assertThat(audit("privacy_request", late, "READ", "SUCCESS")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void nothingIsGrantedToAnUnverifiedRequesterAndInputErrorsNameTheField() throws Exception {
        MockHttpSession admin = DemoUsers.login(mvc, "admin");
        String form = mvc.perform(post("/privacy/requests").session(admin).with(csrf()).param("personId", "987654321")
                        .param("kind", "ACCESS").param("receivedOn", LocalDate.now(VIETNAM).plusDays(3).toString()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("href=\"#personId\"", "href=\"#receivedOn\"", "href=\"#requesterName\"",
                "href=\"#channel\"");
        long person = childWithRecords("Phạm Thị Chưa " + UUID.randomUUID().toString().substring(0, 6), "unverified");
        long id = recordRequest(admin, request(person, "ACCESS", LocalDate.now(VIETNAM).toString(), false));
        mvc.perform(post("/privacy/requests/" + id + "/assign").session(admin).with(csrf()).param("officer", "admin"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/privacy/requests/" + id + "/export").session(admin)).andExpect(status().isForbidden());
        assertThat(audit("privacy_request", id, "EXPORT", "DENIED")).isEqualTo(1);
        String refused = mvc.perform(post("/privacy/requests/" + id + "/answer").session(admin).with(csrf())
                        .param("outcome", "GRANTED")).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("href=\"#outcome\"");
    }

    @Test
    void theExportHoldsEachModulesRecordsAboutThePersonAndNothingOfAnotherPerson() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String nameA = "Lê Thị Xuất " + suffix;
        String nameB = "Võ Văn Khác " + suffix;
        String markerA = "MA-" + suffix;
        String markerB = "MB-" + suffix;
        long a = childWithRecords(nameA, markerA);
        childWithRecords(nameB, markerB);

        MockHttpSession admin = DemoUsers.login(mvc, "admin");
        long id = recordRequest(admin, request(a, "ACCESS", LocalDate.now(VIETNAM).toString(), true));
        // only the assigned officer exports
        mvc.perform(get("/privacy/requests/" + id + "/export").session(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/privacy/requests/" + id + "/assign").session(admin).with(csrf()).param("officer", "admin"))
                .andExpect(status().is3xxRedirection());
        var response = mvc.perform(get("/privacy/requests/" + id + "/export").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/zip");
        Map<String, String> files = unzip(response.getContentAsByteArray());
        assertThat(files).containsOnlyKeys("manifest.json", "people.json", "intake.json", "casework.json",
                "trafficking.json");
        assertThat(files.get("people.json")).contains(nameA);
        assertThat(files.get("intake.json")).contains("Trình báo " + markerA)
                .doesNotContain("Người báo tin"); // who reported stays out
        assertThat(files.get("casework.json")).contains("Ghi chú " + markerA);
        assertThat(files.get("trafficking.json")).contains("Tóm tắt " + markerA);
        for (String file : files.values()) {
            assertThat(file).doesNotContain(markerB).doesNotContain(nameB);
        }
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertThat(manifest.get("person").asLong()).isEqualTo(a);
        assertThat(manifest.get("withheld").toString()).contains("intelligence", "screening");

        assertThat(audit("privacy_request", id, "EXPORT", "SUCCESS")).isEqualTo(1);
        assertThat(audit("privacy_request", id, "EXPORT", "DENIED")).isEqualTo(1);
        assertThat(audit("person", a, "READ", "SUCCESS")).isGreaterThanOrEqualTo(1);
        // the admin sees the person only while the request is open
        mvc.perform(post("/privacy/requests/" + id + "/answer").session(admin).with(csrf()).param("outcome", "GRANTED"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/privacy/requests/" + id + "/export").session(admin)).andExpect(status().isForbidden());
        mvc.perform(get("/people/" + a).session(admin)).andExpect(status().isForbidden());
    }

    // ---------------------------------------------------------------- breaches

    long recordBreach(MockHttpSession admin, LocalDateTime discovered, int subjects) throws Exception {
        String location = mvc.perform(post("/privacy/breaches").session(admin).with(csrf())
                        .param("discoveredAt", discovered.truncatedTo(ChronoUnit.MINUTES).toString())
                        .param("occurred", "Máy chủ tệp của Sở, phòng 204")
                        .param("description", "Một máy tính xách tay chứa bản xuất danh sách bị mất")
                        .param("dataAffected", "Họ tên, ngày sinh, xã cư trú của trẻ được hỗ trợ")
                        .param("categories", "IDENTITY", "CHILDREN").param("subjectsCount", String.valueOf(subjects))
                        .param("cause", "Mang thiết bị ra ngoài không mã hóa")
                        .param("containment", "Thu hồi tài khoản, khóa thiết bị từ xa"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void theBreachClockRunsSeventyTwoHoursFromDiscoveryAndTheNotificationIsAVietnameseDocx() throws Exception {
        MockHttpSession admin = DemoUsers.login(mvc, "admin");
        LocalDateTime now = LocalDateTime.now(VIETNAM);
        long late = recordBreach(admin, now.minusDays(4), 37);
        long fresh = recordBreach(admin, now.minusHours(1), 3);
        String register = page(admin, "/privacy/breaches");
        assertThat(register).contains("data-breach=\"" + late + "\"", "data-breach=\"" + fresh + "\"");
        assertThat(page(admin, "/privacy/breaches/" + late)).contains("data-clock=\"OVERDUE\"");
        assertThat(page(admin, "/privacy/breaches/" + fresh)).contains("data-clock=\"OPEN\"");
        assertThat(jdbc.queryForObject("select retain_until from privacy_breach where id = ?", String.class, late))
                .startsWith(String.valueOf(now.minusDays(4).toLocalDate().plusYears(5)));

        // notification needs the assessment first, then after 72 hours the reason for the delay
        mvc.perform(post("/privacy/breaches/" + late + "/notify").session(admin).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/privacy/breaches/" + late + "/notice.docx").session(admin)).andExpect(status().isConflict());
        mvc.perform(post("/privacy/breaches/" + late + "/assess").session(admin).with(csrf()).param("riskLevel", "HIGH")
                .param("consequences", "Trẻ có thể bị nhận diện và bị tiếp cận")
                .param("measures", "Thông báo cho gia đình, theo dõi truy cập")
                .param("contact", "Trần Quốc Bảo, 0276 3822 111, baove.dlcn@tayninh.gov.vn"))
                .andExpect(status().is3xxRedirection());
        String missingReason = mvc.perform(post("/privacy/breaches/" + late + "/notify").session(admin).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(missingReason).contains("href=\"#lateReason\"");
        mvc.perform(post("/privacy/breaches/" + late + "/notify").session(admin).with(csrf())
                .param("lateReason", "Phát hiện vào ngày nghỉ, cần xác minh phạm vi")).andExpect(status().is3xxRedirection());
        assertThat(page(admin, "/privacy/breaches/" + late)).contains("data-clock=\"MET_LATE\"");

        var docx = mvc.perform(get("/privacy/breaches/" + late + "/notice.docx").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse();
        String document = unzip(docx.getContentAsByteArray()).get("word/document.xml");
        assertThat(document).contains("THÔNG BÁO", "(A05)", "Mô tả vi phạm", "Hậu quả, thiệt hại có thể xảy ra",
                "Trần Quốc Bảo, 0276 3822 111", "Thông báo cho gia đình", "37", "Lý do thông báo chậm",
                "Phát hiện vào ngày nghỉ");
        assertThat(audit("privacy_breach", late, "EXPORT", "SUCCESS")).isEqualTo(1);
        assertThat(audit("privacy_breach", late, "UPDATE", "SUCCESS")).isEqualTo(2);
        assertThat(audit("privacy_breach", late, "CREATE", "SUCCESS")).isEqualTo(1);
    }

    // ---------------------------------------------------------------- roles

    @Test
    void administratorsActAuditorsReadAndEveryoneElseIsRefused() throws Exception {
        MockHttpSession admin = DemoUsers.login(mvc, "admin");
        long person = api(post("/api/v1/persons"), token("commune.officer"), Map.of("fullName",
                "Đỗ Thị Quyền " + UUID.randomUUID().toString().substring(0, 6), "birthDate", "2013-03-03", "sex", "F",
                "documents", List.of(), "unitCode", "25486")).get("id").asLong();
        long id = recordRequest(admin, request(person, "CORRECTION", LocalDate.now(VIETNAM).toString(), true));
        long breach = recordBreach(admin, LocalDateTime.now(VIETNAM).minusHours(2), 1);
        Set<String> readers = Set.of("admin", "auditor");
        RoleAccess.assertOnlyAllowed(mvc, "/privacy/requests", readers);
        RoleAccess.assertOnlyAllowed(mvc, "/privacy/requests/" + id, readers);
        RoleAccess.assertOnlyAllowed(mvc, "/privacy/breaches", readers);
        RoleAccess.assertOnlyAllowed(mvc, "/privacy/breaches/" + breach, readers);
        RoleAccess.assertOnlyAllowed(mvc, "/privacy/requests/new", Set.of("admin"));
        RoleAccess.assertOnlyAllowed(mvc, "/privacy/breaches/new", Set.of("admin"));

        MockHttpSession auditor = DemoUsers.login(mvc, "auditor");
        mvc.perform(post("/privacy/requests/" + id + "/answer").session(auditor).with(csrf()).param("outcome", "GRANTED"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/privacy/breaches/" + breach + "/assess").session(auditor).with(csrf()).param("riskLevel", "LOW"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/privacy/requests/" + id + "/export").session(auditor)).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select outcome from privacy_request where id = ?", String.class, id)).isNull();
        mvc.perform(get("/privacy/requests/987654321").session(admin)).andExpect(status().isNotFound());
    }
}
