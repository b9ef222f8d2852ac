package vn.childguard.planning;

import java.time.LocalDate;

/**
 * Where an agency stands on a task for a period. The first four are the statuses officials use
 * (done on time, done late, in progress within the deadline, overdue); a report counts as done once
 * the coordinator accepts it, dated by its submission.
 */
public enum TaskStatus {
    DONE_ON_TIME,
    DONE_LATE,
    IN_PROGRESS,
    OVERDUE,
    NOT_STARTED,
    NOT_DUE;

    /**
     * @param periodStart first day of the period
     * @param due         last day on which a submission is on time
     * @param today       the day of the question
     * @param started     whether any report (draft or later) exists
     * @param doneOn      submission day of the accepted report, or null when none is accepted
     */
    public static TaskStatus of(LocalDate periodStart, LocalDate due, LocalDate today, boolean started,
                                LocalDate doneOn) {
        if (doneOn != null) {
            return doneOn.isAfter(due) ? DONE_LATE : DONE_ON_TIME;
        }
        if (today.isAfter(due)) {
            return OVERDUE;
        }
        if (today.isBefore(periodStart)) {
            return NOT_DUE;
        }
        return started ? IN_PROGRESS : NOT_STARTED;
    }

    /** Bootstrap colour of the status badge; the text label always goes with it. */
    public String colour() {
        return switch (this) {
            case DONE_ON_TIME -> "success";
            case DONE_LATE -> "warning";
            case IN_PROGRESS -> "info";
            case OVERDUE -> "danger";
            case NOT_STARTED -> "secondary";
            case NOT_DUE -> "light";
        };
    }
}
