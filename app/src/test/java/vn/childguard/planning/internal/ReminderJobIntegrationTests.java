package vn.childguard.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.planning.Period;
import vn.childguard.planning.TaskStatus;
import vn.childguard.test.ChildGuardIntegrationTest;

/**
 * The daily reminder job on Plan 113's first half of 2025 (report due 15/07/2025), run for chosen
 * days. No SMTP server listens here, so it also shows that a failed e-mail leaves the reminders alone.
 */
@ChildGuardIntegrationTest
class ReminderJobIntegrationTests {

    static final Period PERIOD = Period.parse("2025-H1");
    static final String ACCEPTED_TASK = "II.5.a";

    @Autowired
    ReminderJob job;
    @Autowired
    PlanningService planning;
    @Autowired
    JdbcTemplate jdbc;

    Plan plan;
    LocalDate due;

    @BeforeEach
    void acceptOneReport() {
        plan = RemindersTestSupport.plan113(planning);
        PlanTask task = RemindersTestSupport.task(plan, ACCEPTED_TASK);
        due = planning.due(plan, task, PERIOD);
        var cell = planning.matrix(plan.getId(), PERIOD).cell("SYT", task.getId());
        if (cell.status() == TaskStatus.DONE_ON_TIME || cell.status() == TaskStatus.DONE_LATE) {
            return;
        }
        CurrentUser reporter = RemindersTestSupport.user(jdbc, "health.supervisor");
        CurrentUser coordinator = RemindersTestSupport.user(jdbc, "police.coordinator");
        ProgressReport draft = planning.openReport(reporter, task.getId(), PERIOD);
        ProgressReport saved = planning.save(reporter, draft.getId(), draft.getVersion(),
                "Đã hỗ trợ nạn nhân theo kế hoạch.", Map.of());
        ProgressReport submitted = planning.submit(reporter, saved.getId(), saved.getVersion());
        planning.accept(coordinator, submitted.getId());
    }

    /** Cells of the period whose report is not accepted: each gets one reminder on a reminder day. */
    int openCells() {
        var matrix = planning.matrix(plan.getId(), PERIOD);
        return (int) matrix.cells().values().stream().flatMap(row -> row.values().stream())
                .filter(c -> c.status() != TaskStatus.DONE_ON_TIME && c.status() != TaskStatus.DONE_LATE)
                .count();
    }

    /**
     * Runs the job for the day and returns how many reminders it recorded for {@link #PERIOD}; older
     * periods may be reminded on the same day too (weekly while overdue, up to a year back).
     */
    long sendDue(LocalDate day) {
        long before = inPeriod();
        job.sendDue(day);
        return inPeriod() - before;
    }

    long inPeriod() {
        return jdbc.queryForObject("select count(*) from reminder where period_code = ? and kind <> 'URGE'",
                Long.class, PERIOD.code());
    }

    long reminders(String kind, String taskCode, String agencyCode) {
        return jdbc.queryForObject("""
                select count(*) from reminder r join plan_task t on t.id = r.task_id
                where r.kind = ? and r.period_code = ? and t.code = ? and r.agency_code = ?""", Long.class,
                kind, PERIOD.code(), taskCode, agencyCode);
    }

    @Test
    void remindsUnreportedCellsSevenAndOneDaysBeforeTheDueDateButNotAnAcceptedReportAndOnlyOnceADay() {
        int open = openCells();
        assertThat(due).isEqualTo(LocalDate.of(2025, 7, 15));
        assertThat(open).isPositive();

        assertThat(sendDue(due.minusDays(7))).isEqualTo(open);
        assertThat(job.sendDue(due.minusDays(7))).as("the same day again, for any period").isZero();
        assertThat(sendDue(due.minusDays(4))).as("not a reminder day").isZero();
        assertThat(sendDue(due.minusDays(1))).isEqualTo(open);
        assertThat(job.sendDue(due.minusDays(1))).as("the same day again, for any period").isZero();

        assertThat(reminders("BEFORE_DUE", ACCEPTED_TASK, "SYT")).as("accepted report").isZero();
        assertThat(reminders("BEFORE_DUE", "II.6", "SYT")).isEqualTo(2);
        String message = jdbc.queryForObject("""
                select r.message from reminder r join plan_task t on t.id = r.task_id
                where r.kind = 'BEFORE_DUE' and r.period_code = ? and t.code = 'II.6' and r.agency_code = 'SYT'
                order by r.sent_at limit 1""", String.class, PERIOD.code());
        assertThat(message).contains("113/KH-UBND", "II.6", "6 tháng đầu năm 2025", "15/07/2025", "còn 7 ngày");
        assertThat(jdbc.queryForObject("select distinct sent_by from reminder where kind = 'BEFORE_DUE'",
                String.class)).isEqualTo("system");
    }

    @Test
    void remindsTheDayAfterTheDueDateAndWeeklyWhileOverdueAndKeepsThemWhenMailFails() {
        int open = openCells();
        assertThat(sendDue(due)).as("the due date itself").isZero();
        assertThat(sendDue(due.plusDays(1))).isEqualTo(open);
        assertThat(job.sendDue(due.plusDays(1))).as("the same day again, for any period").isZero();
        assertThat(sendDue(due.plusDays(2))).isZero();
        assertThat(sendDue(due.plusDays(8))).isEqualTo(open);

        assertThat(reminders("OVERDUE", ACCEPTED_TASK, "SYT")).as("accepted report").isZero();
        assertThat(reminders("OVERDUE", "II.6", "SGDDT")).isEqualTo(2);
        List<String> messages = jdbc.queryForList("""
                select r.message from reminder r join plan_task t on t.id = r.task_id
                where r.kind = 'OVERDUE' and r.period_code = ? and t.code = 'II.6' and r.agency_code = 'SGDDT'
                order by r.sent_at""", String.class, PERIOD.code());
        assertThat(messages.getFirst()).contains("quá hạn", "113/KH-UBND", "15/07/2025", "đã quá 1 ngày");
        assertThat(messages.getLast()).contains("đã quá 8 ngày");

        // no SMTP server listens in this class: a failed e-mail leaves the reminders in the inbox
        // the mailer has handled every event once no publication is left incomplete
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null and event_type like ?",
                Long.class, "%ReminderSent") == 0);
        assertThat(jdbc.queryForObject("""
                select count(*) from reminder where kind = 'OVERDUE' and period_code = ? and emailed_at is not null""",
                Long.class, PERIOD.code())).as("not e-mailed").isZero();
        CurrentUser reporter = RemindersTestSupport.user(jdbc, "health.supervisor");
        assertThat(planning.inbox(reporter)).anySatisfy(r -> {
            assertThat(r.getKind()).isEqualTo(Reminder.Kind.OVERDUE);
            assertThat(r.getPeriodCode()).isEqualTo(PERIOD.code());
        });
    }
}
