package vn.childguard.planning.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code childguard.planning.*}: when automatic reminders go out and who they come from.
 *
 * @param remindDaysBefore days before a due date on which a reminder goes out (e.g. 7 and 1)
 * @param overdueEvery     how often an overdue report is reminded again, counted from the day after the due date
 * @param reminderCron     when the reminder job runs, in Vietnam time ({@code -} switches it off)
 * @param mailFrom         sender address of reminder e-mails
 */
@ConfigurationProperties("childguard.planning")
public record PlanningSettings(List<Integer> remindDaysBefore, Duration overdueEvery, String reminderCron,
                               String mailFrom) {

    public PlanningSettings {
        remindDaysBefore = remindDaysBefore == null ? List.of(7, 1) : List.copyOf(remindDaysBefore);
        overdueEvery = overdueEvery == null ? Duration.ofDays(7) : overdueEvery;
        reminderCron = reminderCron == null ? "0 0 7 * * *" : reminderCron;
        mailFrom = mailFrom == null ? "childguard@localhost" : mailFrom;
        if (remindDaysBefore.stream().anyMatch(d -> d == null || d < 1)) {
            throw new IllegalArgumentException("childguard.planning.remind-days-before must be positive day counts");
        }
        if (overdueEvery.toDays() < 1) {
            throw new IllegalArgumentException("childguard.planning.overdue-every must be at least one day");
        }
    }

    /** The defaults: 7 and 1 days before, weekly while overdue, 07:00 every day. */
    public static PlanningSettings defaults() {
        return new PlanningSettings(null, null, null, null);
    }
}
