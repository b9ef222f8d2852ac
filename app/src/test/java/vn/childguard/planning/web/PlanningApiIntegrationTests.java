package vn.childguard.planning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.planning.internal.Plan;
import vn.childguard.planning.internal.PlanTask;
import vn.childguard.planning.internal.PlanningService;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

/**
 * The planning JSON API with bearer tokens. Its cells are distinct from the page tests':
 * II.2/2026-H2 for the workflow, II.4.b/2025-H1 for urging.
 */
@ChildGuardIntegrationTest
class PlanningApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

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

    String token(String username) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + DemoUsers.PASSWORD + "\"}"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("token").asString();
    }

    ResultActions call(MockHttpServletRequestBuilder request, String token, Object body) throws Exception {
        request.header("Authorization", "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    @Test
    void plansAreListedWithTasksIndicatorsAndTheSuccessorOfAReorganisedLead() throws Exception {
        String reader = token("leader");
        call(get("/api/v1/plans"), reader, null).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '113/KH-UBND')].tasks").value(9));
        call(get("/api/v1/plans/" + plan113().getId()), reader, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.legalBases[2].citedAs").value("258/QĐ-TTg"))
                .andExpect(jsonPath("$.legalBases[2].number").value("358/QĐ-TTg"))
                .andExpect(jsonPath("$.tasks[6].code").value("II.5.a"))
                .andExpect(jsonPath("$.tasks[6].lead.code").value("SLDTBXH"))
                .andExpect(jsonPath("$.tasks[6].responsible.code").value("SYT"))
                .andExpect(jsonPath("$.tasks[6].indicators[0].unit").value("người"));
        call(get("/api/v1/plans/999999"), reader, null).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        call(get("/api/v1/plans/" + plan113().getId() + "/status").param("period", "2026-H1"),
                token("health.supervisor"), null).andExpect(status().isForbidden());
    }

    @Test
    void theWholeWorkflowRunsOverTheApi() throws Exception {
        PlanTask task = task("II.2");
        long indicator = task.getIndicators().getFirst().getId();
        String reporter = token("foreign.officer");
        String coordinator = token("police.coordinator");

        JsonNode draft = json(call(post("/api/v1/tasks/" + task.getId() + "/reports").param("period", "2026-H2"),
                reporter, null).andExpect(status().isCreated()));
        long id = draft.get("id").asLong();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("agency").asString()).isEqualTo("SNGV");

        var negative = new java.util.HashMap<String, Object>();
        negative.put("narrative", "Bảo hộ công dân");
        negative.put("values", java.util.Map.of(String.valueOf(indicator), -1));
        negative.put("version", draft.get("version").asLong());
        call(put("/api/v1/reports/" + id), reporter, negative).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['values." + indicator + "']").value("Số liệu không được âm."));

        JsonNode saved = json(call(put("/api/v1/reports/" + id), reporter, java.util.Map.of("narrative",
                "Bảo hộ 5 công dân", "values", java.util.Map.of(String.valueOf(indicator), 5),
                "version", draft.get("version").asLong())).andExpect(status().isOk()));
        assertThat(saved.get("values").get(String.valueOf(indicator)).decimalValue()).isEqualByComparingTo("5");

        call(put("/api/v1/reports/" + id), reporter, java.util.Map.of("narrative", "cũ",
                "version", draft.get("version").asLong())).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("planning.report.error.stale"));
        call(put("/api/v1/reports/" + id), token("health.supervisor"), java.util.Map.of("narrative", "không",
                "version", saved.get("version").asLong())).andExpect(status().isForbidden());

        call(post("/api/v1/reports/" + id + "/submit"), reporter, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        call(post("/api/v1/reports/" + id + "/submit"), reporter, null).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Báo cáo đã gửi hoặc đã được chấp nhận nên không sửa được."));
        call(post("/api/v1/reports/" + id + "/accept"), reporter, null).andExpect(status().isForbidden());

        call(post("/api/v1/reports/" + id + "/return"), coordinator, java.util.Map.of()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.comment").exists());
        call(post("/api/v1/reports/" + id + "/return"), coordinator, java.util.Map.of("comment", "Thiếu số liệu"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.reviewComment").value("Thiếu số liệu"));
        call(post("/api/v1/reports/" + id + "/submit"), reporter, null).andExpect(status().isOk());
        call(post("/api/v1/reports/" + id + "/accept"), coordinator, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"));

        call(get("/api/v1/plans/" + plan113().getId() + "/status").param("period", "2026-H2"), coordinator, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.agency.code == 'SNGV')].cells[?(@.task == 'II.2')].status")
                        .value("DONE_ON_TIME"))
                .andExpect(jsonPath("$.counts.DONE_ON_TIME").isNumber());
        call(get("/api/v1/plans/" + plan113().getId() + "/status").param("period", "2025-H2"), coordinator, null)
                .andExpect(jsonPath("$.rows[?(@.agency.code == 'SNGV')].cells[?(@.task == 'II.2')].status")
                        .value("OVERDUE"));
        call(get("/api/v1/reports/999999"), coordinator, null).andExpect(status().isNotFound());
    }

    @Test
    void aCoordinatorUrgesOverTheApiAndTheAgencyFindsItInItsInbox() throws Exception {
        PlanTask task = task("II.4.b");
        String coordinator = token("police.coordinator");
        call(post("/api/v1/tasks/" + task.getId() + "/reminders"), coordinator,
                java.util.Map.of("period", "2025-H1", "agency", "SGDDT")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.message").exists());
        call(post("/api/v1/tasks/" + task.getId() + "/reminders"), coordinator,
                java.util.Map.of("period", "2025-H1", "agency", "SYT", "message", "x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.agency").exists());
        call(post("/api/v1/tasks/" + task.getId() + "/reminders"), token("education.officer"),
                java.util.Map.of("period", "2025-H1", "agency", "SGDDT", "message", "x")).andExpect(status().isForbidden());
        call(post("/api/v1/tasks/" + task.getId() + "/reminders"), coordinator,
                java.util.Map.of("period", "2025-H1", "agency", "SGDDT", "message", "Nhắc qua API về II.4.b"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("URGE"));

        var session = DemoUsers.login(mvc, "education.officer");
        String inbox = mvc.perform(get("/inbox").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains("Nhắc qua API về II.4.b", "Nhiệm vụ II.4.b, kỳ 2025-H1");
    }

    @Test
    void anInvalidPlanFileIsRefusedWithProblemsByLineAndNothingIsImported() throws Exception {
        long plans = jdbc.queryForObject("select count(*) from plan", Long.class);
        String yaml = """
                format: 1
                code: 97/KH-TEST
                issuer: NO-SUCH-AGENCY
                issuerName: TEST
                place: Tây Ninh
                issuedOn: 2026-01-01
                title: Test
                schedule:
                  - period: DECADE
                    dueDays: 15
                tasks: []
                """;
        String coordinator = token("police.coordinator");
        for (String type : new String[] {"application/yaml", "text/plain"}) {
            mvc.perform(post("/api/v1/plans").header("Authorization", "Bearer " + coordinator)
                            .contentType(type + ";charset=UTF-8").content(yaml))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.problems[?(@.line == 3)].field").value("issuer"))
                    .andExpect(jsonPath("$.problems[?(@.line == 3)].message").value("Không có cơ quan mã \"NO-SUCH-AGENCY\"."))
                    .andExpect(jsonPath("$.problems[?(@.line == 9)]").exists());
        }
        mvc.perform(post("/api/v1/plans").header("Authorization", "Bearer " + token("health.supervisor"))
                        .contentType("application/yaml").content(yaml))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from plan", Long.class)).isEqualTo(plans);
    }
}
