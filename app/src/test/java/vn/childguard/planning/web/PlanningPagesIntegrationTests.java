package vn.childguard.planning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.childguard.planning.internal.Plan;
import vn.childguard.planning.internal.PlanTask;
import vn.childguard.planning.internal.PlanningService;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;
import vn.childguard.test.RoleAccess;

/**
 * The planning pages end to end through the security chain. Each test uses its own task and
 * period, so the order does not matter: II.5.a/2026 (the annual report) for the workflow,
 * II.5.b/2026-H2 for refusals, II.4.a/2025-H2 for urging; PlanningJourneyTests has II.5.a/2026-H2.
 */
@ChildGuardIntegrationTest
class PlanningPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    PlanningService planning;
    @Autowired
    JdbcTemplate jdbc;

    Plan plan113() {
        return planning.plans().stream().filter(p -> p.getCode().equals("113/KH-UBND")).findFirst().orElseThrow();
    }

    PlanTask task(String code) {
        return plan113().getTasks().stream().filter(t -> t.getCode().equals(code)).findFirst().orElseThrow();
    }

    long version(long reportId) {
        return jdbc.queryForObject("select version from progress_report where id = ?", Long.class, reportId);
    }

    long open(MockHttpSession session, PlanTask task, String period) throws Exception {
        String location = mvc.perform(post("/reports/open").param("task", String.valueOf(task.getId()))
                        .param("period", period).session(session).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/reports/*"))
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring("/reports/".length()));
    }

    String html(MockHttpSession session, String url) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void onlyCoordinatorsLeadershipAndAuditorsSeeTheMatrix() throws Exception {
        RoleAccess.assertOnlyAllowed(mvc, "/plans/" + plan113().getId() + "/matrix?period=2026-H1",
                Set.of("police.coordinator", "commune.chair", "leader", "auditor"));
    }

    @Test
    void onlyReportersHaveATaskList() throws Exception {
        RoleAccess.assertOnlyAllowed(mvc, "/my/tasks", Set.of("police.coordinator", "police.officer",
                "foreign.officer", "comms.officer", "education.officer", "health.supervisor", "commune.officer"));
    }

    @Test
    void theMatrixAnswersHtmxWithItsResultsAndSpeaksEnglish() throws Exception {
        var leader = DemoUsers.login(mvc, "leader");
        String url = "/plans/" + plan113().getId() + "/matrix?period=2026-H1&status=OVERDUE";
        String fragment = mvc.perform(get(url).header("HX-Request", "true").session(leader))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"matrix\"", "id=\"matrix-table\"", "id=\"on-time\"", "Quá hạn")
                .doesNotContain("<html", "<footer");
        String english = html(leader, url + "&lang=en");
        assertThat(english).contains("Progress by agency and task", "Overdue", "On time:", "id=\"row-UBND-25486\"");
        mvc.perform(get("/plans/" + plan113().getId() + "/matrix?period=1999-H1").session(leader))
                .andExpect(status().isNotFound());
        mvc.perform(get("/plans/" + plan113().getId() + "/matrix?period=soon").session(leader))
                .andExpect(status().isBadRequest());
    }

    @Test
    void planPageShowsTheCorrectedCitationAndTheSuccessorOfAReorganisedLead() throws Exception {
        String page = html(DemoUsers.login(mvc, "leader"), "/plans/" + plan113().getId());
        assertThat(page).contains("113/KH-UBND", "ỦY BAN NHÂN DÂN TỈNH TÂY NINH", "20/01/2020")
                .contains("Kế hoạch ghi 258/QĐ-TTg — đúng là: 358/QĐ-TTg.")
                .contains("Sở Lao động - Thương binh và Xã hội tỉnh Tây Ninh", "→ Sở Y tế tỉnh Tây Ninh (từ 01/03/2025)")
                .contains("Các sở, ban, ngành tỉnh", "Số nạn nhân được hỗ trợ tái hòa nhập cộng đồng");
        String list = html(DemoUsers.login(mvc, "admin"), "/plans");
        assertThat(list).contains("href=\"/plans/" + plan113().getId() + "\"", "href=\"/plans/import\"");
    }

    @Test
    void reporterSavesSubmitsIsReturnedResubmitsAndIsAcceptedOnTime() throws Exception {
        PlanTask task = task("II.5.a");
        var reporter = DemoUsers.login(mvc, "health.supervisor");
        var coordinator = DemoUsers.login(mvc, "police.coordinator");

        String tasks = html(reporter, "/my/tasks");
        assertThat(tasks).contains("id=\"tasks-overdue\"", "id=\"tasks-next\"", "Báo cáo")
                .contains("data-task=\"II.5.a\" data-period=\"2026\"");

        long id = open(reporter, task, "2026");
        assertThat(open(reporter, task, "2026")).as("opening again finds the same draft").isEqualTo(id);
        long first = task.getIndicators().get(0).getId();
        long second = task.getIndicators().get(1).getId();
        assertThat(html(reporter, "/reports/" + id)).contains("id=\"report-form\"", "name=\"value-" + first + "\"",
                "Đơn vị tính: người", "Lưu nháp", "Gửi báo cáo");

        String invalid = mvc.perform(post("/reports/" + id).session(reporter).with(csrf())
                        .param("action", "save").param("version", String.valueOf(version(id)))
                        .param("narrative", "Đã hỗ trợ nạn nhân").param("value-" + first, "mười")
                        .param("value-" + second, "-2"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("cg-error-summary", "href=\"#value-" + first + "\"", "id=\"value-" + second + "-error\"",
                "Nhập một số", "Số liệu không được âm", "value=\"mười\"", "value=\"-2\"", "Đã hỗ trợ nạn nhân");

        mvc.perform(post("/reports/" + id).session(reporter).with(csrf()).param("action", "save")
                        .param("version", String.valueOf(version(id))).param("narrative", "Đã hỗ trợ 12 nạn nhân")
                        .param("value-" + first, "12").param("value-" + second, "3,5"))
                .andExpect(redirectedUrl("/reports/" + id));
        assertThat(html(reporter, "/reports/" + id)).contains("value=\"12\"", "value=\"3.5\"", "Bản nháp");

        mvc.perform(post("/reports/" + id).session(reporter).with(csrf()).param("action", "submit")
                        .param("version", String.valueOf(version(id))).param("narrative", "Đã hỗ trợ 12 nạn nhân")
                        .param("value-" + first, "12").param("value-" + second, "3"))
                .andExpect(redirectedUrl("/reports/" + id));

        String review = html(coordinator, "/reports/" + id);
        assertThat(review).contains("id=\"review\"", "Chấp nhận báo cáo", "Trả lại báo cáo").doesNotContain("id=\"report-form\"");
        mvc.perform(post("/reports/" + id + "/return").session(coordinator).with(csrf()).param("comment", " "))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/reports/" + id + "/return").session(coordinator).with(csrf())
                        .param("comment", "Bổ sung số liệu học nghề"))
                .andExpect(redirectedUrl("/reports/" + id));

        assertThat(html(reporter, "/reports/" + id)).contains("Bị trả lại", "Bổ sung số liệu học nghề", "id=\"report-form\"");
        mvc.perform(post("/reports/" + id).session(reporter).with(csrf()).param("action", "submit")
                        .param("version", String.valueOf(version(id))).param("narrative", "Đã hỗ trợ 12 nạn nhân")
                        .param("value-" + first, "12").param("value-" + second, "4"))
                .andExpect(redirectedUrl("/reports/" + id));
        mvc.perform(post("/reports/" + id + "/accept").session(coordinator).with(csrf()))
                .andExpect(redirectedUrl("/reports/" + id));

        String accepted = html(reporter, "/reports/" + id);
        assertThat(accepted).contains("Đã chấp nhận", "id=\"correct\"", "id=\"report-readonly\"")
                .doesNotContain("id=\"report-form\"");

        String token = token("police.coordinator");
        mvc.perform(get("/api/v1/plans/" + plan113().getId() + "/status").param("period", "2026")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value("2026"))
                .andExpect(jsonPath("$.rows[?(@.agency.code == 'SYT')].cells[?(@.task == 'II.5.a')].status")
                        .value("DONE_ON_TIME"))
                .andExpect(jsonPath("$.rows[?(@.agency.code == 'SYT')].cells[?(@.task == 'II.5.a')].reportId")
                        .value((int) id));
        String matrix = html(coordinator, "/plans/" + plan113().getId() + "/matrix?period=2026&agency=SYT");
        assertThat(matrix).contains("id=\"row-SYT\"", "href=\"/reports/" + id + "\"", "Hoàn thành đúng hạn")
                .doesNotContain("id=\"row-CA-TINH\"");

        mvc.perform(post("/reports/" + id + "/correct").session(reporter).with(csrf()).param("reason", ""))
                .andExpect(status().isBadRequest());
        String next = mvc.perform(post("/reports/" + id + "/correct").session(reporter).with(csrf())
                        .param("reason", "Sai số liệu học nghề"))
                .andExpect(redirectedUrlPattern("/reports/*"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(html(reporter, next)).contains("Sai số liệu học nghề", "id=\"report-form\"", "id=\"versions\"");
    }

    @Test
    void anotherAgencysReporterIsRefusedAndAStaleVersionKeepsWhatWasTyped() throws Exception {
        PlanTask task = task("II.5.b");
        var reporter = DemoUsers.login(mvc, "health.supervisor");
        long id = open(reporter, task, "2026-H2");
        long indicator = task.getIndicators().getFirst().getId();
        long stale = version(id);
        mvc.perform(post("/reports/" + id).session(reporter).with(csrf()).param("action", "save")
                        .param("version", String.valueOf(stale)).param("narrative", "Bản đầu"))
                .andExpect(redirectedUrl("/reports/" + id));

        String conflict = mvc.perform(post("/reports/" + id).session(reporter).with(csrf()).param("action", "save")
                        .param("version", String.valueOf(stale)).param("narrative", "Bản viết song song")
                        .param("value-" + indicator, "7"))
                .andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();
        assertThat(conflict).contains("cg-error-summary", "Báo cáo vừa được người khác cập nhật", "Bản viết song song",
                "value=\"7\"");

        var other = DemoUsers.login(mvc, "foreign.officer");
        mvc.perform(post("/reports/" + id).session(other).with(csrf()).param("action", "save")
                        .param("version", String.valueOf(version(id))).param("narrative", "Không phải của tôi"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/reports/" + id).session(other)).andExpect(status().isForbidden());
        mvc.perform(post("/reports/" + id + "/accept").session(reporter).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/reports/" + id).session(DemoUsers.login(mvc, "leader")))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select narrative from progress_report where id = ?", String.class, id))
                .isEqualTo("Bản đầu");
    }

    @Test
    void anOverdueCellIsUrgedAndTheMessageReachesThatAgencysInbox() throws Exception {
        PlanTask task = task("II.4.a");
        var coordinator = DemoUsers.login(mvc, "police.coordinator");
        String matrixUrl = "/plans/" + plan113().getId() + "/matrix?period=2025-H2&agency=SGDDT&status=OVERDUE";
        String matrix = html(coordinator, matrixUrl);
        String urgeUrl = "/plans/" + plan113().getId() + "/urge?task=" + task.getId() + "&amp;period=2025-H2&amp;agency=SGDDT";
        assertThat(matrix).contains("id=\"row-SGDDT\"", "Quá hạn", "href=\"" + urgeUrl + "\"");
        assertThat(html(DemoUsers.login(mvc, "leader"), matrixUrl)).doesNotContain("/urge?");

        String form = html(coordinator, urgeUrl.replace("&amp;", "&"));
        assertThat(form).contains("Kính gửi Sở Giáo dục và Đào tạo tỉnh Tây Ninh", "II.4.a", "2025-H2", "15/01/2026");

        mvc.perform(post("/plans/" + plan113().getId() + "/urge").session(coordinator).with(csrf())
                        .param("task", String.valueOf(task.getId())).param("period", "2025-H2")
                        .param("agency", "SGDDT").param("message", ""))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/plans/" + plan113().getId() + "/urge").session(coordinator).with(csrf())
                        .param("task", String.valueOf(task.getId())).param("period", "2025-H2")
                        .param("agency", "SGDDT").param("message", "Đề nghị gửi báo cáo II.4.a trước thứ Sáu."))
                .andExpect(redirectedUrl("/plans/" + plan113().getId() + "/matrix?period=2025-H2"));

        String inbox = html(DemoUsers.login(mvc, "education.officer"), "/inbox");
        assertThat(inbox).contains("Đề nghị gửi báo cáo II.4.a trước thứ Sáu.", "Đôn đốc", "police.coordinator",
                "Nhiệm vụ II.4.a, kỳ 2025-H2");
        assertThat(html(DemoUsers.login(mvc, "health.supervisor"), "/inbox"))
                .doesNotContain("Đề nghị gửi báo cáo II.4.a trước thứ Sáu.");

        mvc.perform(post("/plans/" + plan113().getId() + "/urge").session(DemoUsers.login(mvc, "leader")).with(csrf())
                        .param("task", String.valueOf(task.getId())).param("period", "2025-H2")
                        .param("agency", "SGDDT").param("message", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anInvalidPlanFileIsRefusedWithEveryProblemByLineAndNothingIsImported() throws Exception {
        long plans = jdbc.queryForObject("select count(*) from plan", Long.class);
        var coordinator = DemoUsers.login(mvc, "police.coordinator");
        String yaml = """
                format: 1
                code: 98/KH-TEST
                issuer: NO-SUCH-AGENCY
                issuerName: TEST
                place: Tây Ninh
                issuedOn: 2026-13-01
                title: Test
                schedule:
                  - period: HALF_YEAR
                    dueDays: 15
                tasks: []
                """;
        String html = mvc.perform(multipart("/plans/import")
                        .file(new MockMultipartFile("file", "bad.yaml", "application/yaml",
                                yaml.getBytes(StandardCharsets.UTF_8)))
                        .session(coordinator).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("cg-error-summary", "Dòng 3 — issuer: Không có cơ quan mã", "Dòng 6 — issuedOn:",
                "Chưa có gì được nhập");

        mvc.perform(multipart("/plans/import")
                        .file(new MockMultipartFile("file", "plan.docx", "application/octet-stream", new byte[] {1, 2}))
                        .session(coordinator).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/plans/import").session(DemoUsers.login(mvc, "health.supervisor")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from plan", Long.class)).isEqualTo(plans);
    }

    @Test
    void aValidPlanFileIsImportedOnceAndShownWithItsTargets() throws Exception {
        String yaml = """
                format: 1
                code: 96/KH-TEST
                issuer: UBND-TINH
                issuerName: ỦY BAN NHÂN DÂN TỈNH TÂY NINH
                place: Tây Ninh
                issuedOn: 2026-01-05
                title: Kế hoạch thử nghiệm nhập tệp
                schedule:
                  - period: YEAR
                    dueDays: 10
                tasks:
                  - code: I.1
                    text: Tập huấn cho cán bộ, giáo viên.
                    lead: SGDDT
                    kind: ONE_OFF
                    dueOn: 2026-12-31
                    indicators:
                      - code: trained
                        name: Số người được tập huấn
                        nameEn: People trained
                        unit: người
                        target: 500
                """;
        var admin = DemoUsers.login(mvc, "admin");
        try {
            String location = mvc.perform(multipart("/plans/import")
                            .file(new MockMultipartFile("file", "96-KH-TEST.yml", "application/yaml",
                                    yaml.getBytes(StandardCharsets.UTF_8)))
                            .session(admin).with(csrf()))
                    .andExpect(status().isFound())
                    .andReturn().getResponse().getRedirectedUrl();
            assertThat(location).matches("/plans/\\d+");
            assertThat(html(admin, location)).contains("Kế hoạch thử nghiệm nhập tệp", "Đã nhập kế hoạch.",
                    "Số người được tập huấn", "chỉ tiêu: 500", "hạn hoàn thành 31/12/2026");

            String again = mvc.perform(multipart("/plans/import")
                            .file(new MockMultipartFile("file", "96-KH-TEST.yaml", "application/yaml",
                                    yaml.getBytes(StandardCharsets.UTF_8)))
                            .session(admin).with(csrf()))
                    .andExpect(status().isUnprocessableContent())
                    .andReturn().getResponse().getContentAsString();
            assertThat(again).contains("Dòng 1 — code: Kế hoạch &quot;96/KH-TEST&quot; đã có trong hệ thống.");
        } finally {
            // other tests list every plan: leave only Plan 113 behind
            jdbc.update("delete from reminder where task_id in (select t.id from plan_task t join plan p "
                    + "on p.id = t.plan_id where p.code = ?)", "96/KH-TEST");
            jdbc.update("delete from plan where code = ?", "96/KH-TEST");
        }
    }

    String token(String username) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType("application/json")
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + DemoUsers.PASSWORD + "\"}"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return body.replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }
}
