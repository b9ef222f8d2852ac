package vn.childguard.prevention;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.childguard.prevention.PreventionApi.TODAY;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.Chromium;
import vn.childguard.test.Journey;

/**
 * Prevention in a real browser: comms.officer's campaign against Plan 113's communication task with
 * an activity typed in and two uploaded from a spreadsheet, its progress and map; the teacher's student
 * whose parents work abroad, visited at home and referred to the commune; the education department's
 * counts without names, and the department's progress report starting from the computed count.
 */
@ChildGuardIntegrationTest
@ExtendWith(Chromium.class)
class PreventionJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    static Locator.GetByRoleOptions named(String name) {
        return new Locator.GetByRoleOptions().setName(name);
    }

    @Test
    void aCampaignReachesThreeCommunesAndAStudentAtRiskIsReferredWhileTheDepartmentSeesOnlyCounts() throws Exception {
        long task = jdbc.queryForObject("select t.id from plan_task t join plan p on p.id = t.plan_id"
                + " where p.code = '113/KH-UBND' and t.code = 'II.3'", Long.class);
        String day = TODAY.toString();
        String theme = "Cảnh giác lời mời đi làm ở châu Âu " + UUID.randomUUID().toString().substring(0, 6);
        Path sheet = Files.createTempFile("activities", ".csv");
        Files.writeString(sheet, PreventionIntegrationTests.HEADER
                + day + ",25708,Trường THPT Trảng Bàng,SCHOOL_SESSION,Đoàn thanh niên,,0,0,40,35,,\n"
                + day + ",25516,,RADIO,Đài truyền thanh xã,,,,,,800,\n", StandardCharsets.UTF_8);
        try (Journey journey = new Journey(port)) {
            Page page = journey.page;
            journey.signIn("comms.officer");
            journey.open("/prevention/campaigns/new");
            page.locator("#theme").fill(theme);
            page.locator("#startsOn").fill(TODAY.minusDays(10).toString());
            page.locator("#endsOn").fill(TODAY.plusDays(80).toString());
            page.locator("#targetReach").fill("1000");
            page.locator("#aud-STUDENTS").check();
            page.locator("#aud-HOTSPOT_COMMUNITIES").check();
            page.locator("#ch-MEETING").check();
            page.locator("#ch-RADIO").check();
            page.locator("#planTaskId").selectOption(String.valueOf(task));
            page.locator("#indicatorCode").selectOption("communication_sessions");
            page.locator("#campaign-form").getByRole(AriaRole.BUTTON, named("Lưu")).click();
            assertThat(page.locator("h1")).containsText(theme);
            assertThat(page.locator("#linked-task")).containsText("II.3");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ghi nhận hoạt động")).click();
            page.locator("#heldOn").fill(day);
            page.locator("#unitCode").selectOption("25486");
            page.locator("#place").fill("Hội trường ấp Thạnh Phú");
            page.locator("#channel").selectOption("MEETING");
            page.locator("#organiser").fill("Hội Liên hiệp Phụ nữ xã");
            page.locator("#femaleAdults").fill("30");
            page.locator("#maleAdults").fill("20");
            page.locator("#activity-form").getByRole(AriaRole.BUTTON, named("Lưu")).click();
            assertThat(page.locator("#activities")).containsText("Hội Liên hiệp Phụ nữ xã");

            page.locator("#file").setInputFiles(sheet);
            page.locator("#upload-form").getByRole(AriaRole.BUTTON, named("Tải lên")).click();
            assertThat(page.locator("#activities")).containsText("Đài truyền thanh xã");
            assertThat(page.locator("#progress")).containsText("925");
            assertThat(page.locator("path[data-code='25486'][data-reached='true']")).hasCount(1);
            assertThat(page.locator("path[data-code='25708'][data-reached='true'][data-hotspot='true']")).hasCount(1);
            assertThat(page.locator("path[data-reached='true']")).hasCount(3);
            journey.screenshot("prevention-campaign");
            journey.signOut();

            String name = "Đỗ Thị Mai " + UUID.randomUUID().toString().substring(0, 4);
            journey.signIn("teacher");
            journey.open("/prevention/students");
            page.locator("#fullName").fill(name);
            page.locator("#className").fill("10A3");
            page.locator("#category").selectOption("PARENTS_ABROAD");
            page.locator("#guardianContact").fill("Bà ngoại Đỗ Thị Lan, 0912 345 678");
            page.locator("#homeUnit").fill("25486");
            page.locator("#student-form").getByRole(AriaRole.BUTTON, named("Lưu")).click();
            assertThat(page.locator("h1")).containsText(name);
            page.locator("#kind").selectOption("HOME_VISIT");
            page.locator("#doneOn").fill(day);
            page.locator("#note").fill("Cha mẹ làm việc tại Hàn Quốc; bà ngoại chăm sóc");
            page.locator("#follow-up-form").getByRole(AriaRole.BUTTON, named("Lưu")).click();
            assertThat(page.locator("#follow-ups")).containsText("Thăm gia đình");
            page.locator("#reason").fill("Em nghỉ học nhiều ngày, có người lạ hứa đưa đi làm việc ở nước ngoài");
            page.locator("#referral-form").getByRole(AriaRole.BUTTON, named("Chuyển tin báo")).click();
            assertThat(page.locator("#follow-ups")).containsText("Chuyển tin báo");
            journey.screenshot("prevention-student");
            journey.signOut();

            journey.signIn("education.officer");
            journey.open("/prevention/students/aggregates");
            assertThat(page.locator("#aggregates")).containsText("Trường THPT Tây Ninh");
            assertThat(page.content()).doesNotContain(name);
            journey.screenshot("prevention-aggregates");

            // the department's half-year report on coordination for students in special circumstances
            // starts from the count the system computed (the student followed up above)
            journey.open("/my/tasks");
            String half = TODAY.getYear() + (TODAY.getMonthValue() <= 6 ? "-H1" : "-H2");
            page.locator("tr[data-task='II.4.b'][data-period='" + half + "']")
                    .getByRole(AriaRole.BUTTON, named("Báo cáo")).click();
            assertThat(page.locator(".cg-proposed").first()).containsText("Số liệu hệ thống đề xuất");
            journey.screenshot("prevention-report-proposed");
        } finally {
            Files.deleteIfExists(sheet);
        }
    }
}
