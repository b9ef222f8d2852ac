package vn.childguard.intelligence;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.childguard.intelligence.internal.IntelligenceService;
import vn.childguard.intelligence.internal.WatchlistService;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;
import vn.childguard.test.Api;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.Chromium;
import vn.childguard.test.DemoUsers;
import vn.childguard.test.Journey;

/**
 * In Chromium, the journey: police.officer opens the escort flagged by a screening alert (an
 * adult who took three different children across the border within a month), expands the network two
 * steps (Cytoscape.js from our own server, no CSP violation), finds the shortest path to the recruiter
 * of a child victim, adds a link from an interrogation record with its grading, puts the escort on the
 * watchlist with a legal basis and an expiry, and records a criminal case initiated under Art. 150
 * with the child linked as a victim (reference and age band taken from the child-protection case).
 */
@ChildGuardIntegrationTest
@ExtendWith(Chromium.class)
class IntelligenceJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    IntelligenceService intelligence;
    @Autowired
    WatchlistService watchlist;

    @Test
    void theOfficerFollowsAScreeningAlertToTheNetworkTheWatchlistAndACriminalCase() throws Exception {
        CurrentUser lead = new CurrentUser(-1, "journey", "journey", 0, "CA-PC02", "", "", "80",
                Set.of(Role.INTELLIGENCE_OFFICER));
        long escort = id(lead, "Phạm Văn Long");
        long hung = id(lead, "Nguyễn Văn Hùng");
        long tai = id(lead, "Trần Văn Tài");
        long alert = escortAlert();
        Api api = new Api(port);
        String commune = api.token("commune.officer", DemoUsers.PASSWORD);
        long child = api.post("/api/v1/persons", Map.of("fullName", "Lương Thị Hà " + UUID.randomUUID().toString()
                .substring(0, 6), "birthDate", "2011-05-02", "sex", "F", "documents", List.of(), "unitCode", "25486"),
                commune).body().get("id").asLong();
        JsonNode kase = api.post("/api/v1/cases", Map.of("childPersonId", child, "unitCode", "25486",
                "seriousRisk", true), commune).body().get("kase");
        String reference = "LINK-" + UUID.randomUUID().toString().substring(0, 8);
        try (Journey journey = new Journey(port)) {
            Page page = journey.page;
            List<String> errors = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    errors.add(m.text());
                }
            });
            List<String> failed = new ArrayList<>();
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    failed.add(r.status() + " " + r.url());
                }
            });
            journey.signIn("police.officer");

            // the alert in the screening queue, handed to intelligence: it joins the escort's known entity
            journey.open("/screening/alerts/" + alert);
            assertThat(page.locator("section")).containsText("Phạm Văn Long");
            button(page, "Chuyển bộ phận nghiệp vụ").click();
            assertThat(page.locator("#cg-alert-status")).hasText("Đã chuyển nghiệp vụ");
            page.locator("#cg-lead").click();
            assertThat(page.locator("#entity-label")).hasText("Phạm Văn Long");
            assertThat(page).hasURL(Pattern.compile(".*/intelligence/entities/" + escort + "$"));

            // two steps out from the escort reach the broker through the travel agency
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mở sơ đồ quan hệ")).click();
            assertThat(page.locator("#network-status")).containsText("Đang hiển thị");
            assertThat(page.locator("#cg-network canvas").first()).isVisible();
            page.locator("#steps").selectOption("2");
            page.locator("#expand").click();
            assertThat(page.locator("#chart-ids")).hasValue(containsId(hung));
            assertThat(page.locator("#timeline")).containsText("Phạm Văn Long → Làm việc cho → Công ty TNHH Du lịch Ánh Dương");
            page.locator("#target").fill(String.valueOf(tai));
            button(page, "Đường ngắn nhất").click();
            assertThat(page.locator("#chart-ids")).hasValue(containsId(tai));
            journey.screenshot("intelligence-network");

            // a link from an interrogation record, graded B2
            journey.open("/intelligence/entities/" + escort);
            page.getByLabel("Mã đối tượng bên kia").fill(String.valueOf(hung));
            page.locator("#add-link #type").selectOption("ASSOCIATE_OF");
            page.locator("#add-link #source").selectOption("INTERROGATION");
            page.getByLabel("Số hiệu nguồn (biên bản, tin báo...)").fill(reference);
            page.locator("#add-link #reliability").selectOption("B");
            page.locator("#add-link #credibility").selectOption("2");
            button(page, "Thêm quan hệ").click();
            assertThat(page.locator("#links")).containsText("Nguyễn Văn Hùng");
            assertThat(page.locator("#links")).containsText("B2");

            // onto the watchlist, with the decision that allows it and an expiry
            LocalDate today = LocalDate.now();
            page.locator("#add-to-watchlist").click();
            Locator entry = page.locator("#watchlist-entry");
            assertThat(entry.locator("#entityId")).hasValue(String.valueOf(escort));
            entry.locator("#names").fill("Phạm Văn Long\nPHAM VAN LONG");
            entry.locator("#birthDates").fill("1980-09-14");
            entry.locator("#sex").selectOption("M");
            entry.locator("#documents").fill("C7654321");
            entry.locator("#nationality").fill("VN");
            entry.locator("#reason").fill("Đưa nhiều trẻ em khác nhau qua cửa khẩu Mộc Bài trong một tháng");
            entry.locator("#decisionNumber").fill("131/QĐ-PC02");
            entry.locator("#decisionDate").fill(today.minusDays(1).toString());
            entry.locator("#approvedBy").fill("Đại tá Trưởng phòng PC02");
            entry.locator("#validUntil").fill(today.plusMonths(6).toString());
            entry.locator("#alertLevel").selectOption("HIGH");
            button(page, "Thêm").click();
            assertThat(page.locator(".alert-success")).containsText("Đã đưa vào danh sách theo dõi");
            long listed = Long.parseLong(page.url().replaceAll(".*/intelligence/watchlist/(\\d+).*", "$1"));

            // a criminal case initiated under Art. 150 with the child as victim
            journey.open("/intelligence/proceedings");
            Locator open = page.locator("#new-proceeding");
            open.locator("#receivedOn").fill(today.minusDays(20).toString());
            open.locator("#summary").fill("Tin báo về việc đưa trẻ em qua biên giới");
            open.locator("#unitCode").fill("25486");
            button(page, "Ghi nhận").click();
            assertThat(page.locator(".alert-success")).containsText("Đã lưu");
            page.locator("#add-charge #article").selectOption("150");
            page.locator("#add-charge #suspectEntityId").fill(String.valueOf(escort));
            button(page, "Thêm tội danh").click();
            page.locator("#add-victim #caseKind").selectOption("CHILD_PROTECTION");
            page.locator("#add-victim #caseId").fill(kase.get("id").asString());
            button(page, "Thêm bị hại").click();
            page.locator("#stage-select").selectOption("CASE_INITIATED");
            page.locator("#add-step #doneOn").fill(today.minusDays(2).toString());
            button(page, "Ghi nhận bước").click();
            Locator proceeding = page.locator("section");
            assertThat(proceeding).containsText("Khởi tố vụ án");
            assertThat(proceeding).containsText("Phạm Văn Long");
            assertThat(proceeding).containsText(kase.get("reference").asString());
            assertThat(proceeding).containsText("Dưới 16 tuổi");
            assertThat(page.locator(".alert-danger")).hasCount(0);
            journey.screenshot("intelligence-proceeding");

            // other tests share the demo ring and screen the escort again: undo the watchlist entry and the link
            watchlist.remove(lead, listed, "end of the journey test");
            intelligence.entity(lead, escort).links().stream()
                    .filter(l -> reference.equals(l.sourceRef()) && !l.retracted())
                    .forEach(l -> intelligence.retractLink(lead, l.id(), "end of the journey test"));
            // the browser's own favicon request (no page event) is the only miss allowed; no CSP violation
            assertThat(failed).as("failed requests").allMatch(url -> url.endsWith("/favicon.ico"));
            assertThat(errors).as("console errors (CSP)")
                    .allMatch(e -> e.startsWith("Failed to load resource: the server responded with a status of 404"));
        }
    }

    /** The escort's third trip with a different child within a month, screened through the records API. */
    private long escortAlert() throws Exception {
        Api api = new Api(port);
        String officer = api.token("exit.officer", DemoUsers.PASSWORD);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String[][] minors = {{"Đỗ Thị Ngân", "F", "2011-02-01"}, {"Bùi Văn Khoa", "M", "2012-03-02"},
                {"Hồ Thị Yến", "F", "2011-08-03"}};
        String[] dates = {"2025-03-01", "2025-03-12", "2025-03-25"};
        List<Map<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String booking = "J8" + run + i;
            records.add(record("J8-" + run + "-A" + i, "Phạm Văn Long", "1980-09-14", "M", "C7654321", dates[i],
                    booking, "J8-" + run + "-M" + i));
            records.add(record("J8-" + run + "-M" + i, minors[i][0], minors[i][2], minors[i][1], "N" + run + i, dates[i],
                    booking, "J8-" + run + "-A" + i));
        }
        JsonNode alerts = api.post("/api/v1/screening/records", records, officer).body().get("alerts");
        for (JsonNode a : alerts) {
            if (a.get("recordId").asString().equals("J8-" + run + "-A2")) {
                return a.get("id").asLong();
            }
        }
        throw new AssertionError("no alert for the escort's third trip: " + alerts);
    }

    private static Map<String, String> record(String id, String name, String birth, String sex, String document,
                                              String date, String booking, String companion) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("record_id", id);
        r.put("full_name", name);
        r.put("birth_date", birth);
        r.put("sex", sex);
        r.put("document_number", document);
        r.put("nationality", "VN");
        r.put("travel_date", date);
        r.put("direction", "EXIT");
        r.put("border_gate", "MOC_BAI");
        r.put("destination_country", "KH");
        r.put("transit_countries", "");
        r.put("booking_ref", booking);
        r.put("travel_purpose", "TOURISM");
        r.put("visa_type", "");
        r.put("companion_record_ids", companion);
        return r;
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** A comma-separated id list that holds this id. */
    private static Pattern containsId(long id) {
        return Pattern.compile("(^|.*,)" + id + "(,.*|$)");
    }

    private long id(CurrentUser user, String label) {
        return intelligence.recent(user, "PERSON", 1000).stream().filter(e -> e.label().equals(label)).findFirst()
                .orElseThrow().id();
    }
}
