package vn.childguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;
import vn.childguard.test.RoleAccess;

@ChildGuardIntegrationTest
class AuditLogPageIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditLog audit;

    @Test
    void onlyAuditorsMayOpenTheLog() throws Exception {
        RoleAccess.assertOnlyAllowed(mvc, "/audit", Set.of("auditor"));
    }

    @Test
    void filterFindsALoginByUserAndActionAndKeepsTheValues() throws Exception {
        var auditor = DemoUsers.login(mvc, "auditor");
        DemoUsers.login(mvc, "teacher");

        String html = mvc.perform(get("/audit").param("user", "teacher").param("action", "LOGIN").session(auditor))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"audit-table\"", "<td>teacher</td>", "<td>Đăng nhập</td>")
                .doesNotContain("<td>auditor</td>", "<td>Đăng xuất</td>")
                .contains("value=\"teacher\"")
                .contains("href=\"/audit/export.csv?user=teacher&amp;action=LOGIN\"")
                .containsPattern("<option value=\"LOGIN\"\\s+selected=\"selected\"");
    }

    @Test
    void badDateComesBackWithItsValueAMessageNextToTheFieldAndASummary() throws Exception {
        var auditor = DemoUsers.login(mvc, "auditor");

        String html = mvc.perform(get("/audit").param("from", "31/02/2026").param("to", "01/03/2026").session(auditor))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("cg-error-summary", "href=\"#from\"", "id=\"from-error\"",
                "Nhập ngày hợp lệ theo dạng ngày/tháng/năm", "value=\"31/02/2026\"", "value=\"01/03/2026\"")
                .doesNotContain("id=\"audit-table\"", "id=\"to-error\"");
    }

    @Test
    void datesInVietnameseOrIsoFormFilterByVietnamDay() throws Exception {
        var auditor = DemoUsers.login(mvc, "auditor");
        String html = mvc.perform(get("/audit").param("from", "01/01/2020").param("to", "2020-01-02").session(auditor))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"audit-results\"").doesNotContain("cg-error-summary", "id=\"audit-table\"");
    }

    @Test
    void htmxRequestGetsOnlyTheSearchFragment() throws Exception {
        var auditor = DemoUsers.login(mvc, "auditor");
        String html = mvc.perform(get("/audit").header("HX-Request", "true").session(auditor))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"audit-search\"", "id=\"audit-table\"").doesNotContain("<html", "<footer");
    }

    @Test
    void csvExportHasBomHeaderAndRowsNeutralisesFormulasAndIsItselfAudited() throws Exception {
        audit.record(new AuditEntry("csv.tester", "SYT", AuditLog.Actions.READ, "agency", "12",
                "=cmd|' /C calc'!A0", AuditEntry.Outcome.SUCCESS, "10.0.0.9", "Hồ sơ, \"trích\""));
        var auditor = DemoUsers.login(mvc, "auditor");

        var response = mvc.perform(get("/audit/export.csv").param("user", "csv.tester").session(auditor))
                .andExpect(status().isOk())
                .andReturn().getResponse();

        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;").contains(".csv");
        byte[] bytes = response.getContentAsByteArray();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("id,occurred_at,actor,agency_code,action,entity_type,entity_id,purpose,"
                + "outcome,client_address,details,prev_hash,hash");
        assertThat(lines.get(1)).contains(",csv.tester,SYT,READ,agency,12,'=cmd|' /C calc'!A0,SUCCESS,10.0.0.9,"
                + "\"Hồ sơ, \"\"trích\"\"\",").containsPattern("\\+07:00");

        AuditEvent exported = audit.latest(List.of(AuditLog.Actions.EXPORT), 1).getFirst();
        assertThat(exported.actor()).isEqualTo("auditor");
        assertThat(exported.entityType()).isEqualTo("audit_event");
        assertThat(exported.details()).contains("actor=csv.tester", "rows=1").doesNotContain("cmd", "Hồ sơ");
    }

    @Test
    void exportWithABadDateIsRefusedWithTheFormNotAFile() throws Exception {
        var auditor = DemoUsers.login(mvc, "auditor");
        String html = mvc.perform(get("/audit/export.csv").param("to", "yesterday").session(auditor))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("cg-error-summary", "id=\"to-error\"");
    }

    @Test
    void verifyButtonShowsTheResultAndIsAudited() throws Exception {
        var auditor = DemoUsers.login(mvc, "auditor");
        int before = audit.latest(List.of(AuditLog.Actions.VERIFY), 1_000).size();

        var result = mvc.perform(post("/audit/verify").with(csrf()).session(auditor))
                .andExpect(redirectedUrl("/audit"))
                .andExpect(flash().attribute("verifyOk", true))
                .andReturn();
        String html = mvc.perform(get("/audit").session(auditor).flashAttrs(result.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"verify-result\"", "Nhật ký toàn vẹn");
        assertThat(audit.latest(List.of(AuditLog.Actions.VERIFY), 1_000)).hasSize(before + 1);
        mvc.perform(post("/audit/verify").session(auditor)).andExpect(status().isForbidden());
    }

    @Test
    void pageIsInEnglishOnRequest() throws Exception {
        var auditor = DemoUsers.login(mvc, "auditor");
        String html = mvc.perform(get("/audit").param("lang", "en").session(auditor))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Verify integrity", "Export CSV", "All actions");
    }
}
