package vn.childguard.planning;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.Chromium;
import vn.childguard.test.Journey;

/**
 * Plan 113 in a real browser: the health department reports, the police coordinator returns and then
 * accepts the report, the matrix shows it done on time, and an overdue agency is urged — by inbox and
 * by e-mail through a real SMTP server.
 */
@ChildGuardIntegrationTest
@ExtendWith(Chromium.class)
class PlanningJourneyTests {

    @org.junit.jupiter.api.extension.RegisterExtension
    static final com.icegreen.greenmail.junit5.GreenMailExtension smtp = vn.childguard.test.TestMail.server();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aHalfYearReportIsReturnedResubmittedAcceptedAndAnOverdueAgencyIsUrged() {
        long planId = jdbc.queryForObject("select id from plan where code = '113/KH-UBND'", Long.class);
        try (Journey journey = new Journey(port)) {
            Page page = journey.page;

            // the health department's reporter opens its task for the second half of 2026
            journey.signIn("health.supervisor");
            journey.open("/my/tasks");
            Locator row = page.locator("tr[data-task='II.5.a'][data-period='2026-H2']");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Báo cáo")).click();
            page.locator("#narrative").fill("Đã hỗ trợ 3 nạn nhân trở về từ châu Âu tái hòa nhập cộng đồng.");
            page.locator("#report-form input[inputmode=decimal]").first().fill("3");
            page.getByRole(AriaRole.BUTTON, named("Gửi báo cáo")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Đã gửi báo cáo");
            String report = page.url();
            journey.screenshot("planning-report-submitted");
            journey.signOut();

            // the coordinator returns it with a comment
            journey.signIn("police.coordinator");
            page.navigate(report);
            page.locator("#comment").fill("Đề nghị bổ sung số người được hỗ trợ học nghề.");
            page.getByRole(AriaRole.BUTTON, named("Trả lại báo cáo")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Đã trả lại báo cáo");
            journey.signOut();

            // the reporter reads the comment, completes and resubmits
            journey.signIn("health.supervisor");
            page.navigate(report);
            assertThat(page.locator("#review-comment")).containsText("bổ sung số người được hỗ trợ học nghề");
            page.locator("#narrative").fill("Đã hỗ trợ 3 nạn nhân tái hòa nhập; 2 người được hỗ trợ học nghề.");
            page.getByRole(AriaRole.BUTTON, named("Gửi báo cáo")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Đã gửi báo cáo");
            journey.signOut();

            // the coordinator accepts; the matrix shows the task done on time
            journey.signIn("police.coordinator");
            page.navigate(report);
            page.getByRole(AriaRole.BUTTON, named("Chấp nhận báo cáo")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Đã chấp nhận báo cáo");
            journey.open("/plans/" + planId + "/matrix?period=2026-H2");
            assertThat(page.locator("#row-SYT td[data-task='II.5.a']")).containsText("Hoàn thành đúng hạn");
            journey.screenshot("planning-matrix");

            // an agency that did not report for the first half of 2026 is overdue and gets urged
            journey.open("/plans/" + planId + "/matrix?period=2026-H1");
            Locator overdue = page.locator("#row-SGDDT td[data-task='II.4.a']");
            assertThat(overdue).containsText("Quá hạn");
            overdue.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Đôn đốc")).click();
            page.locator("#message").fill("Đề nghị Sở Giáo dục và Đào tạo gửi báo cáo 6 tháng đầu năm 2026.");
            page.getByRole(AriaRole.BUTTON, named("Gửi đôn đốc")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).isVisible();
            journey.signOut();

            // the education department's reporter gets it by e-mail
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> java.util.Arrays
                    .stream(smtp.getReceivedMessagesForDomain("education.officer@demo.childguard.vn"))
                    .anyMatch(m -> subject(m).contains("II.4.a")));

            // and finds it in the agency's inbox
            journey.signIn("education.officer");
            journey.open("/inbox");
            assertThat(page.locator("main")).containsText("gửi báo cáo 6 tháng đầu năm 2026");
            journey.screenshot("planning-inbox");
        }
    }
}
