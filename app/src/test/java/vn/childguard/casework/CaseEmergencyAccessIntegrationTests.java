package vn.childguard.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import vn.childguard.casework.internal.CaseworkService;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

/**
 * Break-the-glass on a child-protection case: a case worker of another commune is refused, states a
 * reason and reads the case for the time limit (every read logged with the reason), the owner sees it in
 * the inbox and the auditor in the list; once the grant has run out the case is refused again. Without a
 * reason the form answers 400 naming the field; a role that may not break the glass gets a bare 403.
 */
@ChildGuardIntegrationTest
class CaseEmergencyAccessIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    CaseworkService service;

    @Test
    void refusedThenGlassBrokenWithReasonThenAllowedAuditedNotifiedThenExpired() throws Exception {
        CaseAccessIntegrationTests.ensureOtherCommuneWorker(jdbc, encoder);
        CaseworkApi api = new CaseworkApi(mvc);
        String owner = api.token("commune.officer");
        long id = api.openCase(owner, api.registerChild(owner));
        String reference = jdbc.queryForObject("select reference from cp_case where id = ?", String.class, id);
        String reason = "Trẻ được tìm thấy ở cửa khẩu lúc đêm, cần biết kế hoạch bảo vệ " + id;

        // refused: the form to break the glass, with 403; a role that may not gets the bare refusal
        var outsider = DemoUsers.login(mvc, "tanlap.officer");
        String refused = mvc.perform(get("/cases/" + id).session(outsider)).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("emergency-form").doesNotContain(reference);
        var bystander = DemoUsers.login(mvc, "comms.officer");
        assertThat(mvc.perform(get("/cases/" + id).session(bystander)).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString()).doesNotContain("emergency-form");
        mvc.perform(post("/cases/" + id + "/emergency-access").session(bystander).with(csrf()).param("reason", reason))
                .andExpect(status().isForbidden());
        api.call(get("/api/v1/cases/" + id), api.token("tanlap.officer"), null).andExpect(status().isForbidden());

        // no reason: 400, the error names the field
        String noReason = mvc.perform(post("/cases/" + id + "/emergency-access").session(outsider).with(csrf())
                .param("reason", "  ")).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(noReason).contains("id=\"reason-error\"").contains("Lý do truy cập khẩn cấp")
                .contains("Hãy nêu lý do truy cập khẩn cấp.");
        assertThat(grants(id)).isZero();

        // the glass broken with a reason: the case reads, on the page and the API, without changing it
        mvc.perform(post("/cases/" + id + "/emergency-access").session(outsider).with(csrf()).param("reason", reason))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/cases/" + id));
        String page = mvc.perform(get("/cases/" + id).session(outsider)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(reference).contains("id=\"emergency-access\"").contains(reason)
                .doesNotContain("id=\"next-steps\"");
        String token = api.token("tanlap.officer");
        api.call(get("/api/v1/cases/" + id), token, null).andExpect(status().isOk());
        api.call(post("/api/v1/cases/" + id + "/notes"), token, Map.of("body", "x")).andExpect(status().isForbidden());
        // reading is all: the grant does not hand the child to another module (intelligence)
        var tanlap = new CurrentUser(jdbc.queryForObject("select id from app_user where username = 'tanlap.officer'",
                Long.class), "tanlap.officer", "Cán bộ Tân Lập", 0, "UBND-25489", "", "", "25489", Set.of(Role.CASE_WORKER));
        assertThat(service.read(tanlap, id).access().emergency()).isNotNull();
        assertThat(service.childSharedWith(tanlap, id)).isEmpty();

        // audited: the grant, and every read with the reason as its purpose
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'BREAK_GLASS' and outcome = 'SUCCESS'"
                + " and actor = 'tanlap.officer' and entity_type = 'cp_case' and entity_id = ? and purpose = ?", Long.class,
                String.valueOf(id), reason)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'READ' and outcome = 'SUCCESS'"
                + " and actor = 'tanlap.officer' and entity_type = 'cp_case' and entity_id = ? and purpose = ?", Long.class,
                String.valueOf(id), reason)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'BREAK_GLASS' and outcome = 'DENIED'"
                + " and actor = 'comms.officer' and entity_id = ?", Long.class, String.valueOf(id))).isEqualTo(1);

        // the owner is told in the inbox; the auditor sees the use with its reads
        String inbox = mvc.perform(get("/cases/action-needed").session(DemoUsers.login(mvc, "commune.officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains("id=\"emergency-grants\"").contains(reference).contains("tanlap.officer").contains(reason);
        String list = mvc.perform(get("/audit/emergency-access").session(DemoUsers.login(mvc, "auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(reference).contains("tanlap.officer").contains(reason);

        // the hour has passed (the grant's end moved to the past): refused again
        jdbc.update("update emergency_access set expires_at = ? where username = 'tanlap.officer' and entity_id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), String.valueOf(id));
        assertThat(mvc.perform(get("/cases/" + id).session(outsider)).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString()).contains("emergency-form").doesNotContain(reason);
        api.call(get("/api/v1/cases/" + id), token, null).andExpect(status().isForbidden());
    }

    private long grants(long caseId) {
        return jdbc.queryForObject("select count(*) from emergency_access where entity_type = 'cp_case' and entity_id = ?",
                Long.class, String.valueOf(caseId));
    }
}
