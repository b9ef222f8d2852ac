package vn.childguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childguard.test.ChildGuardIntegrationTest;

/**
 * Every connection of the application's pool is held by a read-only transaction that then records a
 * read, as when as many people open a list page at once as there are connections. Each audit row needs
 * a transaction of its own; taken from the same pool, every request waited for a connection none would
 * give back until the pool's time-out (seen in the load test). The audit log's own pool lets all finish.
 */
@ChildGuardIntegrationTest
class AuditUnderFullPoolIntegrationTests {

    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void readsAreAuditedWhenEveryConnectionOfTheApplicationIsTaken() throws Exception {
        int connections = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        String marker = "full pool " + UUID.randomUUID();
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        CyclicBarrier allHoldAConnection = new CyclicBarrier(connections);
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                String entity = String.valueOf(i);
                done.add(threads.submit(() -> readOnly.executeWithoutResult(status -> {
                    jdbc.queryForObject("select count(*) from audit_chain_head", Long.class);
                    await(allHoldAConnection);
                    audit.record(new AuditEntry("tester", "CA-TINH", AuditLog.Actions.READ, "agency", entity, marker,
                            AuditEntry.Outcome.SUCCESS, "127.0.0.1", null));
                })));
            }
            for (Future<?> f : done) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where purpose = ?", Long.class, marker))
                .isEqualTo(connections);
        assertThat(audit.verify().ok()).isTrue();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("not every thread got a connection", e);
        }
    }
}
