package vn.childguard.trafficking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

/**
 * Break-the-glass on a trafficking case: commune.officer (a case worker outside the lead, partner and
 * foreign-affairs agencies) is refused, states a reason, reads the case and its data but never the
 * notes, each read logged with the reason; the lead agency's case worker sees it in the inbox; after
 * the time limit the case is refused again.
 */
@ChildGuardIntegrationTest
class TraffickingEmergencyAccessIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void refusedThenReadWithAReasonWithoutNotesThenExpired() throws Exception {
        TraffickingApi api = new TraffickingApi(mvc);
        String foreign = api.token("foreign.officer");
        long id = api.openFromLondon(foreign, api.registerPerson(foreign, LocalDate.now().minusYears(16).toString()));
        String reference = jdbc.queryForObject("select reference from tc_case where id = ?", String.class, id);
        api.call(post("/api/v1/trafficking-cases/" + id + "/notes"), api.token("health.caseworker"),
                Map.of("body", "Ghi chú công tác xã hội bí mật")).andExpect(status().isCreated());
        String reason = "Nạn nhân xuất hiện tại xã, cần xác minh hỗ trợ đã nhận " + id;

        var outsider = DemoUsers.login(mvc, "commune.officer");
        assertThat(mvc.perform(get("/trafficking-cases/" + id).session(outsider)).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString()).contains("emergency-form").doesNotContain(reference);
        mvc.perform(post("/trafficking-cases/" + id + "/emergency-access").session(outsider).with(csrf()))
                .andExpect(status().isBadRequest());

        mvc.perform(post("/trafficking-cases/" + id + "/emergency-access").session(outsider).with(csrf())
                .param("reason", reason)).andExpect(redirectedUrl("/trafficking-cases/" + id));
        String page = mvc.perform(get("/trafficking-cases/" + id).session(outsider)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(reference).contains(reason).doesNotContain("bí mật");
        JsonNode asOutsider = TraffickingApi.json(api.call(get("/api/v1/trafficking-cases/" + id),
                api.token("commune.officer"), null).andExpect(status().isOk()));
        assertThat(asOutsider.get("level").asString()).isEqualTo("EMERGENCY");
        assertThat(asOutsider.get("notes")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'READ' and outcome = 'SUCCESS'"
                + " and actor = 'commune.officer' and entity_type = 'trafficking_case' and entity_id = ? and purpose = ?",
                Long.class, String.valueOf(id), reason)).isEqualTo(2);

        String inbox = mvc.perform(get("/cases/action-needed").session(DemoUsers.login(mvc, "health.caseworker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains(reference).contains("commune.officer").contains(reason);

        jdbc.update("update emergency_access set expires_at = ? where username = 'commune.officer' and entity_id = ?"
                        + " and entity_type = 'trafficking_case'",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), String.valueOf(id));
        mvc.perform(get("/trafficking-cases/" + id).session(outsider)).andExpect(status().isForbidden());
        api.call(get("/api/v1/trafficking-cases/" + id), api.token("commune.officer"), null)
                .andExpect(status().isForbidden());
    }
}
