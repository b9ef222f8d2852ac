package vn.childguard.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.organisation.AgencyRef;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;
import vn.childguard.planning.internal.Plan;
import vn.childguard.planning.internal.PlanTask;
import vn.childguard.planning.internal.PlanningService;
import vn.childguard.test.ChildGuardIntegrationTest;

@ChildGuardIntegrationTest
class PlanImportIntegrationTests {

    @Autowired
    PlanningService planning;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    static final CurrentUser COORDINATOR = new CurrentUser(2, "police.coordinator", "x", 2, "CA-TINH", "", "", "80",
            java.util.Set.of(Role.PLAN_COORDINATOR));

    Plan plan113() {
        return planning.plans().stream().filter(p -> p.getCode().equals("113/KH-UBND")).findFirst().orElseThrow();
    }

    @Test
    void plan113IsImportedFaithfullyAtStartUp() {
        Plan plan = plan113();
        assertThat(plan.getIssuedOn()).hasToString("2020-01-20");
        assertThat(plan.getPurposes()).hasSize(3);
        assertThat(plan.getTasks()).extracting(PlanTask::getCode)
                .containsExactly("II.1.a", "II.1.b", "II.2", "II.3", "II.4.a", "II.4.b", "II.5.a", "II.5.b", "II.6");
        assertThat(plan.getTasks().get(2).getText()).startsWith("chủ động nắm tình hình và có biện pháp phù hợp bảo hộ công dân");
        assertThat(plan.getLegalBases()).anySatisfy(b -> {
            assertThat(b.citedAs()).isEqualTo("258/QĐ-TTg");
            assertThat(b.number()).isEqualTo("358/QĐ-TTg");
        });
    }

    @Test
    void tasksOfAReorganisedAgencyAreReportedByItsSuccessor() {
        Plan plan = plan113();
        PlanTask victims = plan.getTasks().stream().filter(t -> t.getCode().equals("II.5.a")).findFirst().orElseThrow();
        assertThat(victims.getLeadCode()).as("history keeps the original assignee").isEqualTo("SLDTBXH");
        assertThat(planning.reporters(plan, victims, Period.parse("2024-H2"))).extracting(AgencyRef::code)
                .containsExactly("SLDTBXH");
        assertThat(planning.reporters(plan, victims, Period.parse("2025-H1"))).extracting(AgencyRef::code)
                .containsExactly("SYT");
    }

    @Test
    void theClosingDutyIsReportedByEveryDepartmentAndCommune() {
        Plan plan = plan113();
        PlanTask closing = plan.getTasks().getLast();
        List<AgencyRef> reporters = planning.reporters(plan, closing, Period.parse("2026-H1"));
        assertThat(reporters).extracting(AgencyRef::code).contains("CA-TINH", "SGDDT", "SYT", "UBND-25486")
                .doesNotContain("SLDTBXH", "STTTT", "UBND-TINH");
        assertThat(reporters.stream().filter(a -> a.code().startsWith("UBND-2"))).hasSize(96);
    }

    @Test
    void theMatrixHasACellForEveryReporterAndTask() {
        Plan plan = plan113();
        var matrix = planning.matrix(plan.getId(), Period.parse("2026-H1"));
        int cells = matrix.cells().values().stream().mapToInt(java.util.Map::size).sum();
        assertThat(cells).isEqualTo(matrix.counts().values().stream().mapToInt(Integer::intValue).sum());
        assertThat(matrix.cell("SYT", plan.getTasks().get(6).getId())).isNotNull();
        assertThat(matrix.agencies()).extracting(AgencyRef::code).contains("CA-TINH", "SNGV", "SGDDT", "SYT");
    }

    @Test
    void aReporterOfEveryResponsibleAgencySeesItsOwnTasks() throws Exception {
        Plan plan = plan113();
        Period period = Period.parse("2026-H2");
        for (PlanTask task : plan.getTasks()) {
            String lead = planning.reporters(plan, task, period).getFirst().code();
            List<String> reporters = jdbc.queryForList("select u.username from app_user u join agency a on a.id = "
                    + "u.agency_id join user_role r on r.user_id = u.id where a.code = ? and r.role = 'PLAN_REPORTER'",
                    String.class, lead);
            assertThat(reporters).as("a demo reporter at %s for task %s", lead, task.getCode()).isNotEmpty();
            String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .get("/my/tasks").session(vn.childguard.test.DemoUsers.login(mvc, reporters.getFirst())))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("data-task=\"" + task.getCode() + "\" data-period=\"2026-H2\"");
        }
    }

    @Test
    void anInvalidFileIsRefusedWithEveryProblemByLineAndNothingIsImported() {
        long before = jdbc.queryForObject("select count(*) from plan", Long.class);
        String file = """
                format: 1
                code: 99/KH-TEST
                issuer: NO-SUCH-AGENCY
                issuerName: TEST
                place: Tây Ninh
                issuedOn: 2026-13-01
                title: Test
                schedule:
                  - period: HALF_YEAR
                    dueDays: 15
                tasks:
                  - code: T1
                    text: Một nhiệm vụ
                    lead: CA-TINH
                    coordinators: [group:NOPE]
                    kind: CONTINUOUS
                  - code: T1
                    text: Trùng mã
                    lead: CA-TINH
                    kind: SOMETIMES
                """;
        assertThatThrownBy(() -> planning.importPlan(file, "test.yaml", COORDINATOR))
                .isInstanceOfSatisfying(PlanImportException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.line() + ":" + p.messageKey())
                        .contains("3:planning.import.error.agency", "6:planning.import.error.date",
                                "15:planning.import.error.group", "17:planning.import.error.duplicate",
                                "20:planning.import.error.choice"));
        assertThat(jdbc.queryForObject("select count(*) from plan", Long.class)).isEqualTo(before);
    }
}
