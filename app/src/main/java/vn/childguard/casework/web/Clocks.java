package vn.childguard.casework.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Remaining or overdue time of a deadline, as the pages show it: days, hours and minutes. */
public record Clocks(Clock clock) {

    /** Whole minutes from now to the instant; negative when it is past. */
    public long minutesTo(Instant due) {
        return Duration.between(clock.instant(), due).toMinutes();
    }

    public long days(long minutes) {
        return Math.abs(minutes) / (60 * 24);
    }

    public long hours(long minutes) {
        return Math.abs(minutes) % (60 * 24) / 60;
    }

    public long mins(long minutes) {
        return Math.abs(minutes) % 60;
    }
}
