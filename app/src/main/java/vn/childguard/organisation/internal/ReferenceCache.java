package vn.childguard.organisation.internal;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value built from reference tables (units, agencies), kept for a while. Reference data changes
 * rarely but is consulted for every case of a list, so reading it per call made lists of a province's
 * cases take seconds. Another node's change is seen within the time to live; a change on this node is
 * forgotten at once and again when its transaction ends, so nothing read uncommitted stays.
 */
final class ReferenceCache<T> {

    private record Held<T>(T value, long expiresAtNanos) {
    }

    private final Supplier<T> loader;
    private final long ttlNanos;
    private volatile Held<T> held;

    ReferenceCache(Supplier<T> loader, Duration ttl) {
        this.loader = loader;
        this.ttlNanos = ttl.toNanos();
    }

    T get() {
        Held<T> current = held;
        long now = System.nanoTime();
        if (current == null || now - current.expiresAtNanos() > 0) {
            current = new Held<>(loader.get(), now + ttlNanos);
            held = current;
        }
        return current.value();
    }

    /** Forgets the value now and, inside a transaction, again when it ends (committed or not). */
    void forget() {
        held = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    held = null;
                }
            });
        }
    }
}
