package vn.childguard.intelligence;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.childguard.intelligence.internal.IntelligenceService;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.Chromium;
import vn.childguard.test.Journey;

/**
 * In Chromium: police.officer opens the watchlisted broker, adds a link from an interrogation record
 * with its grading, opens the network (Cytoscape.js from our own server, no CSP violation), expands it
 * two steps and finds the shortest path to the recruiter of a child victim.
 */
@ChildGuardIntegrationTest
@ExtendWith(Chromium.class)
class IntelligenceJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    IntelligenceService intelligence;

    @Test
    void theOfficerLinksTheBrokerFromAnInterrogationAndFindsThePathToTheChildsRecruiter() {
        CurrentUser lead = new CurrentUser(-1, "journey", "journey", 0, "CA-PC02", "", "", "80",
                Set.of(Role.INTELLIGENCE_OFFICER));
        long hung = id(lead, "Nguyễn Văn Hùng");
        long tai = id(lead, "Trần Văn Tài");
        try (Journey journey = new Journey(port)) {
            Page page = journey.page;
            List<String> errors = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    errors.add(m.text());
                }
            });
            List<String> missing = new ArrayList<>();
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    missing.add(r.status() + " " + r.url());
                }
            });
            journey.signIn("police.officer");
            journey.open("/intelligence/entities/" + hung);
            assertThat(page.locator("#entity-label")).hasText("Nguyễn Văn Hùng");

            page.getByLabel("Mã đối tượng bên kia").fill(String.valueOf(tai));
            page.locator("#add-link #type").selectOption("ASSOCIATE_OF");
            page.locator("#add-link #source").selectOption("INTERROGATION");
            page.getByLabel("Số hiệu nguồn (biên bản, tin báo...)").fill("BB-12/2026");
            page.locator("#add-link #reliability").selectOption("B");
            page.locator("#add-link #credibility").selectOption("2");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thêm quan hệ").setExact(true)).click();
            assertThat(page.locator("#links")).containsText("Trần Văn Tài");
            assertThat(page.locator("#links")).containsText("B2");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mở sơ đồ quan hệ")).click();
            assertThat(page.locator("#network-status")).containsText("Đang hiển thị");
            assertThat(page.locator("#cg-network canvas").first()).isVisible();
            page.getByLabel("Đối tượng đích").fill(String.valueOf(tai));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đường ngắn nhất")).click();
            assertThat(page.locator("#export-csv")).hasAttribute("href",
                    java.util.regex.Pattern.compile(".*/intelligence/network\\.csv\\?ids=.*" + tai + ".*"));
            journey.screenshot("intelligence-network");
            // other tests share the demo ring: retract the link again (never deleted)
            intelligence.entity(lead, hung).links().stream()
                    .filter(l -> "BB-12/2026".equals(l.sourceRef()) && !l.retracted())
                    .forEach(l -> intelligence.retractLink(lead, l.id(), "end of the journey test"));
            org.assertj.core.api.Assertions.assertThat(missing).as("failed requests")
                    .allMatch(url -> url.endsWith("/favicon.ico"));
            // the browser's own favicon request (no page event) is the only miss allowed; no CSP violation
            org.assertj.core.api.Assertions.assertThat(errors).as("console errors (CSP)")
                    .allMatch(e -> e.startsWith("Failed to load resource: the server responded with a status of 404"));
        }
    }

    private long id(CurrentUser user, String label) {
        return intelligence.recent(user, "PERSON", 1000).stream().filter(e -> e.label().equals(label)).findFirst()
                .orElseThrow().id();
    }
}
