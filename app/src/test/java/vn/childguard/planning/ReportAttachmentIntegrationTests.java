package vn.childguard.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

@ChildGuardIntegrationTest
class ReportAttachmentIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAttachmentIsCheckedEncryptedAtRestAndReadOnlyByThoseWhoMayReadTheReport() throws Exception {
        long task = jdbc.queryForObject("select t.id from plan_task t join plan p on p.id = t.plan_id "
                + "where p.code = '113/KH-UBND' and t.code = 'II.5.b'", Long.class);
        var reporter = DemoUsers.login(mvc, "health.supervisor");
        String location = mvc.perform(post("/reports/open").param("task", String.valueOf(task)).param("period", "2025")
                        .session(reporter).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        String report = location.substring(location.lastIndexOf('/') + 1);
        byte[] pdf = "%PDF-1.4 biên bản buổi tư vấn".getBytes(StandardCharsets.UTF_8);

        mvc.perform(multipart("/reports/{id}/attachments", report)
                        .file(new MockMultipartFile("file", "biên bản tư vấn.pdf", "application/pdf", pdf))
                        .session(reporter).with(csrf()))
                .andExpect(flash().attribute("flash", "planning.attachment.saved"));
        byte[] stored = jdbc.queryForObject("select content from report_attachment where report_id = ?", byte[].class,
                Long.parseLong(report));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        long attachment = jdbc.queryForObject("select id from report_attachment where report_id = ?", Long.class,
                Long.parseLong(report));

        mvc.perform(get("/reports/{id}", report).session(reporter))
                .andExpect(content().string(containsString("biên bản tư vấn.pdf")));
        mvc.perform(get("/reports/{id}/attachments/{a}", report, attachment).session(reporter))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes(pdf));

        mvc.perform(multipart("/reports/{id}/attachments", report)
                        .file(new MockMultipartFile("file", "bao-cao.pdf", "application/pdf", "MZ\u0090 not a pdf".getBytes(
                                StandardCharsets.ISO_8859_1)))
                        .session(reporter).with(csrf()))
                .andExpect(flash().attribute("attachmentError", "planning.attachment.error.type"));
        assertThat(jdbc.queryForObject("select count(*) from report_attachment where report_id = ?", Long.class,
                Long.parseLong(report))).isEqualTo(1);

        mvc.perform(get("/reports/{id}/attachments/{a}", report, attachment)
                        .session(DemoUsers.login(mvc, "education.officer")))
                .andExpect(status().isForbidden());
    }
}
