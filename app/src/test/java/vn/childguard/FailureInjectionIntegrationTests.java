package vn.childguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import org.h2.api.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;
import vn.childguard.planning.Period;
import vn.childguard.planning.ReminderSent;
import vn.childguard.planning.internal.PlanTask;
import vn.childguard.planning.internal.PlanningService;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;
import vn.childguard.test.TestDatabase;
import vn.childguard.test.TestMail;

/**
 * Failures of what the application stands on: the database connection killed in the middle of a
 * transaction, storage that cannot take an attachment, an SMTP server that is down. Each time the
 * user gets a clear answer, nothing is half saved, and the next request works.
 */
@ChildGuardIntegrationTest
class FailureInjectionIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    PlanningService planning;
    @Autowired
    MessageSource messages;

    @AfterEach
    void storageBack() {
        if (TestDatabase.isPostgres()) {
            jdbc.execute("drop trigger if exists report_attachment_disk_full on report_attachment");
            jdbc.execute("drop function if exists report_attachment_disk_full()");
        } else {
            jdbc.execute("drop trigger if exists report_attachment_disk_full");
        }
    }

    @Test
    void aConnectionKilledMidTransactionLeavesNothingAndTheNextRequestWorks() throws Exception {
        // H2 in memory runs inside the JVM: there is no server connection to kill
        assumeTrue(TestDatabase.isPostgres(), "PostgreSQL leg only");
        CurrentUser coordinator = user("police.coordinator");
        PlanTask task = task("II.5.a");
        String text = "Kết nối bị ngắt giữa chừng " + System.nanoTime();
        var tx = new TransactionTemplate(transactions);
        int events = reminderEvents();

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            planning.urge(coordinator, task.getId(), Period.parse("2025-H2"), "SYT", text);
            killTheConnectionOfThisTransaction();
        })).as("a clear data-access error, not a silent success")
                .isInstanceOfAny(DataAccessException.class, TransactionException.class,
                        jakarta.persistence.PersistenceException.class);

        assertThat(jdbc.queryForObject("select count(*) from reminder where message = ?", Integer.class, text))
                .as("the reminder of the broken transaction was not kept").isZero();
        assertThat(reminderEvents()).as("no event published for it").isEqualTo(events);

        // the pool replaced the dead connection: the same save and a page work at once
        planning.urge(coordinator, task.getId(), Period.parse("2025-H2"), "SYT", text);
        assertThat(jdbc.queryForObject("select count(*) from reminder where message = ?", Integer.class, text)).isEqualTo(1);
        mvc.perform(get("/inbox").session(DemoUsers.login(mvc, "health.supervisor"))).andExpect(status().isOk());
    }

    /** The server ends the transaction's backend, as when it restarts or an administrator kills it. */
    void killTheConnectionOfThisTransaction() {
        int pid = jdbc.queryForObject("select pg_backend_pid()", Integer.class);
        try (Connection admin = DriverManager.getConnection(System.getProperty("spring.datasource.url"),
                System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
             var killed = admin.createStatement().executeQuery("select pg_terminate_backend(" + pid + ")")) {
            assertThat(killed.next() && killed.getBoolean(1)).as("backend terminated").isTrue();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void storageThatCannotTakeAnAttachmentGivesAClearMessageAndKeepsNothing() throws Exception {
        long task = task("II.5.b").getId();
        var reporter = DemoUsers.login(mvc, "health.supervisor");
        String location = mvc.perform(post("/reports/open").param("task", String.valueOf(task)).param("period", "2025")
                .session(reporter).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        long report = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        int before = attachments(report);
        int audited = audited(report);
        diskFullOnAttachmentInsert();

        mvc.perform(multipart("/reports/{id}/attachments", report)
                        .file(new MockMultipartFile("file", "bien-ban.pdf", "application/pdf", pdf()))
                        .session(reporter).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("attachmentError", "planning.attachment.error.storage"));
        assertThat(attachments(report)).as("nothing half saved").isEqualTo(before);
        assertThat(audited(report)).as("no audit entry for a file that was not kept").isEqualTo(audited);
        assertThat(messages.getMessage("planning.attachment.error.storage", null, Locale.forLanguageTag("vi")))
                .startsWith("Không lưu được tệp");
        mvc.perform(get("/reports/{id}", report).session(reporter).flashAttr("attachmentError",
                        "planning.attachment.error.storage"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Không lưu được tệp")));

        storageBack();
        mvc.perform(multipart("/reports/{id}/attachments", report)
                        .file(new MockMultipartFile("file", "bien-ban.pdf", "application/pdf", pdf()))
                        .session(reporter).with(csrf()))
                .andExpect(flash().attribute("flash", "planning.attachment.saved"));
        assertThat(attachments(report)).isEqualTo(before + 1);
    }

    /** The error the database gives when its disk is full (SQL state 53100), raised on every insert of an attachment. */
    void diskFullOnAttachmentInsert() {
        if (TestDatabase.isPostgres()) {
            jdbc.execute("""
                    create or replace function report_attachment_disk_full() returns trigger language plpgsql as $$
                    begin
                      raise exception 'could not extend file: No space left on device' using errcode = 'disk_full';
                    end $$""");
            jdbc.execute("create trigger report_attachment_disk_full before insert on report_attachment "
                    + "for each row execute function report_attachment_disk_full()");
        } else {
            jdbc.execute("create trigger report_attachment_disk_full before insert on report_attachment for each row "
                    + "call \"" + DiskFull.class.getName() + "\"");
        }
    }

    /** H2's form of the same trigger. */
    public static class DiskFull implements Trigger {
        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("could not extend file: No space left on device", "53100");
        }
    }

    @Test
    void anSmtpServerThatIsDownLeavesTheReminderInTheInboxAndLogsNoAddress() throws Exception {
        assertThatThrownBy(() -> {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", TestMail.PORT), 1000);
            }
        }).as("no SMTP server").isInstanceOf(ConnectException.class);
        String text = "Máy chủ thư không chạy " + System.nanoTime();
        long reminder = planning.urge(user("police.coordinator"), task("II.5.a").getId(), Period.parse("2025-H2"), "SYT",
                text).getId();

        Path log = Path.of("target/test-logs/childguard-" + System.getProperty("childguard.test.database", "h2") + ".log");
        String warning = "Reminder " + reminder + " not e-mailed to agency SYT: ";
        // the mailer runs after the commit on the event executor, behind whatever else is queued there
        await().atMost(Duration.ofMinutes(2)).until(() -> read(log).contains(warning));
        String line = read(log).lines().filter(l -> l.contains(warning)).findFirst().orElseThrow();
        assertThat(line).as("the cause's class only, no address").doesNotContain("@").contains("Exception");

        assertThat(planning.inbox(user("health.supervisor"))).anySatisfy(r -> assertThat(r.getId()).isEqualTo(reminder));
        assertThat(jdbc.queryForObject("select emailed_at from reminder where id = ?", java.time.OffsetDateTime.class,
                reminder)).as("marked as not e-mailed").isNull();
        await().atMost(Duration.ofMinutes(2)).until(() -> jdbc.queryForObject("select count(*) from event_publication "
                + "where event_type = ? and serialized_event like ? and completion_date is not null", Integer.class,
                ReminderSent.class.getName(), "%\"reminderId\":" + reminder + "}%") == 1);
    }

    int reminderEvents() {
        return jdbc.queryForObject("select count(*) from event_publication where event_type = ?", Integer.class,
                ReminderSent.class.getName());
    }

    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    static byte[] pdf() {
        return "%PDF-1.4 biên bản".getBytes(StandardCharsets.UTF_8);
    }

    int attachments(long report) {
        return jdbc.queryForObject("select count(*) from report_attachment where report_id = ?", Integer.class, report);
    }

    int audited(long report) {
        return jdbc.queryForObject("select count(*) from audit_event where entity_type = 'report_attachment' "
                + "and details = ?", Integer.class, "report " + report);
    }

    PlanTask task(String code) {
        var plan = planning.plans().stream().filter(p -> p.getCode().equals("113/KH-UBND")).findFirst().orElseThrow();
        return plan.getTasks().stream().filter(t -> t.getCode().equals(code)).findFirst().orElseThrow();
    }

    CurrentUser user(String username) {
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
}
