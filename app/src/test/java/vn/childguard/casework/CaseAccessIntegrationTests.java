package vn.childguard.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

/**
 * Who may not read a case: a case worker of another commune, comms.officer and police.officer
 * without a referral get 403 on the page and the API; the refusals and the reads are in the audit
 * log, where the auditor finds who read the case.
 */
@ChildGuardIntegrationTest
class CaseAccessIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;

    /** A case worker of Tân Lập commune (UBND-25489), created once for this leg. */
    static void ensureOtherCommuneWorker(JdbcTemplate jdbc, PasswordEncoder encoder) {
        if (jdbc.queryForObject("select count(*) from app_user where username = 'tanlap.officer'", Long.class) > 0) {
            return;
        }
        long agency = jdbc.queryForObject("select id from agency where code = 'UBND-25489'", Long.class);
        jdbc.update("insert into app_user (username, password_hash, full_name, email, agency_id, enabled, "
                + "password_changed_at, created_at, failed_logins, version) values ('tanlap.officer', ?, "
                + "'Cán bộ Tân Lập', 'tanlap.officer@example.invalid', ?, true, current_timestamp, current_timestamp, 0, 0)",
                encoder.encode(DemoUsers.PASSWORD), agency);
        long user = jdbc.queryForObject("select id from app_user where username = 'tanlap.officer'", Long.class);
        jdbc.update("insert into user_role (user_id, role) values (?, 'CASE_WORKER')", user);
    }

    @Test
    void outsidersGetForbiddenOnPageAndApiAndTheAuditorSeesWhoReadTheCase() throws Exception {
        ensureOtherCommuneWorker(jdbc, encoder);
        CaseworkApi api = new CaseworkApi(mvc);
        String officer = api.token("commune.officer");
        long id = api.openCase(officer, api.registerChild(officer));

        var ownerSession = DemoUsers.login(mvc, "commune.officer");
        mvc.perform(get("/cases/" + id).session(ownerSession)).andExpect(status().isOk());
        mvc.perform(get("/cases/" + id).session(DemoUsers.login(mvc, "commune.chair"))).andExpect(status().isOk());

        for (String outsider : List.of("tanlap.officer", "comms.officer", "police.officer")) {
            var session = DemoUsers.login(mvc, outsider);
            mvc.perform(get("/cases/" + id).session(session)).andExpect(status().isForbidden());
            api.call(get("/api/v1/cases/" + id), api.token(outsider), null).andExpect(status().isForbidden());
        }
        // every refusal is decided by the case policy and audited
        List<String> denied = jdbc.queryForList("select actor from audit_event where entity_type = 'cp_case' "
                + "and entity_id = ? and outcome = 'DENIED'", String.class, String.valueOf(id));
        assertThat(denied).contains("tanlap.officer", "police.officer", "comms.officer");

        // the auditor filters the log by the case and sees who read it
        var auditor = DemoUsers.login(mvc, "auditor");
        String page = mvc.perform(get("/audit?entityType=cp_case&entityId=" + id).session(auditor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("commune.officer").contains("commune.chair").contains("tanlap.officer")
                .contains("police.officer").contains("comms.officer");
        // the case list shows nothing of it to the other commune
        String list = mvc.perform(get("/cases").session(DemoUsers.login(mvc, "tanlap.officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(jdbc.queryForObject("select reference from cp_case where id = ?", String.class, id));
    }
}
