package vn.childguard.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

@ChildGuardIntegrationTest
class ScheduleIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCoordinatorChangesTheReportingScheduleAndABadValueKeepsWhatWasTyped() throws Exception {
        long planId = jdbc.queryForObject("select id from plan where code = '113/KH-UBND'", Long.class);
        List<Map<String, Object>> original = jdbc.queryForList(
                "select period_kind, due_days from plan_schedule where plan_id = ?", planId);
        var coordinator = DemoUsers.login(mvc, "police.coordinator");
        try {
            mvc.perform(post("/plans/{id}/schedule", planId).param("due-QUARTER", "10").param("due-HALF_YEAR", "20")
                            .param("due-YEAR", "").session(coordinator).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            assertThat(jdbc.queryForList("select period_kind || ':' || due_days from plan_schedule where plan_id = ? "
                    + "order by period_kind", String.class, planId)).containsExactly("HALF_YEAR:20", "QUARTER:10");

            mvc.perform(post("/plans/{id}/schedule", planId).param("due-HALF_YEAR", "mười lăm")
                            .session(coordinator).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Số ngày phải là số nguyên từ 0 đến 366")))
                    .andExpect(content().string(containsString("value=\"mười lăm\"")));

            mvc.perform(post("/plans/{id}/schedule", planId).param("due-HALF_YEAR", "15")
                            .session(DemoUsers.login(mvc, "leader")).with(csrf()))
                    .andExpect(status().isForbidden());
        } finally {
            jdbc.update("delete from plan_schedule where plan_id = ?", planId);
            for (Map<String, Object> row : original) {
                jdbc.update("insert into plan_schedule (plan_id, period_kind, due_days) values (?, ?, ?)", planId,
                        row.get("period_kind"), row.get("due_days"));
            }
        }
    }
}
