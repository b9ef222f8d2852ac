package vn.childguard.test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;

/** A real Chromium on the test server, with the steps every journey shares: sign in, sign out, screenshot. */
public final class Journey implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;
    private final String base;
    public final Page page;

    public Journey(int port) {
        this.playwright = Playwright.create();
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Chromium.executable()).setHeadless(true).setArgs(Chromium.ARGS));
        this.page = browser.newPage();
        this.base = "http://localhost:" + port;
    }

    public void open(String path) {
        page.navigate(base + path);
    }

    /** Signs in through the Vietnamese login page. */
    public void signIn(String username) {
        open("/login");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(DemoUsers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        assertThat(page.locator("h1")).containsText("Xin chào");
    }

    public void signOut() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng xuất")).click();
        assertThat(page.locator("h1")).hasText("Đăng nhập ChildGuard");
    }

    public void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
