package vn.childguard.casework;

/** How a deadline stands at a moment. */
public enum DeadlineStatus {
    OPEN,
    DUE_TODAY,
    OVERDUE,
    MET,
    WAIVED
}
