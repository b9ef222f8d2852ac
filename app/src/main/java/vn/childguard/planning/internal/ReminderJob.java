package vn.childguard.planning.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.AgencyRef;
import vn.childguard.planning.Period;
import vn.childguard.planning.ReminderSent;
import vn.childguard.planning.TaskStatus;

/**
 * Sends the automatic reminders once a day, on one node of the cluster (ShedLock): before the due
 * date and repeatedly while overdue, to every reporting agency that has not had its report accepted.
 * Days follow {@link ReminderSchedule}; only due dates within the last year are considered.
 */
@Component
public class ReminderJob {

    /** Who automatic reminders are from. */
    public static final String SYSTEM = "system";

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final PlanningService planning;
    private final ReminderRepository reminders;
    private final ReminderSchedule schedule;
    private final ReminderTexts texts;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReminderJob(PlanningService planning, ReminderRepository reminders, PlanningSettings settings, ReminderTexts texts,
                ApplicationEventPublisher events, AuditLog audit, PlatformTransactionManager transactions,
                Clock clock) {
        this.planning = planning;
        this.reminders = reminders;
        this.schedule = new ReminderSchedule(settings);
        this.texts = texts;
        this.events = events;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(cron = "${childguard.planning.reminder-cron}", zone = "Asia/Ho_Chi_Minh")
    // held at least a minute so a node whose clock is a few seconds late finds it taken instead of running again
    @SchedulerLock(name = "planning-reminders", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void run() {
        int sent = sendDue(planning.today());
        log.info("Reminder job: {} reminder(s) sent", sent);
    }

    /**
     * Records the reminders due on {@code today} and publishes {@link ReminderSent} for each. Running
     * it again for the same day adds nothing: at most one reminder of a kind per task, period and
     * agency a day.
     *
     * @return how many reminders were created
     */
    public int sendDue(LocalDate today) {
        // one transaction: the events go out only once every reminder of the run is committed
        Integer created = transactions.execute(status -> record(today));
        return created == null ? 0 : created;
    }

    private int record(LocalDate today) {
        // stamped on the day asked for, so a run for another day (tests, a manual catch-up) stays idempotent
        Instant sentAt = today.atTime(LocalTime.now(clock.withZone(PlanningService.VIETNAM)))
                .atZone(PlanningService.VIETNAM).toInstant();
        Instant dayStart = today.atStartOfDay(PlanningService.VIETNAM).toInstant();
        Instant dayEnd = today.plusDays(1).atStartOfDay(PlanningService.VIETNAM).toInstant();
        int created = 0;
        for (Plan plan : planning.plans()) {
            for (Period period : plan.periodsUntil(schedule.lookahead(today))) {
                List<Due> due = dueIn(plan, period, today);
                if (due.isEmpty()) {
                    continue;
                }
                PlanningService.Matrix matrix = planning.matrix(plan.getId(), period);
                for (Due d : due) {
                    for (AgencyRef agency : matrix.agencies()) {
                        PlanningService.Cell cell = matrix.cell(agency.code(), d.task().getId());
                        if (cell == null || isDone(cell.status())
                                || reminders.sentBetween(d.task().getId(), period.code(), agency.code(), d.kind(),
                                dayStart, dayEnd)) {
                            continue;
                        }
                        String message = texts.automatic(d.kind(), plan, d.task(), period, d.date(), today);
                        Reminder reminder = reminders.save(new Reminder(d.task(), period.code(), agency.code(),
                                d.kind(), message, SYSTEM, sentAt));
                        events.publishEvent(new ReminderSent(reminder.getId()));
                        created++;
                    }
                }
            }
        }
        if (created > 0) {
            audit.record(new AuditEntry(SYSTEM, null, "REMIND", "reminder", null, null, AuditEntry.Outcome.SUCCESS,
                    null, created + " automatic reminder(s) for " + today));
        }
        return created;
    }

    private record Due(PlanTask task, LocalDate date, Reminder.Kind kind) {
    }

    private List<Due> dueIn(Plan plan, Period period, LocalDate today) {
        List<Due> due = new ArrayList<>();
        for (PlanTask task : plan.getTasks()) {
            if (!remindsIn(plan, task, period)) {
                continue;
            }
            LocalDate date = planning.due(plan, task, period);
            Optional<Reminder.Kind> kind = schedule.kindOn(date, today);
            kind.ifPresent(k -> due.add(new Due(task, date, k)));
        }
        return due;
    }

    /**
     * A continuous task is reported every period; a one-off task has one due date, shown in every
     * period's matrix, but is reminded only in the shortest scheduled period that contains that date.
     */
    private static boolean remindsIn(Plan plan, PlanTask task, Period period) {
        if (task.getKind() != PlanTask.Kind.ONE_OFF) {
            return true;
        }
        LocalDate date = task.getDueOn();
        return plan.periodsUntil(date).stream()
                .filter(p -> !p.start().isAfter(date) && !p.end().isBefore(date))
                .findFirst()
                .map(period::equals)
                .orElse(false);
    }

    private static boolean isDone(TaskStatus status) {
        return status == TaskStatus.DONE_ON_TIME || status == TaskStatus.DONE_LATE;
    }
}
