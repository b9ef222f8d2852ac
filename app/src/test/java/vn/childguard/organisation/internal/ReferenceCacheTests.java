package vn.childguard.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class ReferenceCacheTests {

    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void aValueIsLoadedOnceWithinItsTimeToLive() {
        ReferenceCache<Integer> cache = new ReferenceCache<>(loads::incrementAndGet, Duration.ofHours(1));
        assertThat(cache.get()).isEqualTo(1);
        assertThat(cache.get()).isEqualTo(1);
        assertThat(loads).hasValue(1);
    }

    @Test
    void anExpiredValueIsLoadedAgain() {
        ReferenceCache<Integer> cache = new ReferenceCache<>(loads::incrementAndGet, Duration.ZERO);
        cache.get();
        assertThat(cache.get()).isEqualTo(2);
    }

    @Test
    void aForgottenValueIsLoadedAgainAndWhatATransactionReadIsForgottenWhenItEnds() {
        ReferenceCache<Integer> cache = new ReferenceCache<>(loads::incrementAndGet, Duration.ofHours(1));
        cache.get();
        TransactionSynchronizationManager.initSynchronization();
        try {
            cache.forget();
            // read inside the writing transaction, maybe uncommitted: must not outlive it
            assertThat(cache.get()).isEqualTo(2);
            TransactionSynchronizationUtils.invokeAfterCompletion(
                    TransactionSynchronizationManager.getSynchronizations(), 1 /* rolled back */);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(cache.get()).isEqualTo(3);
    }
}
