package vn.childguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;
import vn.childguard.planning.Period;
import vn.childguard.planning.ReminderSent;
import vn.childguard.planning.internal.PlanningService;
import vn.childguard.planning.internal.ReminderJob;
import vn.childguard.screening.internal.BatchService;
import vn.childguard.screening.internal.ExitDayGenerator;
import vn.childguard.test.DemoUsers;
import vn.childguard.test.TestDatabase;
import vn.childguard.test.TestMail;

/**
 * Two nodes of the application in one JVM, on random ports, sharing one database of their own (an H2
 * in-memory database, or a schema of the PostgreSQL test database), with sessions in the database as
 * in production: a session opened on one node is served by the other, the per-address sign-in limit
 * counts failures from both, a scheduled job runs on one node only, an event is processed once, and
 * a screening batch left half done by a node that died is finished by the other without a lost or
 * doubled record, also when both nodes resume it at once. scripts/two-nodes.sh does the same with two
 * processes behind a proxy.
 */
@ExtendWith(TestDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIntegrationTests {

    static final String SCHEMA = "two_nodes";

    @RegisterExtension
    static final GreenMailExtension smtp = TestMail.server();

    static String url;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTwoNodes() throws Exception {
        if (TestDatabase.isPostgres()) {
            String base = System.getProperty("spring.datasource.url");
            try (var c = DriverManager.getConnection(base, System.getProperty("spring.datasource.username"),
                    System.getProperty("spring.datasource.password")); var s = c.createStatement()) {
                s.execute("drop schema if exists " + SCHEMA + " cascade");
                s.execute("create schema " + SCHEMA);
            }
            url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        } else {
            url = "jdbc:h2:mem:childguard-two-nodes;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                    + "DB_CLOSE_DELAY=-1";
        }
        a = node();
        b = node();
    }

    /** Command-line arguments, which outrank the leg's system properties and application-test.yaml. */
    static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(ChildGuardApplication.class).profiles("demo", "test").run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                // sessions in the database, as in production (the shared test context keeps them in memory)
                "--spring.autoconfigure.exclude=",
                "--childguard.security.max-failed-logins-per-address=4",
                "--childguard.screening.chunk-size=400");
    }

    @AfterAll
    static void stop() {
        for (var node : new ConfigurableApplicationContext[]{a, b}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void aSessionOpenedOnOneNodeIsServedAndEndedByTheOther() throws Exception {
        var login = get(a, "/login", null);
        String cookie = sessionCookie(login);
        var signedIn = post(a, "/login", cookie, Map.of("username", "leader", "password", DemoUsers.PASSWORD,
                "_csrf", csrf(login.body())));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith(":" + port(a) + "/");
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).as("the cookie settings are kept").contains("HttpOnly", "SameSite=Lax", "Path=/");
        cookie = sessionCookie(signedIn);

        var home = get(b, "/", cookie);
        assertThat(home.statusCode()).as("node B knows the session of node A").isEqualTo(200);
        assertThat(home.body()).as("the leader's home page").contains("Lãnh đạo (xem báo cáo)");
        assertThat(jdbc(b).queryForObject("select max_inactive_interval from spring_session where principal_name = 'leader'",
                Integer.class)).as("server.servlet.session.timeout, 30 minutes").isEqualTo(1800);

        // the CSRF token of a page served by B is good on A: it is kept in the shared session
        var loggedOut = post(a, "/logout", cookie, Map.of("_csrf", csrf(home.body())));
        assertThat(loggedOut.statusCode()).isEqualTo(302);
        assertThat(loggedOut.headers().firstValue("Location").orElseThrow()).contains("/login");
        var afterLogout = get(b, "/", cookie);
        assertThat(afterLogout.statusCode()).as("signed out on A is signed out on B").isEqualTo(302);
        assertThat(afterLogout.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    @Order(2)
    void theSignInLimitPerAddressCountsFailuresOnEveryNode() throws Exception {
        try {
            for (var node : List.of(a, b, a, b)) {
                assertThat(token(node, "nobody", "wrong-password").statusCode()).isEqualTo(401);
            }
            // four failures, two per node, reach the limit of four: neither node lets the address try again
            assertThat(token(a, "leader", DemoUsers.PASSWORD).statusCode()).isEqualTo(401);
            assertThat(token(b, "leader", DemoUsers.PASSWORD).statusCode()).isEqualTo(401);
        } finally {
            jdbc(a).update("delete from login_failure");
        }
        assertThat(token(b, "leader", DemoUsers.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aScheduledJobStartedOnBothNodesAtOnceRunsOnOne() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(ReminderJob.class);
        var runs = new ListAppender<ILoggingEvent>();
        runs.start();
        logger.addAppender(runs);
        try {
            var go = new CountDownLatch(1);
            var onA = CompletableFuture.runAsync(() -> runWhen(go, a));
            var onB = CompletableFuture.runAsync(() -> runWhen(go, b));
            go.countDown();
            CompletableFuture.allOf(onA, onB).join();
            // the lock is held for at least a minute: a node whose clock is late cannot run it again either
            b.getBean(ReminderJob.class).run();
        } finally {
            logger.detachAppender(runs);
        }
        assertThat(runs.list).filteredOn(e -> e.getFormattedMessage().startsWith("Reminder job:")).hasSize(1);
        assertThat(jdbc(a).queryForObject("select count(*) from shedlock where name = 'planning-reminders'",
                Integer.class)).isEqualTo(1);
    }

    static void runWhen(CountDownLatch go, ConfigurableApplicationContext node) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        node.getBean(ReminderJob.class).run(); // through the bean's proxy, as the scheduler calls it
    }

    @Test
    @Order(4)
    void anEventIsProcessedOnceAndNotAgainWhenAnotherNodeRestarts() throws Exception {
        PlanningService planning = a.getBean(PlanningService.class);
        var plan = planning.plans().stream().filter(p -> p.getCode().equals("113/KH-UBND")).findFirst().orElseThrow();
        var task = plan.getTasks().stream().filter(t -> t.getCode().equals("II.5.a")).findFirst().orElseThrow();
        String text = "Hai máy chủ: đề nghị gửi báo cáo " + System.nanoTime();
        long reminder = planning.urge(user(a, "police.coordinator"), task.getId(), Period.parse("2025-H2"), "SYT", text)
                .getId();

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsWith(text) == 1);
        String publications = "select count(*) from event_publication where event_type = '" + ReminderSent.class.getName()
                + "' and serialized_event like '%\"reminderId\":" + reminder + "}%'";
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc(a).queryForObject(
                publications + " and completion_date is not null", Integer.class) == 1);

        // a restarting node republishes outstanding events: a completed one is not among them
        b.close();
        b = node();
        String second = "Hai máy chủ: lần hai " + System.nanoTime();
        b.getBean(PlanningService.class).urge(user(b, "police.coordinator"), task.getId(), Period.parse("2025-H2"), "SYT",
                second);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsWith(second) == 1);
        assertThat(mailsWith(text)).as("the first reminder is mailed once").isEqualTo(1);
        assertThat(jdbc(b).queryForObject(publications, Integer.class)).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aBatchResumedByBothNodesAtOnceIsStoredAndScreenedOnce() throws Exception {
        long batch = upload(a, "both-", 2000);
        var onA = CompletableFuture.supplyAsync(() -> a.getBean(BatchService.class).process(batch, Integer.MAX_VALUE));
        var onB = CompletableFuture.supplyAsync(() -> b.getBean(BatchService.class).process(batch, Integer.MAX_VALUE));
        CompletableFuture.allOf(onA, onB).join();
        if (!onA.join() || !onB.join()) {
            // the node that left phase 1 to the other ends early: once the other has finished, it is done
            assertThat(a.getBean(BatchService.class).process(batch, Integer.MAX_VALUE)).isTrue();
        }
        assertCompleteOnce(batch, 2000);
    }

    @Test
    @Order(6)
    void aBatchLeftHalfDoneByANodeThatDiedIsFinishedByTheOther() throws Exception {
        long batch = upload(a, "died-", 2000);
        // three chunk transactions committed, then the node is gone (a chunk in flight is rolled back by the database)
        assertThat(a.getBean(BatchService.class).process(batch, 3)).isFalse();
        a.close();
        assertThat(jdbc(b).queryForObject("select stored_rows from screening_batch where id = ?", Integer.class, batch))
                .isEqualTo(1200);

        b.getBean(BatchService.class).resumePending();
        // done once its end is audited (written just after the status)
        await().atMost(Duration.ofMinutes(2)).until(() -> jdbc(b).queryForObject("select count(*) from audit_event "
                + "where action = 'SCREEN' and entity_id = ?", Integer.class, String.valueOf(batch)) > 0);
        assertCompleteOnce(batch, 2000);
    }

    void assertCompleteOnce(long batch, int rows) {
        JdbcTemplate jdbc = jdbc(b);
        var counters = jdbc.queryForMap("select status, total_rows, stored_rows, skipped_rows, processed_rows, alert_count "
                + "from screening_batch where id = ?", batch);
        assertThat(counters.get("status")).isEqualTo("DONE");
        assertThat(((Number) counters.get("stored_rows")).intValue()).isEqualTo(rows);
        assertThat(((Number) counters.get("skipped_rows")).intValue()).isZero();
        assertThat(((Number) counters.get("processed_rows")).intValue()).as("every record screened once").isEqualTo(rows);
        assertThat(jdbc.queryForObject("select count(*) from screening_record where batch_id = ?", Integer.class, batch))
                .isEqualTo(rows);
        assertThat(jdbc.queryForObject("select count(*) from screening_alert where batch_id = ?", Integer.class, batch))
                .as("the alert counter matches the alerts").isEqualTo(((Number) counters.get("alert_count")).intValue());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'SCREEN' and entity_id = ?",
                Integer.class, String.valueOf(batch))).as("finished once").isEqualTo(1);
    }

    long upload(ConfigurableApplicationContext node, String prefix, int rows) {
        StringWriter csv = new StringWriter();
        ExitDayGenerator.write(csv, LocalDate.of(2026, 11, 28), rows, 7, prefix + System.nanoTime() + "-");
        var upload = node.getBean(BatchService.class).upload("two-nodes.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), user(node, "exit.officer"), false);
        assertThat(upload.errors()).isEmpty();
        return upload.batchId();
    }

    int mailsWith(String text) {
        int n = 0;
        for (var m : smtp.getReceivedMessages()) {
            try {
                if (((String) m.getContent()).contains(text)) {
                    n++;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return n;
    }

    static JdbcTemplate jdbc(ConfigurableApplicationContext node) {
        return node.getBean(JdbcTemplate.class);
    }

    static CurrentUser user(ConfigurableApplicationContext node, String username) {
        JdbcTemplate jdbc = jdbc(node);
        var roles = EnumSet.noneOf(Role.class);
        jdbc.queryForList("select r.role from user_role r join app_user u on u.id = r.user_id where u.username = ?",
                String.class, username).forEach(r -> roles.add(Role.valueOf(r)));
        return jdbc.queryForObject("""
                select u.id, u.full_name, a.id as agency_id, a.code, a.name_vi, a.name_en, u.jurisdiction_code, a.area_code
                from app_user u join agency a on a.id = u.agency_id where u.username = ?""",
                (rs, i) -> new CurrentUser(rs.getLong("id"), username, rs.getString("full_name"), rs.getLong("agency_id"),
                        rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"),
                        rs.getString("jurisdiction_code") != null ? rs.getString("jurisdiction_code") : rs.getString("area_code"),
                        roles), username);
    }

    // ------------------------------------------------------------------ HTTP, with the cookie carried by hand

    static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    static URI uri(ConfigurableApplicationContext node, String path) {
        return URI.create("http://127.0.0.1:" + port(node) + path);
    }

    HttpResponse<String> get(ConfigurableApplicationContext node, String path, String cookie) throws Exception {
        var request = HttpRequest.newBuilder(uri(node, path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(ConfigurableApplicationContext node, String path, String cookie, Map<String, String> form)
            throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(uri(node, path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> token(ConfigurableApplicationContext node, String username, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(node, "/api/v1/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sessionCookie(HttpResponse<String> response) {
        String header = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no SESSION cookie in " + response.headers()));
        return header.substring(0, header.indexOf(';'));
    }

    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }
}
