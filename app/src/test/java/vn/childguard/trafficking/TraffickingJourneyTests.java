package vn.childguard.trafficking;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.Chromium;
import vn.childguard.test.Journey;

/**
 * Issue 6 in a real browser, through the pages only: the foreign-affairs department records the
 * London embassy's notification about a boy of 16 from Tân Biên found in a cannabis farm (registering
 * him from the search on the new-case page), brings him home step by step to Tân Sơn Nhất and the
 * hand-over; the health department finds the case in its inbox, verifies and identifies him within
 * the 3 days (a first attempt without grounds is refused and keeps what was typed), sees the support
 * the Art. 37 matrix gives, delivers tuition exemption, psychological support and vocational training,
 * plans the reintegration so that the first follow-up is due today (no clock moved: the plan started
 * a month ago) and sees it in the inbox; the linked child-protection case is visible to the commune.
 */
@ChildGuardIntegrationTest
@ExtendWith(Chromium.class)
class TraffickingJourneyTests {

    private static final String CHILD = "Đinh Quốc Bảo";
    private static final String BORN = "2010-03-14";

    @LocalServerPort
    int port;

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    static Locator.GetByRoleOptions button(String name) {
        return new Locator.GetByRoleOptions().setName(name);
    }

    static void saved(Page page) {
        assertThat(page.locator("#error-summary")).hasCount(0);
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Đã lưu");
    }

    /** Records one repatriation step as done today, with the details typed into the labelled fields. */
    static void repatriationStep(Page page, String step, String today, Map<String, String> details) {
        Locator form = page.locator("#repatriation-form");
        form.getByLabel("Bước hồi hương").selectOption(new SelectOption().setLabel(step));
        form.getByLabel("Trạng thái").selectOption(new SelectOption().setLabel("Hoàn thành"));
        form.locator("#stepDate").fill(today);
        details.forEach((label, value) -> {
            Locator field = form.getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
            if ("SELECT".equals(field.evaluate("e => e.tagName"))) {
                field.selectOption(new SelectOption().setLabel(value));
            } else {
                field.fill(value);
            }
        });
        form.getByRole(AriaRole.BUTTON, button("Ghi nhận bước hồi hương")).click();
        saved(page);
        assertThat(page.locator("#repatriation")).containsText(step);
    }

    static void takeStep(Page page, String action) {
        Locator form = page.locator("#transition-form");
        form.getByLabel("Bước", new Locator.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel(action));
        form.getByRole(AriaRole.BUTTON, button("Ghi nhận bước")).click();
        saved(page);
    }

    static void deliver(Page page, String benefit, String provider, String today, String evidence) {
        Locator form = page.locator("#delivery-form");
        form.getByLabel("Chế độ hỗ trợ").selectOption(new SelectOption().setLabel(benefit));
        form.getByLabel("Đơn vị thực hiện").fill(provider);
        form.getByLabel("Ngày thực hiện").fill(today);
        form.getByLabel("Tài liệu, chứng cứ").fill(evidence);
        form.getByRole(AriaRole.BUTTON, button("Lưu")).click();
        saved(page);
    }

    static Locator entitled(Page page, String benefit) {
        return page.locator("#benefit-" + benefit + " td").nth(1);
    }

    @Test
    void aBoyFoundInACannabisFarmInTheUkIsBroughtHomeIdentifiedSupportedFollowedUpAndProtected() {
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String today = day.toString();
        try (Journey journey = new Journey(port)) {
            Page page = journey.page;

            // the foreign-affairs department records the embassy's notification
            journey.signIn("foreign.officer");
            journey.open("/trafficking-cases/new");
            page.getByLabel("Họ và tên").fill(CHILD);
            page.getByLabel("Ngày sinh (YYYY-MM-DD hoặc năm)").fill(BORN);
            page.locator("#search-person").getByLabel("Giới tính").selectOption(new SelectOption().setLabel("Nam"));
            page.getByRole(AriaRole.BUTTON, named("Tìm")).click();
            // search before create: nobody registered is picked, the boy is registered with the case
            Locator registerNew = page.getByLabel("Không ai ở trên: đăng ký người mới " + CHILD, new Page.GetByLabelOptions());
            assertThat(registerNew).isVisible();
            journey.screenshot("trafficking-search-before-create");
            registerNew.check();
            page.getByLabel("Xã (mã)").fill("25486");
            page.getByLabel("Quốc gia").selectOption(new SelectOption().setLabel("Vương quốc Anh"));
            page.getByLabel("Đang ở nước ngoài").check();
            page.getByLabel("Hình thức bóc lột").selectOption(new SelectOption().setLabel("Cưỡng bức phạm tội (trồng cần sa...)"));
            page.getByLabel("Ngày bị bóc lột").fill(day.minusMonths(2).toString());
            page.getByLabel("Nguồn tin").fill("Công hàm của Đại sứ quán Việt Nam tại London");
            page.getByLabel("Tóm tắt").fill("Cảnh sát Anh phát hiện em trong một trại trồng cần sa; em khai quê ở xã Tân Biên.");
            page.getByRole(AriaRole.BUTTON, named("Ghi nhận — người đang trong quá trình xác định là nạn nhân")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Đã ghi nhận vụ việc");
            assertThat(page.locator("#status")).hasText("Người đang trong quá trình xác định là nạn nhân");
            assertThat(page.locator("#summary")).containsText(CHILD);
            String caseUrl = page.url();
            String reference = page.locator("h1 > span").first().textContent().strip();
            journey.screenshot("trafficking-opened");

            // the repatriation, step by step, to Tân Sơn Nhất and the hand-over
            repatriationStep(page, "Xác định nơi ở", today, Map.of("Nước nơi tìm thấy", "Vương quốc Anh",
                    "Thành phố", "London", "Nơi ở / cơ sở", "Cơ sở chăm sóc của chính quyền địa phương"));
            repatriationStep(page, "Cơ quan đại diện tiếp nhận", today,
                    Map.of("Cơ quan đại diện", "Đại sứ quán Việt Nam tại Vương quốc Anh"));
            repatriationStep(page, "Xác minh nhân thân với Bộ Công an", today,
                    Map.of("Kết quả xác minh", "Bộ Công an xác nhận quốc tịch Việt Nam"));
            repatriationStep(page, "Cấp giấy tờ đi lại", today,
                    Map.of("Loại giấy tờ", "Giấy thông hành", "Số giấy tờ", "GT-2026-0412"));
            repatriationStep(page, "Đặt phương tiện về nước", today,
                    Map.of("Hãng vận chuyển", "Vietnam Airlines", "Chuyến bay", "VN50"));
            repatriationStep(page, "Về đến cửa khẩu", today,
                    Map.of("Cửa khẩu / sân bay", "Cảng hàng không quốc tế Tân Sơn Nhất"));
            repatriationStep(page, "Bàn giao cho cơ quan tiếp nhận", today,
                    Map.of("Cơ quan tiếp nhận", "Sở Y tế tỉnh Tây Ninh"));
            repatriationStep(page, "Bàn giao trẻ cho người thân / người đưa về", today,
                    Map.of("Người nhận trẻ", "Mẹ của trẻ", "Người đưa về", "Cán bộ Sở Y tế"));
            assertThat(page.locator("#repatriation")).containsText("VN50");
            journey.screenshot("trafficking-repatriated");
            journey.signOut();

            // the health department finds the running 3-day verification in its inbox
            journey.signIn("health.caseworker");
            journey.open("/cases/action-needed");
            Locator item = page.locator("#other-items li").filter(new Locator.FilterOptions().setHasText(reference));
            assertThat(item).containsText("Xác minh ban đầu (3 ngày)");
            assertThat(item).containsText("Trong hạn");
            journey.screenshot("trafficking-inbox-verification");
            item.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(reference)).click();
            assertThat(page.locator("#verification")).containsText("Trong hạn");
            assertThat(page.locator("#ages")).containsText("16");

            // home and still being identified: the matrix gives medical and psychological help, not yet school or a loan
            assertThat(entitled(page, "PSYCHOLOGICAL")).hasText("Có");
            assertThat(entitled(page, "MEDICAL")).hasText("Có");
            assertThat(entitled(page, "EDUCATION")).hasText("Không");
            assertThat(entitled(page, "VOCATIONAL_TRAINING")).hasText("Không");
            assertThat(entitled(page, "LOAN")).hasText("Không");

            // identifying without any Art. 32 ground is refused, and what was typed is still there
            Locator transition = page.locator("#transition-form");
            transition.getByLabel("Bước", new Locator.GetByLabelOptions().setExact(true))
                    .selectOption(new SelectOption().setLabel("Xác định là nạn nhân"));
            transition.getByLabel("Căn cứ pháp lý").fill("Điều 32 Luật Phòng, chống mua bán người 2024");
            transition.getByLabel("Tài liệu, chứng cứ").fill("Công hàm của Đại sứ quán; biên bản lời khai ngày " + today);
            transition.getByRole(AriaRole.BUTTON, button("Ghi nhận bước")).click();
            assertThat(page.locator("#error-summary")).containsText("Chưa ghi nhận căn cứ nào theo Điều 32");
            assertThat(transition.getByLabel("Căn cứ pháp lý")).hasValue("Điều 32 Luật Phòng, chống mua bán người 2024");
            assertThat(transition.getByLabel("Tài liệu, chứng cứ")).hasValue("Công hàm của Đại sứ quán; biên bản lời khai ngày " + today);
            assertThat(transition.getByLabel("Bước", new Locator.GetByLabelOptions().setExact(true)))
                    .hasValue("IDENTIFY");
            journey.screenshot("trafficking-identify-refused");

            // with the grounds, the boy is identified as a victim within the 3 days
            transition.getByLabel("Cơ quan đại diện Việt Nam ở nước ngoài").check();
            transition.getByLabel("Cơ quan có thẩm quyền nước ngoài").check();
            transition.getByLabel("Lời khai của người đó").check();
            transition.getByRole(AriaRole.BUTTON, button("Ghi nhận bước")).click();
            saved(page);
            assertThat(page.locator("#status")).hasText("Đã xác định là nạn nhân");
            assertThat(page.locator("#verification")).containsText("Đã hoàn thành");
            assertThat(page.locator("#history")).containsText("Lời khai của người đó");

            // an identified child victim in Vietnam: the matrix now gives school, training, a loan too
            for (String benefit : new String[] {"EDUCATION", "VOCATIONAL_TRAINING", "PSYCHOLOGICAL", "LOAN"}) {
                assertThat(entitled(page, benefit)).hasText("Có");
            }
            journey.screenshot("trafficking-identified");

            // support delivered: tuition exemption, psychological support, vocational training
            takeStep(page, "Bắt đầu hỗ trợ");
            Locator delivery = page.locator("#delivery-form");
            delivery.getByLabel("Chế độ hỗ trợ").selectOption(new SelectOption().setLabel("Học nghề"));
            delivery.getByLabel("Đơn vị thực hiện").fill("Trường Trung cấp nghề Tây Ninh");
            delivery.getByLabel("Ngày thực hiện").fill(day.plusDays(5).toString());
            delivery.getByRole(AriaRole.BUTTON, button("Lưu")).click();
            assertThat(page.locator("#error-summary")).isVisible();
            assertThat(delivery.getByLabel("Đơn vị thực hiện")).hasValue("Trường Trung cấp nghề Tây Ninh");
            assertThat(delivery.getByLabel("Chế độ hỗ trợ")).hasValue("VOCATIONAL_TRAINING");
            deliver(page, "Học văn hóa (miễn học phí, sách vở)", "Trường THCS Tân Biên", today,
                    "Quyết định miễn học phí năm học 2026-2027");
            deliver(page, "Hỗ trợ tâm lý", "Trung tâm Công tác xã hội tỉnh Tây Ninh", today, "Phiếu tư vấn tâm lý");
            deliver(page, "Học nghề", "Trường Trung cấp nghề Tây Ninh", today, "Giấy nhập học lớp sửa chữa xe máy");
            for (String benefit : new String[] {"EDUCATION", "PSYCHOLOGICAL", "VOCATIONAL_TRAINING"}) {
                assertThat(page.locator("#benefit-" + benefit + " td").nth(2)).hasText("Đã thực hiện");
            }
            assertThat(page.locator("#deliveries")).containsText("Trường THCS Tân Biên");
            assertThat(page.locator("#deliveries")).containsText("Trung tâm Công tác xã hội tỉnh Tây Ninh");
            assertThat(page.locator("#deliveries")).containsText("Trường Trung cấp nghề Tây Ninh");
            journey.screenshot("trafficking-support-delivered");

            // the reintegration plan started a month ago, so the first follow-up falls due today
            takeStep(page, "Bắt đầu tái hòa nhập");
            page.getByLabel("Mục tiêu (mỗi dòng một mục tiêu)").fill("Đi học lại lớp 10\nHoàn thành khóa học nghề");
            page.getByLabel("Ngày bắt đầu").fill(day.minusMonths(1).toString());
            page.locator("#plan-form").getByRole(AriaRole.BUTTON, button("Lưu")).click();
            saved(page);
            assertThat(page.locator("#follow-ups")).containsText("1");
            journey.open("/cases/action-needed");
            Locator followUp = page.locator("#other-items li").filter(new Locator.FilterOptions().setHasText(reference))
                    .filter(new Locator.FilterOptions().setHasText("Theo dõi sau 1 tháng"));
            assertThat(followUp).hasCount(1);
            journey.screenshot("trafficking-inbox-follow-up");

            // the linked child-protection case, owned by the commune
            page.navigate(caseUrl);
            page.getByRole(AriaRole.BUTTON, named("Mở hồ sơ bảo vệ trẻ em")).click();
            saved(page);
            assertThat(page.locator("#child-protection")).containsText("BVTE-");
            String childCase = page.locator("#child-protection").textContent().strip();
            journey.signOut();

            // the commune officer sees the child-protection case
            journey.signIn("commune.officer");
            journey.open("/cases?reference=" + childCase);
            page.getByRole(AriaRole.LINK, named(childCase)).click();
            assertThat(page.locator("h1")).containsText(childCase);
            journey.screenshot("trafficking-child-protection-case");
        }
    }
}
