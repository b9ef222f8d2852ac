package vn.childguard.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sliding-window limit per key (a client address): at most {@code limit} events in any
 * {@code window}. In memory, so it holds per node; keys whose events have all expired are dropped
 * while counting, keeping the map small under a burst from many addresses.
 */
public class RateLimiter {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a limit needs at least one event in a positive window");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts an event for the key and says whether it is within the limit; a refused event is not counted. */
    public boolean tryAcquire(String key) {
        Instant now = clock.instant();
        Instant oldest = now.minus(window);
        if (events.size() > 10_000) {
            sweep(oldest);
        }
        Deque<Instant> times = events.computeIfAbsent(key == null ? "?" : key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    /**
     * Whether one more event for the key would be within the limit, without counting it: for limits on
     * failures, checked before the attempt and counted ({@link #record}) only when it fails.
     */
    public boolean allows(String key) {
        Deque<Instant> times = events.get(key == null ? "?" : key);
        if (times == null) {
            return true;
        }
        Instant oldest = clock.instant().minus(window);
        synchronized (times) {
            return times.stream().filter(t -> t.isAfter(oldest)).count() < limit;
        }
    }

    /** Counts an event for the key whatever the limit. */
    public void record(String key) {
        Instant now = clock.instant();
        Instant oldest = now.minus(window);
        if (events.size() > 10_000) {
            sweep(oldest);
        }
        Deque<Instant> times = events.computeIfAbsent(key == null ? "?" : key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
                times.pollFirst();
            }
            times.addLast(now);
        }
    }

    /** Forgets every key (for tests, and for an administrator after a false alarm). */
    public void reset() {
        events.clear();
    }

    private void sweep(Instant oldest) {
        for (Iterator<Map.Entry<String, Deque<Instant>>> it = events.entrySet().iterator(); it.hasNext(); ) {
            Deque<Instant> times = it.next().getValue();
            synchronized (times) {
                if (times.isEmpty() || !times.peekLast().isAfter(oldest)) {
                    it.remove();
                }
            }
        }
    }
}
