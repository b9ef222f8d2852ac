package vn.childguard.privacy.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** How a legal clock stands: running, due within the day, overdue, met in time or met late. */
public enum ClockStatus {
    OPEN,
    DUE_TODAY,
    OVERDUE,
    MET,
    MET_LATE;

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A clock in days: due by the end of {@code due} (Vietnam time). */
    static ClockStatus ofDay(LocalDate due, Instant metAt, Instant now) {
        if (metAt != null) {
            return LocalDate.ofInstant(metAt, VIETNAM).isAfter(due) ? MET_LATE : MET;
        }
        LocalDate today = LocalDate.ofInstant(now, VIETNAM);
        return today.isAfter(due) ? OVERDUE : today.equals(due) ? DUE_TODAY : OPEN;
    }

    /** A clock in hours: due at {@code due}; "due today" in its last 24 hours. */
    static ClockStatus ofInstant(Instant due, Instant metAt, Instant now) {
        if (metAt != null) {
            return metAt.isAfter(due) ? MET_LATE : MET;
        }
        return now.isAfter(due) ? OVERDUE : Duration.between(now, due).toHours() < 24 ? DUE_TODAY : OPEN;
    }

    public boolean overdue() {
        return this == OVERDUE;
    }
}
