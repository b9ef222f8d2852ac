package vn.childguard.trafficking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.childguard.casework.DeadlineStatus;

class VerificationClockTests {

    final VerificationClock clock = new VerificationClock(3, VerificationClock.VIETNAM);

    @Test
    void verificationIsDueThreeCalendarDaysAfterReceptionEvenOverAWeekend() {
        // received Friday 16:00 in Viet Nam: due Monday 16:00, weekends count
        Instant received = Instant.parse("2026-03-06T09:00:00Z");
        assertThat(clock.dueAt(received)).isEqualTo(Instant.parse("2026-03-09T09:00:00Z"));
    }

    @Test
    void theClockIsOpenThenDueTodayThenOverdueAndMetStopsIt() {
        Instant received = Instant.parse("2026-03-06T09:00:00Z");
        Instant due = clock.dueAt(received);
        assertThat(clock.status(due, null, Instant.parse("2026-03-07T09:00:00Z"))).isEqualTo(DeadlineStatus.OPEN);
        assertThat(clock.status(due, null, Instant.parse("2026-03-09T01:00:00Z"))).isEqualTo(DeadlineStatus.DUE_TODAY);
        assertThat(clock.status(due, null, due)).isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(clock.status(due, Instant.parse("2026-03-08T00:00:00Z"), due.plusSeconds(3600)))
                .isEqualTo(DeadlineStatus.MET);
        assertThat(clock.inTime(received, Instant.parse("2026-03-09T08:59:00Z"))).isTrue();
        assertThat(clock.inTime(received, Instant.parse("2026-03-09T09:01:00Z"))).isFalse();
    }
}
