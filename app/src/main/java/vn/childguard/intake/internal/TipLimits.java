package vn.childguard.intake.internal;

import java.time.Clock;
import org.springframework.stereotype.Component;
import vn.childguard.shared.RateLimiter;

/**
 * The per-address limits of the public tip form and its API: submissions and status look-ups are
 * counted separately (a look-up must not use up a submission). In memory: per node.
 */
@Component
public class TipLimits {

    /** The client sent more than its share; answered with 429. */
    public static class TooManyRequests extends RuntimeException {
        public TooManyRequests() {
            super("rate limit");
        }
    }

    private final RateLimiter submissions;
    private final RateLimiter lookups;

    TipLimits(IntakeSettings settings, Clock clock) {
        this.submissions = new RateLimiter(settings.tipSubmissions(), settings.tipWindow(), clock);
        this.lookups = new RateLimiter(settings.tipLookups(), settings.tipWindow(), clock);
    }

    public void submission(String clientAddress) {
        if (!submissions.tryAcquire(clientAddress)) {
            throw new TooManyRequests();
        }
    }

    public void lookup(String clientAddress) {
        if (!lookups.tryAcquire(clientAddress)) {
            throw new TooManyRequests();
        }
    }

    /** Forgets all counts (tests share one application context). */
    public void reset() {
        submissions.reset();
        lookups.reset();
    }
}
