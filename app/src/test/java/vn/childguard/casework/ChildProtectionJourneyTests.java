package vn.childguard.casework;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.Chromium;
import vn.childguard.test.Journey;

/**
 * Issue 5's journey in a real browser, through the pages only: the hotline takes a call about a
 * 15-year-old girl a broker is about to send abroad, finds her in the register although she was
 * written without diacritics, and the report reaches Tân Biên commune; the commune officer opens a
 * case, assesses a serious risk (the 12-hour clock runs), decides the emergency measure, assesses the
 * needs and submits a plan; the chairman approves; with the consent of the child and of her mother the officer refers her to
 * her school, the teacher accepts and reports back; the case is reviewed and closed.
 */
@ChildGuardIntegrationTest
@ExtendWith(Chromium.class)
class ChildProtectionJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    static Locator.GetByRoleOptions within(String name) {
        return new Locator.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void aHotlineCallAboutAChildBeingSentAbroadBecomesACaseThatIsPlannedApprovedReferredReviewedAndClosed() {
        try (Journey journey = new Journey(port)) {
            Page page = journey.page;

            // 1. the hotline operator takes the call and looks the child up before registering her
            journey.signIn("hotline.operator");
            journey.open("/intakes/new");
            page.getByLabel("Họ tên người báo tin").fill("Lê Thị Hoa");
            page.getByLabel("Số điện thoại liên hệ").fill("0912 345 678");
            page.getByLabel("Xã, phường nơi xảy ra").selectOption("25486");
            page.getByLabel("Địa điểm cụ thể").fill("Ấp Thạnh Phú, gần chợ Tân Biên");
            page.getByLabel("Nội dung sự việc").fill("Người gọi là hàng xóm: một người môi giới đã hứa việc làm ở nước"
                    + " ngoài cho em gái 15 tuổi, đã làm hộ chiếu và hẹn đưa em đi trong tuần này.");
            page.getByRole(AriaRole.RADIO, named("Khẩn cấp")).check();
            Locator childBlock = page.getByRole(AriaRole.GROUP, named("Trẻ em"));
            childBlock.getByLabel("Họ và tên").fill("Nguyễn Thị Ánh");
            childBlock.getByLabel("Tuổi", new Locator.GetByLabelOptions().setExact(true)).fill("15");
            childBlock.getByLabel("Giới tính").selectOption("F");
            childBlock.getByRole(AriaRole.BUTTON, within("Tìm trong sổ")).click();

            // search before create: she is registered without diacritics, with the reasons shown
            childBlock = page.getByRole(AriaRole.GROUP, named("Trẻ em"));
            Locator match = childBlock.locator("label", new Locator.LocatorOptions().setHasText("NGUYEN THI ANH"));
            journey.screenshot("journey-1-search-before-create");
            assertThat(match).hasCount(1);
            assertThat(match).containsText("sinh năm 2011");
            assertThat(match).containsText("Nữ");
            assertThat(match).containsText("Tân Biên");
            assertThat(match).containsText("Họ tên: khớp 3/3 từ");
            assertThat(match).containsText("Cùng năm sinh");
            match.click();
            assertThat(page.getByLabel("Nội dung sự việc")).hasValue(Pattern.compile("người môi giới"));
            page.getByRole(AriaRole.BUTTON, named("Lưu và chuyển")).click();

            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Đã ghi nhận tin báo");
            assertThat(page.locator("main")).containsText("NGUYEN THI ANH");
            assertThat(page.locator("main")).containsText("Tân Biên");
            long intake = Long.parseLong(page.url().replaceAll(".*/intakes/(\\d+).*", "$1"));
            long child = jdbc.queryForObject("select person_id from intake_person where intake_id = ? and part = 'CHILD'",
                    Long.class, intake);
            assertThat(jdbc.queryForObject("select birth_date || ' ' || unit_code from person where id = ?", String.class,
                    child)).isEqualTo("2011-03-14 25486");
            assertThat(jdbc.queryForObject("select routed_agency_code from intake_report where id = ?", String.class,
                    intake)).isEqualTo("UBND-25486");
            journey.screenshot("journey-1-report-routed");
            journey.signOut();

            // 2. the commune officer finds the report waiting for a case and opens one
            journey.signIn("commune.officer");
            journey.open("/cases/action-needed");
            Locator report = page.locator("#intake-" + intake);
            assertThat(report).containsText("Khẩn cấp");
            report.getByRole(AriaRole.BUTTON, within("Mở hồ sơ")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Đã mở hồ sơ");
            assertThat(page.locator("#case-facts")).containsText("NGUYEN THI ANH");
            String caseUrl = page.url();
            long caseId = Long.parseLong(caseUrl.replaceAll(".*/cases/(\\d+).*", "$1"));
            assertThat(jdbc.queryForObject("select child_person_id from cp_case where id = ?", Long.class, caseId))
                    .isEqualTo(child);

            // initial assessment (Form 02): serious risk, the 12-hour clock shows
            step(page, "Đánh giá ban đầu (Mẫu 02)");
            Locator form = stepForm(page, "INITIAL_ASSESSMENT");
            form.getByLabel("Tóm tắt tình hình").fill("Em Ánh, 15 tuổi, đã được môi giới làm hộ chiếu và hẹn đưa"
                    + " sang nước ngoài làm việc; gia đình không biết rõ nơi đến. Nguy cơ bị mua bán.");
            form.getByLabel("Mức độ nguy cơ").selectOption("SERIOUS");
            form.getByLabel("Cần can thiệp khẩn cấp").check();
            form.getByRole(AriaRole.BUTTON, within("Lưu")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Đã lưu");
            assertThat(page.locator("#case-status")).hasText("Đã đánh giá ban đầu");
            Locator emergency = page.locator("#deadlines tr", new Page.LocatorOptions().setHasText("khẩn cấp"));
            assertThat(emergency).containsText(Pattern.compile("còn \\d+ giờ \\d+ phút"));
            journey.screenshot("journey-2-serious-risk-clock");

            // emergency decision (Form 07)
            step(page, "Quyết định can thiệp khẩn cấp / tạm thời cách ly (Mẫu 07)");
            form = stepForm(page, "EMERGENCY_DECISION");
            form.getByLabel("Biện pháp").selectOption("EMERGENCY_INTERVENTION");
            form.getByLabel("Nội dung quyết định").fill("Giữ hộ chiếu của trẻ tại Công an xã; giao trẻ cho mẹ chăm sóc"
                    + " dưới sự giám sát của công chức xã; báo Công an huyện xác minh người môi giới.");
            form.getByRole(AriaRole.BUTTON, within("Lưu")).click();
            assertThat(page.locator("#case-status")).hasText("Can thiệp khẩn cấp");
            assertThat(emergency).containsText("đã thực hiện lúc");

            // detailed needs assessment (Form 03): the eight factors and the views of the child and parents
            step(page, "Đánh giá nhu cầu (Mẫu 03)");
            form = stepForm(page, "NEEDS_ASSESSMENT");
            form.getByLabel("An toàn").fill("Nguy cơ bị đưa đi nếu người môi giới quay lại.");
            form.getByLabel("Sức khỏe").fill("Bình thường.");
            form.getByLabel("Học tập").fill("Học lớp 10, có ý định bỏ học để đi làm.");
            form.getByLabel("Môi trường gia đình").fill("Sống với mẹ; cha làm ăn xa.");
            form.getByLabel("Điều kiện sống").fill("Hộ cận nghèo.");
            form.getByLabel("Tâm lý").fill("Lo lắng, muốn giúp gia đình.");
            form.getByLabel("Quan hệ xã hội").fill("Có bạn bè ở trường.");
            form.getByLabel("Ý kiến của trẻ em").fill("Em muốn đi học tiếp nếu có học bổng.");
            form.getByLabel("Ý kiến của cha mẹ, người chăm sóc").fill("Mẹ không đồng ý cho em đi.");
            form.getByRole(AriaRole.BUTTON, within("Lưu")).click();
            assertThat(page.locator("#case-status")).hasText("Đánh giá nhu cầu");

            // the support plan (Form 04), submitted for approval
            step(page, "Kế hoạch hỗ trợ, can thiệp (Mẫu 04)");
            form = stepForm(page, "SUBMIT_PLAN");
            form.getByLabel("Mục tiêu").fill("Em Ánh an toàn, tiếp tục đi học và gia đình có thu nhập ổn định.");
            Locator firstItem = form.locator("fieldset .row").first();
            firstItem.getByLabel("Dịch vụ").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
            firstItem.getByLabel("Cơ quan, người thực hiện").fill("Trường THPT Tây Ninh");
            firstItem.getByLabel("Từ ngày").fill(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString());
            firstItem.getByLabel("Kinh phí (đồng)").fill("1.500.000");
            form.getByRole(AriaRole.BUTTON, within("Lưu")).click();
            assertThat(page.locator("#case-status")).hasText("Kế hoạch chờ phê duyệt");
            journey.screenshot("journey-2-plan-submitted");
            journey.signOut();

            // 3. the commune chairman approves the plan (Form 05)
            journey.signIn("commune.chair");
            journey.open("/cases/" + caseId);
            step(page, "Quyết định phê duyệt kế hoạch (Mẫu 05)");
            form = stepForm(page, "APPROVE_PLAN");
            form.getByLabel("Phê duyệt hay trả lại kế hoạch").selectOption("APPROVED");
            form.getByLabel("Ý kiến").fill("Đồng ý. Phòng Văn hóa - Xã hội theo dõi.");
            form.getByRole(AriaRole.BUTTON, within("Lưu")).click();
            assertThat(page.locator("#case-status")).hasText("Kế hoạch đã phê duyệt");
            journey.screenshot("journey-3-plan-approved");
            journey.signOut();

            // 4. the officer records the consents to share with the school, then refers her there
            journey.signIn("commune.officer");
            journey.open("/cases/" + caseId);
            page.getByRole(AriaRole.BUTTON, named("Bắt đầu thực hiện kế hoạch")).click();
            assertThat(page.locator("#case-status")).hasText("Đang thực hiện");
            Locator consent = page.locator("#consents");
            consent.getByLabel("Người đồng ý").selectOption("CHILD");
            consent.getByLabel("Đồng ý cho việc gì").fill("Chia sẻ thông tin với nhà trường để hỗ trợ em tiếp tục đi học");
            consent.getByLabel("Cơ quan được chia sẻ").selectOption("THPT-TAYNINH");
            consent.getByLabel("Hình thức").selectOption("SIGNED_FORM");
            consent.getByRole(AriaRole.BUTTON, within("Ghi nhận")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Đã lưu");
            assertThat(page.locator("#consents li")).containsText("Trường THPT Tây Ninh");
            // she is over 7: her mother, registered as such, consents too (picked by name, not by number)
            consent = page.locator("#consents");
            consent.getByLabel("Người đồng ý").selectOption("LEGAL_REPRESENTATIVE");
            consent.getByLabel("Người đại diện (theo sổ đăng ký)")
                    .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Trần Thị Mai, 1985 — Mẹ"));
            consent.getByLabel("Đồng ý cho việc gì").fill("Chia sẻ thông tin với nhà trường để hỗ trợ con tiếp tục đi học");
            consent.getByLabel("Cơ quan được chia sẻ").selectOption("THPT-TAYNINH");
            consent.getByLabel("Hình thức").selectOption("SIGNED_FORM");
            consent.getByRole(AriaRole.BUTTON, within("Ghi nhận")).click();
            assertThat(page.locator("#consents li")).hasCount(2);

            Locator referral = page.locator("#referral-form");
            referral.getByLabel("Cơ quan nhận").selectOption("THPT-TAYNINH");
            referral.getByLabel("Lý do chuyển gửi").fill("Em có nguy cơ bỏ học để đi làm ở nước ngoài; đề nghị nhà"
                    + " trường theo dõi chuyên cần và hỗ trợ học bổng.");
            referral.locator("#services input[type=checkbox]").first().check();
            referral.getByLabel("Kế hoạch hỗ trợ").check();
            referral.getByRole(AriaRole.BUTTON, within("Gửi")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Đã lưu");
            assertThat(page.locator("#referrals")).containsText("Trường THPT Tây Ninh");
            assertThat(page.locator("#referrals")).containsText("Đã gửi");
            journey.screenshot("journey-4-referred");
            journey.signOut();

            // 5. the teacher finds the referral in the inbox, accepts it and reports back
            journey.signIn("teacher");
            journey.open("/cases/action-needed");
            journey.screenshot("journey-5-teacher-inbox");
            Locator waiting = page.locator("#referrals li").filter(new Locator.FilterOptions().setHasText("học bổng"));
            assertThat(waiting).hasCount(1);
            waiting.getByRole(AriaRole.BUTTON, within("Nhận")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Đã lưu");
            assertThat(page.locator("#need-to-know")).isVisible();
            assertThat(page.locator("#referrals")).containsText("Đã nhận");
            page.getByLabel("Phản hồi kết quả").fill("Nhà trường đã gặp em và gia đình; em đi học đầy đủ và được"
                    + " xét học bổng khuyến học.");
            page.getByRole(AriaRole.BUTTON, named("Gửi phản hồi")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Đã lưu");
            assertThat(page.locator("#referrals")).containsText("xét học bổng khuyến học");
            journey.screenshot("journey-5-school-reported-back");
            journey.signOut();

            // 6. the officer reviews (Form 06) and closes the case
            journey.signIn("commune.officer");
            journey.open("/cases/" + caseId);
            Locator sent = page.locator("#referrals div.card[id^=referral-]").filter(new Locator.FilterOptions().setHasText("Trường THPT Tây Ninh"));
            assertThat(sent).containsText("xét học bổng khuyến học");
            sent.getByRole(AriaRole.BUTTON, within("Hoàn thành")).click();
            assertThat(sent.locator(".badge")).hasText("Hoàn thành");
            step(page, "Rà soát, đánh giá (Mẫu 06)");
            form = stepForm(page, "REVIEW");
            form.getByLabel("Kết quả rà soát").fill("Em Ánh an toàn, đi học đều; người môi giới đã bị Công an huyện"
                    + " xử lý; không còn nguy cơ.");
            form.getByLabel("Đề xuất").selectOption("CLOSE");
            form.getByRole(AriaRole.BUTTON, within("Lưu")).click();
            assertThat(page.locator("#case-status")).hasText("Đã rà soát");
            page.getByRole(AriaRole.BUTTON, named("Đóng hồ sơ")).click();
            assertThat(page.locator("#case-status")).hasText("Đã đóng");
            journey.screenshot("journey-6-closed");
        }
    }

    private static void step(Page page, String name) {
        page.locator("#next-steps summary", new Page.LocatorOptions().setHasText(name)).click();
    }

    private static Locator stepForm(Page page, String action) {
        return page.locator("#step-" + action + " form");
    }
}
