package vn.childguard.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RateLimiterTests {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T08:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aLimitOnFailuresIsCheckedWithoutCountingAndCountsOnlyWhatIsRecordedUntilItAgesOut() {
        RateLimiter failures = new RateLimiter(3, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 10; i++) {
            assertThat(failures.allows("10.0.0.1")).isTrue();
        }
        for (int i = 0; i < 3; i++) {
            failures.record("10.0.0.1");
        }
        assertThat(failures.allows("10.0.0.1")).isFalse();
        assertThat(failures.allows("10.0.0.2")).isTrue();
        now.set(now.get().plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertThat(failures.allows("10.0.0.1")).isTrue();
    }

    @Test
    void refusesTheEventAfterTheLimitWithinTheWindowAndCountsAddressesApart() {
        RateLimiter limiter = new RateLimiter(5, Duration.ofMinutes(10), clock);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        }
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.2")).isTrue();
    }

    @Test
    void theWindowSlides() {
        RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(10), clock);
        assertThat(limiter.tryAcquire("a")).isTrue();
        now.set(now.get().plus(Duration.ofMinutes(6)));
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        now.set(now.get().plus(Duration.ofMinutes(5)));
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
    }

    @Test
    void resetForgetsEveryAddress() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(10), clock);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        limiter.reset();
        assertThat(limiter.tryAcquire("a")).isTrue();
    }
}
