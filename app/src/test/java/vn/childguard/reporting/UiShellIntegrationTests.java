package vn.childguard.reporting;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

@ChildGuardIntegrationTest
class UiShellIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    vn.childguard.audit.AuditLog audit;

    @Test
    void anonymousVisitorsAreSentToAVietnameseLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"vi\"")))
                .andExpect(content().string(containsString("Đăng nhập ChildGuard")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void everyDemoAccountSeesItsOwnHomePageWithItsAgencyAndRoles() throws Exception {
        for (String username : DemoUsers.ALL) {
            var session = DemoUsers.login(mvc, username);
            String fullName = jdbc.queryForObject("select full_name from app_user where username = ?", String.class,
                    username);
            String agency = jdbc.queryForObject("select a.name_vi from agency a join app_user u on u.agency_id = a.id "
                    + "where u.username = ?", String.class, username);
            mvc.perform(get("/").session(session))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Xin chào, " + fullName)))
                    .andExpect(content().string(containsString(agency)))
                    .andExpect(content().string(containsString("id=\"roles\"")));
        }
    }

    @Test
    void theAdminHomeCountsWhatExistsAndTheAuditorsShowsSecurityEvents() throws Exception {
        long units = jdbc.queryForObject("select count(*) from admin_unit", Long.class);
        mvc.perform(get("/").session(DemoUsers.login(mvc, "admin")))
                .andExpect(content().string(containsString("id=\"admin-counts\"")))
                .andExpect(content().string(containsString(String.format("%,d", units).replace(',', '.'))))
                .andExpect(content().string(not(containsString("id=\"security-events\""))));
        mvc.perform(get("/").session(DemoUsers.login(mvc, "auditor")))
                .andExpect(content().string(containsString("id=\"security-events\"")))
                .andExpect(content().string(containsString("Đăng nhập")))
                .andExpect(content().string(not(containsString("id=\"admin-counts\""))));
    }

    @Test
    void navigationShowsOnlyWhatTheRoleMayUse() throws Exception {
        mvc.perform(get("/").session(DemoUsers.login(mvc, "teacher")))
                .andExpect(content().string(not(containsString("href=\"/admin/users\""))))
                .andExpect(content().string(not(containsString("href=\"/audit\""))));
        mvc.perform(get("/").session(DemoUsers.login(mvc, "admin")))
                .andExpect(content().string(containsString("href=\"/admin/users\"")));
    }

    @Test
    void theLanguageSwitchesToEnglishAndIsRemembered() throws Exception {
        var session = DemoUsers.login(mvc, "leader");
        var switched = mvc.perform(get("/").param("lang", "en").session(session))
                .andExpect(content().string(containsString("Welcome, ")))
                .andExpect(content().string(containsString("lang=\"en\"")))
                .andReturn();
        Cookie language = switched.getResponse().getCookie("childguard-lang");
        mvc.perform(get("/").session(session).cookie(language))
                .andExpect(content().string(containsString("Welcome, ")));
    }

    @Test
    void anUnknownRecordIsNotFound() throws Exception {
        mvc.perform(get("/organisation/agencies/999999").session(DemoUsers.login(mvc, "leader")))
                .andExpect(status().isNotFound());
    }

    @Test
    void pagedTablesLinkToTheNextPageKeepingTheFilter() throws Exception {
        for (int i = 0; i < 60; i++) {
            audit.record(new vn.childguard.audit.AuditEntry("pager.test", null, "READ", "agency", String.valueOf(i),
                    null, vn.childguard.audit.AuditEntry.Outcome.SUCCESS, null, null));
        }
        mvc.perform(get("/audit?user=pager.test").session(DemoUsers.login(mvc, "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("user=pager.test&amp;page=1")));
        mvc.perform(get("/admin/units?page=1").session(DemoUsers.login(mvc, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("page=2")))
                .andExpect(content().string(containsString("sort=")));
    }

    @Test
    void theApiIsDescribedInOpenApiForAdministrators() throws Exception {
        mvc.perform(get("/v3/api-docs").session(DemoUsers.login(mvc, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/plans']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/auth/token']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/audit/verify']").exists());
        mvc.perform(get("/v3/api-docs").session(DemoUsers.login(mvc, "leader"))).andExpect(status().isForbidden());
    }

    @Test
    void pagesCarryStrictSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void healthIsPublicAndUpWhileMetricsNeedAnAdministrator() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus").session(DemoUsers.login(mvc, "leader")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").session(DemoUsers.login(mvc, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }
}
