package vn.childguard.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.internal.AgencyAdministration;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;
import vn.childguard.test.RoleAccess;

@ChildGuardIntegrationTest
class OrganisationAdministrationIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    AgencyAdministration agencies;

    long id(String table, String column, String value) {
        return jdbc.queryForObject("select id from " + table + " where " + column + " = ?", Long.class, value);
    }

    /** The page as a reader sees it: Thymeleaf writes accented letters in attributes as entities. */
    static String text(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return HtmlUtils.htmlUnescape(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    List<AuditEntry.Outcome> audited(String entityType, long id, String action) {
        return audit.search(new AuditLog.Filter("admin", entityType, String.valueOf(id), action, null, null),
                PageRequest.of(0, 10)).getContent().stream().map(e -> e.outcome()).toList();
    }

    @Test
    void onlyAdministratorsOpenTheAdminPages() throws Exception {
        // other test classes lock demo accounts on purpose (five bad passwords); lift that through the admin page
        MockHttpSession admin = DemoUsers.login(mvc, "admin");
        jdbc.update("update app_user set failed_logins = 4 where username = 'leader'");
        for (String username : DemoUsers.ALL) {
            mvc.perform(post("/admin/users/{id}/unlock", id("app_user", "username", username)).session(admin)
                    .with(csrf())).andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.queryForList("select username from app_user where locked_until is not null "
                + "or failed_logins > 0", String.class)).doesNotContainAnyElementsOf(DemoUsers.ALL);
        for (String url : List.of("/admin/agencies", "/admin/users", "/admin/reference?list=country", "/admin/units")) {
            RoleAccess.assertOnlyAllowed(mvc, url, Set.of("admin"));
        }
    }

    @Test
    void everyAdminFormAndDetailPageRenders() throws Exception {
        MockHttpSession session = DemoUsers.login(mvc, "admin");
        long item = jdbc.queryForObject("select id from reference_item where list_code = 'country' and code = 'VN'",
                Long.class);
        for (String url : List.of("/admin/agencies/new", "/admin/agencies/" + id("agency", "code", "UBND-25486"),
                "/admin/users/new", "/admin/users/" + id("app_user", "username", "teacher"), "/admin/reference",
                "/admin/reference/border_gate/new", "/admin/reference/items/" + item,
                "/admin/agencies?sort=nameVi,desc&page=1", "/admin/units?level=commune&parent=80&page=2",
                "/admin/users?role=CASE_WORKER&lang=en")) {
            mvc.perform(get(url).session(session)).andExpect(status().isOk());
        }
        mvc.perform(get("/admin/reference/no_such_list/new").session(session)).andExpect(status().isNotFound());
    }

    @Test
    void anAdministratorCreatesEditsAndDisablesAnAgency() throws Exception {
        MockHttpSession session = DemoUsers.login(mvc, "admin");
        long parent = id("agency", "code", "UBND-TINH");

        mvc.perform(post("/admin/agencies").session(session).with(csrf())
                        .param("code", "TEST-AGENCY-1").param("nameVi", "Trung tâm Công tác xã hội thử nghiệm")
                        .param("nameEn", "Test social work centre").param("kind", "HEALTH_SOCIAL")
                        .param("parentId", String.valueOf(parent)).param("areaCode", "25486")
                        .param("validFrom", "2025-07-01"))
                .andExpect(status().is3xxRedirection());
        long agency = id("agency", "code", "TEST-AGENCY-1");
        assertThat(jdbc.queryForMap("select name_vi, parent_id, area_code, version from agency where id = ?", agency))
                .containsEntry("name_vi", "Trung tâm Công tác xã hội thử nghiệm").containsEntry("area_code", "25486")
                .containsEntry("parent_id", parent);

        long version = jdbc.queryForObject("select version from agency where id = ?", Long.class, agency);
        mvc.perform(post("/admin/agencies/{id}", agency).session(session).with(csrf())
                        .param("nameVi", "Trung tâm Công tác xã hội tỉnh").param("nameEn", "Provincial social work centre")
                        .param("kind", "HEALTH_SOCIAL").param("parentId", String.valueOf(parent))
                        .param("areaCode", "80").param("validFrom", "2025-07-01")
                        .param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/admin/agencies/" + agency));
        assertThat(jdbc.queryForObject("select area_code from agency where id = ?", String.class, agency)).isEqualTo("80");

        // a second edit from the page opened before the first save is refused and keeps what was typed
        assertThat(text(mvc.perform(post("/admin/agencies/{id}", agency).session(session).with(csrf())
                        .param("nameVi", "Tên gõ trên trang cũ").param("nameEn", "Typed on the old page")
                        .param("kind", "HEALTH_SOCIAL").param("areaCode", "80").param("validFrom", "2025-07-01")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isOk())))
                .contains("Người khác đã lưu thay đổi", "value=\"Tên gõ trên trang cũ\"");
        assertThat(jdbc.queryForObject("select name_vi from agency where id = ?", String.class, agency))
                .isEqualTo("Trung tâm Công tác xã hội tỉnh");

        mvc.perform(post("/admin/agencies/{id}/disable", agency).session(session).with(csrf()))
                .andExpect(redirectedUrl("/admin/agencies/" + agency));
        assertThat(jdbc.queryForObject("select valid_to from agency where id = ?", LocalDate.class, agency))
                .isNotNull().isBeforeOrEqualTo(LocalDate.now());
        assertThat(jdbc.queryForObject("select count(*) from agency where id = ?", Integer.class, agency)).isOne();

        assertThat(audited("agency", agency, AuditLog.Actions.CREATE)).containsExactly(AuditEntry.Outcome.SUCCESS);
        assertThat(audited("agency", agency, AuditLog.Actions.UPDATE)).containsExactly(AuditEntry.Outcome.SUCCESS);
        assertThat(audited("agency", agency, AuditLog.Actions.DISABLE)).containsExactly(AuditEntry.Outcome.SUCCESS);
        assertThat(jdbc.queryForObject("select count(*) from agency_aud where id = ?", Integer.class, agency))
                .as("Envers history").isEqualTo(3);
    }

    @Test
    void theServiceRefusesANonAdministratorAndTheRefusalSurvivesInTheAuditLog() {
        long agency = id("agency", "code", "UBND-25480");
        var before = jdbc.queryForMap("select valid_to, version from agency where id = ?", agency);
        var officer = new CurrentUser(0, "commune.officer", "-", 0, "UBND-25486", "-", "-", "25486",
                Set.of(Role.CASE_WORKER));

        assertThatThrownBy(() -> agencies.disable(officer, agency))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        assertThat(jdbc.queryForMap("select valid_to, version from agency where id = ?", agency)).isEqualTo(before);
        assertThat(audit.search(new AuditLog.Filter(null, "agency", String.valueOf(agency), AuditLog.Actions.DISABLE,
                null, null), PageRequest.of(0, 5)).getContent()).extracting(e -> e.outcome())
                .containsExactly(AuditEntry.Outcome.DENIED);
    }

    @Test
    void anAgencyInAnUnknownAreaIsRefusedNextToTheField() throws Exception {
        MockHttpSession session = DemoUsers.login(mvc, "admin");
        assertThat(text(mvc.perform(post("/admin/agencies").session(session).with(csrf())
                        .param("code", "TEST-AGENCY-2").param("nameVi", "Đồn Biên phòng thử").param("nameEn", "Test post")
                        .param("kind", "BORDER_GUARD").param("areaCode", "99999").param("validFrom", "2025-07-01"))
                .andExpect(status().isOk())))
                .contains("id=\"areaCode-error\"", "Không có đơn vị hành chính với mã này.", "href=\"#areaCode\"",
                        "value=\"Đồn Biên phòng thử\"", "value=\"99999\"", "<option value=\"BORDER_GUARD\" selected");
        assertThat(jdbc.queryForObject("select count(*) from agency where code = 'TEST-AGENCY-2'", Integer.class))
                .isZero();
    }

    @Test
    void anAdministratorCreatesAUserWhoCanSignInAndIsRefusedOnceDisabled() throws Exception {
        MockHttpSession session = DemoUsers.login(mvc, "admin");
        long agency = id("agency", "code", "UBND-25486");
        String password = "Tan-Bien-Xa-2026";

        mvc.perform(post("/admin/users").session(session).with(csrf())
                        .param("username", "test.officer").param("fullName", "Trịnh Thị Thu Hà")
                        .param("email", "test.officer@example.vn").param("agencyId", String.valueOf(agency))
                        .param("jurisdictionCode", "25486").param("roles", "PLAN_REPORTER", "PREVENTION_OFFICER")
                        .param("password", password))
                .andExpect(status().is3xxRedirection());
        long user = id("app_user", "username", "test.officer");
        assertThat(jdbc.queryForList("select role from user_role where user_id = ? order by role", String.class, user))
                .containsExactly("PLAN_REPORTER", "PREVENTION_OFFICER");
        assertThat(jdbc.queryForObject("select password_hash from app_user where id = ?", String.class, user))
                .doesNotContain(password).startsWith("{bcrypt}");

        mvc.perform(formLogin("/login").user("test.officer").password(password)).andExpect(redirectedUrl("/"));

        long version = jdbc.queryForObject("select version from app_user where id = ?", Long.class, user);
        mvc.perform(post("/admin/users/{id}", user).session(session).with(csrf())
                        .param("fullName", "Trịnh Thị Thu Hà").param("agencyId", String.valueOf(agency))
                        .param("roles", "PLAN_REPORTER").param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/admin/users/" + user));
        assertThat(jdbc.queryForList("select role from user_role where user_id = ?", String.class, user))
                .containsExactly("PLAN_REPORTER");
        assertThat(jdbc.queryForObject("select jurisdiction_code from app_user where id = ?", String.class, user))
                .isNull();

        mvc.perform(post("/admin/users/{id}/enabled", user).param("enabled", "false").session(session).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + user));
        mvc.perform(formLogin("/login").user("test.officer").password(password))
                .andExpect(redirectedUrl("/login?error"));

        assertThat(audited("user", user, AuditLog.Actions.CREATE)).containsExactly(AuditEntry.Outcome.SUCCESS);
        assertThat(audited("user", user, AuditLog.Actions.UPDATE)).containsExactly(AuditEntry.Outcome.SUCCESS);
        assertThat(audited("user", user, AuditLog.Actions.DISABLE)).containsExactly(AuditEntry.Outcome.SUCCESS);
    }

    @Test
    void anInvalidUserFormKeepsWhatWasTypedAndExplainsEachFieldInTheReadersLanguage() throws Exception {
        MockHttpSession session = DemoUsers.login(mvc, "admin");
        long agency = id("agency", "code", "SYT");
        assertThat(text(mvc.perform(post("/admin/users").session(session).with(csrf())
                        .param("username", "weak.user").param("fullName", "Phan Văn Đức")
                        .param("agencyId", String.valueOf(agency)).param("roles", "CASE_WORKER")
                        .param("password", "weak.user1"))
                .andExpect(status().isOk())))
                .contains("value=\"Phan Văn Đức\"", "value=\"weak.user\"", "id=\"password-error\"",
                        "Mật khẩu quá ngắn.", "Mật khẩu không được chứa tên đăng nhập.", "href=\"#password\"")
                .containsPattern("value=\"CASE_WORKER\"[^>]*checked")
                .doesNotContain("value=\"weak.user1\"");
        assertThat(text(mvc.perform(post("/admin/users").param("lang", "en").session(session).with(csrf())
                        .param("username", "weak.user").param("fullName", "")
                        .param("agencyId", String.valueOf(agency)).param("roles", "CASE_WORKER")
                        .param("password", "weak.user1"))
                .andExpect(status().isOk())))
                .contains("id=\"fullName-error\"", "This field is required.", "href=\"#fullName\"",
                        "The password is too short.");
        assertThat(jdbc.queryForObject("select count(*) from app_user where username = 'weak.user'", Integer.class))
                .isZero();
    }

    @Test
    void aValueThatIsNotANumberOrARoleIsExplainedAndEverythingTypedStaysOnTheForm() throws Exception {
        MockHttpSession session = DemoUsers.login(mvc, "admin");
        assertThat(text(mvc.perform(post("/admin/users").session(session).with(csrf())
                        .param("username", "typed.user").param("fullName", "Phan Văn Đức")
                        .param("email", "duc@example.vn").param("agencyId", "abc").param("roles", "NOT_A_ROLE")
                        .param("password", "short"))
                .andExpect(status().isOk())))
                .contains("value=\"Phan Văn Đức\"", "value=\"typed.user\"", "value=\"duc@example.vn\"",
                        "id=\"agencyId-error\"", "id=\"roles-error\"", "id=\"password-error\"");
        long agency = id("agency", "code", "SYT");
        assertThat(text(mvc.perform(post("/admin/agencies").session(session).with(csrf())
                        .param("code", "TYPED-X").param("nameVi", "Cơ quan thử").param("nameEn", "Test agency")
                        .param("kind", "NOT_A_KIND").param("parentId", "x" + agency).param("areaCode", "72"))
                .andExpect(status().isOk())))
                .contains("value=\"Cơ quan thử\"", "value=\"TYPED-X\"", "id=\"kind-error\"");
        assertThat(jdbc.queryForObject("select count(*) from app_user where username = 'typed.user'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from agency where code = 'TYPED-X'", Integer.class)).isZero();
    }

    @Test
    void searchesIgnoreDiacritics() throws Exception {
        MockHttpSession session = DemoUsers.login(mvc, "admin");
        mvc.perform(get("/admin/agencies").param("q", "uy ban tan bien").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Ủy ban nhân dân xã Tân Biên"),
                        not(containsString(">UBND-TINH<")))));
        mvc.perform(get("/admin/users").param("q", "tran quoc bao").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">admin<"), not(containsString(">police.officer<")))));
        mvc.perform(get("/admin/units").param("q", "tan bien").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("25486")));
        mvc.perform(get("/admin/reference").param("list", "country").param("q", "viet nam").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("VN")));
    }

    @Test
    void anAdministratorAddsAndDisablesAListItem() throws Exception {
        MockHttpSession session = DemoUsers.login(mvc, "admin");
        mvc.perform(post("/admin/reference/{list}", "support_service").session(session).with(csrf())
                        .param("code", "TEST-SERVICE").param("nameVi", "Hỗ trợ pháp lý lưu động")
                        .param("nameEn", "Mobile legal aid"))
                .andExpect(status().is3xxRedirection());
        long item = jdbc.queryForObject("select id from reference_item where list_code = 'support_service' "
                + "and code = 'TEST-SERVICE'", Long.class);
        mvc.perform(post("/admin/reference/items/{id}/enabled", item).param("enabled", "false").session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/reference/items/" + item));
        assertThat(jdbc.queryForObject("select enabled from reference_item where id = ?", Boolean.class, item)).isFalse();
        assertThat(audited("reference_item", item, AuditLog.Actions.CREATE)).containsExactly(AuditEntry.Outcome.SUCCESS);
        assertThat(audited("reference_item", item, AuditLog.Actions.DISABLE)).containsExactly(AuditEntry.Outcome.SUCCESS);
    }
}
