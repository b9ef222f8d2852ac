package vn.childguard.reporting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.reporting.internal.ReadModel;
import vn.childguard.shared.crypto.DataCipher;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.Chromium;
import vn.childguard.test.Journey;

/**
 * Each dashboard in a real browser with the demo data and the test quarter: the leader's (figures,
 * trend, commune map, tables), the police coordinator's (KPIs with red/amber/green, stages, overdue
 * agencies), the case worker's workload; Vietnamese first, with no CSP violation; screenshots under
 * target/screenshots/.
 */
@ChildGuardIntegrationTest
@ExtendWith(Chromium.class)
class ReportingJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataCipher cipher;
    @Autowired
    ReadModel readModel;

    @Test
    void eachRoleOpensItsDashboardAndReadsTheFiguresAsChartTableAndText() {
        new ReportingData(jdbc, cipher).quarter();
        readModel.refresh();
        try (Journey journey = new Journey(port)) {
            List<String> errors = new ArrayList<>();
            journey.page.onConsoleMessage(m -> {
                // the shell serves no favicon (browser-level request on the login page, not this module's)
                if ("error".equals(m.type()) && !m.location().contains("/favicon.ico")) {
                    errors.add(m.text() + " at " + m.location() + " on " + journey.page.url());
                }
            });
            List<String> missing = new ArrayList<>();
            journey.page.onResponse(r -> {
                if (r.status() >= 400) {
                    missing.add(r.status() + " " + r.url());
                }
            });
            journey.signIn("leader");
            journey.open("/reporting");
            journey.page.getByText("Bảng điều hành của lãnh đạo").click();
            assertThat(journey.page.locator("h1")).hasText("Bảng điều hành của lãnh đạo");
            journey.open("/reporting/leadership?period=2019-Q2");
            assertThat(journey.page.locator("#fig-victims .display-6")).hasText("5");
            assertThat(journey.page.locator("#b-map svg path[data-code='25486']")).hasAttribute("data-value", "8");
            assertThat(journey.page.locator("#leadership-summary")).containsText("2019-Q2");
            journey.page.locator("#b-sex summary").click();
            assertThat(journey.page.locator("#b-sex table")).containsText("Nữ");
            journey.screenshot("reporting-leadership");
            journey.signOut();

            journey.signIn("police.coordinator");
            journey.open("/reporting/police");
            assertThat(journey.page.locator("#kpis tbody tr")).hasCount(4);
            assertThat(journey.page.locator("#b-stages")).isVisible();
            journey.screenshot("reporting-police");
            journey.open("/reporting/documents");
            assertThat(journey.page.locator("h1")).hasText("Báo cáo thống kê định kỳ");
            journey.screenshot("reporting-documents");
            journey.signOut();

            journey.signIn("health.caseworker");
            journey.open("/reporting/casework");
            assertThat(journey.page.locator("#casework-summary")).containsText("vụ việc mở");
            journey.screenshot("reporting-casework");
            org.assertj.core.api.Assertions.assertThat(missing).as("failed requests").isEmpty();
            org.assertj.core.api.Assertions.assertThat(errors).as("console errors (CSP)").isEmpty();
        }
    }
}
