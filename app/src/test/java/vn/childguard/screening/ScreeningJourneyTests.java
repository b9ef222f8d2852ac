package vn.childguard.screening;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.screening.internal.ExitDayGenerator;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.Chromium;
import vn.childguard.test.Journey;

/**
 * In Chromium: exit.officer uploads a sample day of Tây Ninh exits and watches the progress; alerts
 * appear for the 15-year-old to Moscow with an unrelated adult, for the watchlisted broker written
 * without diacritics, and for the adult with three different minors in a month; the officer refers
 * a namesake of the broker with a reason (a watchlist match: proposed, awaiting a second officer); the
 * police officer, who also works cases, escalates the child's alert to a child-protection case (the
 * referral's intake report, the child registered, the case opened from the report, linked to the alert).
 */
@ChildGuardIntegrationTest
@ExtendWith(Chromium.class)
class ScreeningJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theExitOfficerUploadsADayOfExitsReviewsTheAlertsDismissesANamesakeAndThePoliceOpenTheChildsCase() throws Exception {
        String prefix = "J" + UUID.randomUUID().toString().substring(0, 8);
        StringWriter day = new StringWriter();
        ExitDayGenerator.write(day, LocalDate.of(2026, 11, 28), 300, 11, prefix);
        // a namesake of the broker: same name and birth date as the watchlist entry, crossing on a border pass (no passport number)
        String csv = day + prefix + "-NS,Nguyễn Văn Hưng,1978-05-12,M,,VN,2026-11-28,EXIT,MOC_BAI,KH,,"
                + prefix + "NS,TOURISM,,\n";
        Path file = Files.createDirectories(Path.of("target/journey")).resolve("xuat-canh-tay-ninh-" + prefix + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        try (Journey journey = new Journey(port)) {
            Page page = journey.page;
            journey.signIn("exit.officer");
            journey.open("/screening/batches");
            page.getByLabel("Tệp").setInputFiles(file);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tải lên và sàng lọc")).click();

            // the progress page follows the batch to the end
            assertThat(page.locator("#cg-batch-status")).hasText("DONE", new LocatorAssertions.HasTextOptions().setTimeout(180_000));
            String total = page.locator("#cg-batch-total").textContent();
            assertThat(page.locator("#cg-batch-processed")).hasText(total);
            assertThat(page.locator("#cg-batch-bar")).hasClass(java.util.regex.Pattern.compile(".*cg-progress-100.*"));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cảnh báo của lô này")).click();
            String girl = reference(prefix + "-1");
            String broker = reference(prefix + "-3");
            String threeMinors = reference(prefix + "-8");
            String namesake = reference(prefix + "-NS");
            for (String ref : new String[]{girl, broker, threeMinors, namesake}) {
                assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(ref).setExact(true))).isVisible();
            }

            // the broker: NGUYEN VAN HUNG on the passport, Nguyễn Văn Hùng on the watchlist
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(broker).setExact(true)).click();
            assertThat(page.locator("main")).containsText("NGUYEN VAN HUNG");
            assertThat(page.locator(".cg-rule-fired").first()).containsText("danh sách theo dõi");
            page.goBack();

            // the adult with three different minors within a month
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(threeMinors).setExact(true)).click();
            assertThat(page.locator("main")).containsText("Phạm Văn Long");
            page.goBack();

            // the namesake: a watchlist match, dismissed with a reason (four-eyes: a second officer confirms)
            journey.open("/screening?status=&batch=" + batchOf(prefix + "-NS"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(namesake).setExact(true)).click();
            assertThat(page.locator("main")).containsText("Nguyễn Văn Hưng");
            page.getByLabel("Lý do bỏ qua").fill("Đã kiểm tra giấy thông hành và nơi cư trú: người trùng tên, không phải đối tượng theo dõi");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bỏ qua").setExact(true)).click();
            assertThat(page.locator("#cg-alert-status")).hasText("Đề nghị bỏ qua, chờ cán bộ thứ hai");
            journey.screenshot("screening-dismissal-proposed");

            // the 15-year-old girl to Moscow on a tourist visa with an unrelated adult: the police officer (who also
            // works cases) refers her and opens her child-protection case in one step, owned by her commune's committee
            journey.signOut();
            journey.signIn("police.officer");
            journey.open("/screening?status=&batch=" + batchOf(prefix + "-1"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(girl).setExact(true)).click();
            assertThat(page.locator("main")).containsText("Trần Thị Mai");
            assertThat(page.locator("main")).containsText("Lê Văn Tâm");
            page.getByLabel("Xã, phường nơi trẻ cư trú").selectOption("25486");
            page.getByLabel("Ghi chú cho tin báo (không bắt buộc)").fill("Đi cùng người không phải cha mẹ, không có giấy ủy quyền");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chuyển tin báo và mở hồ sơ bảo vệ trẻ em")).click();
            assertThat(page.locator("#cg-alert-status")).hasText("Đã chuyển tiếp nhận tin báo về trẻ em");
            assertThat(page.locator("main")).containsText("Tin báo số");
            assertThat(page.locator("#cg-alert-case")).containsText("BVTE-");
            journey.screenshot("screening-case-opened");
            // the case page, from the alert: the officer leads the case team
            page.locator("#cg-alert-case a").click();
            assertThat(page.locator("main")).containsText("Trần Thị Mai");
        }
        // the case is the alert's: opened from the alert's report, for the registered child, owned by the commune's committee
        var link = jdbc.queryForMap("select a.intake_id, a.case_id, i.channel, i.case_id as report_case, c.intake_id as case_intake,"
                + " c.owning_agency_code, c.unit_code from screening_alert a join intake_report i on i.id = a.intake_id"
                + " join cp_case c on c.id = a.case_id where a.record_id = ?", prefix + "-1");
        org.assertj.core.api.Assertions.assertThat(link.get("channel")).isEqualTo("POLICE");
        org.assertj.core.api.Assertions.assertThat(((Number) link.get("report_case")).longValue())
                .isEqualTo(((Number) link.get("case_id")).longValue());
        org.assertj.core.api.Assertions.assertThat(((Number) link.get("case_intake")).longValue())
                .isEqualTo(((Number) link.get("intake_id")).longValue());
        org.assertj.core.api.Assertions.assertThat(link.get("owning_agency_code")).isEqualTo("UBND-25486");
        org.assertj.core.api.Assertions.assertThat(link.get("unit_code")).isEqualTo("25486");
    }

    private String reference(String recordId) {
        return jdbc.queryForObject("select reference from screening_alert where record_id = ?", String.class, recordId);
    }

    private long batchOf(String recordId) {
        return jdbc.queryForObject("select batch_id from screening_record where record_id = ?", Long.class, recordId);
    }
}
