package vn.childguard.planning;

/**
 * A reminder was recorded for an agency (automatic or a coordinator's urging). Published inside the
 * transaction that saved it; listeners see it only after that transaction commits.
 */
public record ReminderSent(long reminderId) {
}
