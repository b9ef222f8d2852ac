package vn.childguard.trafficking.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import vn.childguard.casework.DeadlineStatus;

/**
 * The initial-verification clock (Law 53/2024 Art. 27 as amended): within a number of calendar days
 * (3) of reception, counted in hours from the moment of reception — not working days.
 */
public record VerificationClock(int days, ZoneId zone) {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public VerificationClock {
        if (days < 1) {
            throw new IllegalArgumentException("days");
        }
    }

    public Instant dueAt(Instant receivedAt) {
        return receivedAt.plus(Duration.ofDays(days));
    }

    public DeadlineStatus status(Instant dueAt, Instant metAt, Instant now) {
        if (metAt != null) {
            return DeadlineStatus.MET;
        }
        if (!now.isBefore(dueAt)) {
            return DeadlineStatus.OVERDUE;
        }
        LocalDate dueDay = dueAt.minusNanos(1).atZone(zone).toLocalDate();
        return dueDay.equals(now.atZone(zone).toLocalDate()) ? DeadlineStatus.DUE_TODAY : DeadlineStatus.OPEN;
    }

    /** Whether verification completed at {@code metAt} was in time. */
    public boolean inTime(Instant receivedAt, Instant metAt) {
        return !metAt.isAfter(dueAt(receivedAt));
    }
}
