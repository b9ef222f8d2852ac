package vn.childguard.reporting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.Chromium;
import vn.childguard.test.DemoUsers;

/** The first journey in a real browser: sign in, read the home page in Vietnamese, switch to English, sign out. */
@ChildGuardIntegrationTest
@ExtendWith(Chromium.class)
class LoginJourneyTests {

    @LocalServerPort
    int port;

    @Test
    void coordinatorSignsInReadsVietnameseSwitchesToEnglishAndSignsOut() {
        String base = "http://localhost:" + port;
        try (Playwright playwright = Playwright.create();
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Chromium.executable()).setHeadless(true).setArgs(Chromium.ARGS))) {
            Page page = browser.newPage();
            page.navigate(base + "/");
            assertThat(page.locator("h1")).hasText("Đăng nhập ChildGuard");

            page.getByLabel("Tên đăng nhập").fill("police.coordinator");
            page.getByLabel("Mật khẩu").fill(DemoUsers.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
            assertThat(page.locator("h1")).hasText("Xin chào, Lê Minh Khang");
            assertThat(page.locator("header")).containsText("Công an tỉnh Tây Ninh");
            assertThat(page.locator("#roles")).containsText("Điều phối kế hoạch");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/home-vi.png"))
                    .setFullPage(true));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
            assertThat(page.locator("h1")).hasText("Welcome, Lê Minh Khang");
            assertThat(page.locator("#roles")).containsText("Plan coordinator");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/home-en.png")));

            page.navigate(base + "/audit");
            assertThat(page.locator("h1")).hasText("Access denied");
            page.navigate(base + "/organisation/agencies/999999");
            assertThat(page.locator("h1")).hasText("Page not found");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
            assertThat(page.locator("h1")).hasText("Sign in to ChildGuard");
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("You have signed out");
        }
    }
}
