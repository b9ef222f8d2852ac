package vn.childguard.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.organisation.Role;
import vn.childguard.planning.Period;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.TestMail;

/** A coordinator's urging reaches the agency's inbox and, through a real SMTP server, its plan reporters. */
@ChildGuardIntegrationTest
class ReminderMailIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = TestMail.server();

    static final String SUPERVISOR = "health.supervisor@demo.childguard.vn";

    @Autowired
    PlanningService planning;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void findsTheEnabledPlanReportersOfAnAgency() {
        assertThat(directory.emailsOf("SYT", Role.PLAN_REPORTER)).containsExactly(SUPERVISOR);
        assertThat(directory.emailsOf("SYT", Role.CASE_WORKER)).containsExactly("health.caseworker@demo.childguard.vn");
        assertThat(directory.emailsOf("NO-SUCH-AGENCY", Role.PLAN_REPORTER)).isEmpty();
    }

    @Test
    void anUrgingReachesTheInboxAndIsMailedToTheAgencysReporters() throws Exception {
        CurrentUser coordinator = RemindersTestSupport.user(jdbc, "police.coordinator");
        Plan plan = RemindersTestSupport.plan113(planning);
        PlanTask task = RemindersTestSupport.task(plan, "II.5.a");
        Period period = Period.parse("2025-H2");

        Reminder urged = planning.urge(coordinator, task.getId(), period, "SYT",
                "Đề nghị Sở Y tế khẩn trương gửi báo cáo kết quả hỗ trợ nạn nhân.");

        CurrentUser reporter = RemindersTestSupport.user(jdbc, "health.supervisor");
        assertThat(planning.inbox(reporter)).anySatisfy(r -> {
            assertThat(r.getId()).isEqualTo(urged.getId());
            assertThat(r.getKind()).isEqualTo(Reminder.Kind.URGE);
            assertThat(r.getSentBy()).isEqualTo("police.coordinator");
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo(SUPERVISOR, "II.5.a").isEmpty());
        MimeMessage mail = mailsTo(SUPERVISOR, "II.5.a").getFirst();
        assertThat(mail.getSubject()).isEqualTo("[ChildGuard] Đôn đốc thực hiện nhiệm vụ II.5.a");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("childguard@localhost");
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .as("one message per recipient").containsExactly(SUPERVISOR);
        String body = ((String) mail.getContent()).strip();
        assertThat(body).contains("Kính gửi: Sở Y tế", "Đề nghị Sở Y tế khẩn trương gửi báo cáo",
                "Kế hoạch: 113/KH-UBND", "Nhiệm vụ: II.5.a", "Kỳ báo cáo: 6 tháng cuối năm 2025",
                "Hạn báo cáo: 15/01/2026", "Người gửi: police.coordinator");

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select emailed_at from reminder where id = ?", java.time.OffsetDateTime.class, urged.getId()) != null);
        assertThat(mailsTo("health.caseworker@demo.childguard.vn", "II.5.a")).as("not a plan reporter").isEmpty();
    }

    List<MimeMessage> mailsTo(String address, String taskCode) throws MessagingException {
        return Arrays.stream(smtp.getReceivedMessagesForDomain(address))
                .filter(m -> subject(m).contains(taskCode))
                .toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
