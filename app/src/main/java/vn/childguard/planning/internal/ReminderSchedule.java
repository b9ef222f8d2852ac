package vn.childguard.planning.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * On which days an unfinished report is reminded: exactly on each configured day before its due
 * date, then on the day after the due date and every {@code overdueEvery} days after that.
 * <p>
 * Exact days, not "since the last reminder": a day on which no node runs the job is skipped rather
 * than caught up later, so a restart never sends a burst of late reminders. Due dates more than a
 * year back are ignored ({@link #HORIZON_YEARS}), so a fresh installation that imports Plan 113 with
 * six years of history does not urge every agency about periods nobody will report on any more.
 */
record ReminderSchedule(PlanningSettings settings) {

    /** How far back a due date may lie and still be reminded. */
    public static final int HORIZON_YEARS = 1;

    /** The kind of reminder due on {@code today} for a report due on {@code due}, if any. */
    public Optional<Reminder.Kind> kindOn(LocalDate due, LocalDate today) {
        if (due.isBefore(today.minusYears(HORIZON_YEARS))) {
            return Optional.empty();
        }
        long daysBefore = ChronoUnit.DAYS.between(today, due);
        if (daysBefore > 0) {
            return settings.remindDaysBefore().contains((int) Math.min(daysBefore, Integer.MAX_VALUE))
                    ? Optional.of(Reminder.Kind.BEFORE_DUE) : Optional.empty();
        }
        long daysAfter = -daysBefore;
        if (daysAfter == 0) {
            return Optional.empty();
        }
        return (daysAfter - 1) % settings.overdueEvery().toDays() == 0
                ? Optional.of(Reminder.Kind.OVERDUE) : Optional.empty();
    }

    /** The latest day that may still need a reminder: the due date is at most this far ahead. */
    public LocalDate lookahead(LocalDate today) {
        return today.plusDays(settings.remindDaysBefore().stream().mapToInt(Integer::intValue).max().orElse(0));
    }
}
