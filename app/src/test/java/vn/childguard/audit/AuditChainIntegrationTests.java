package vn.childguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childguard.test.ChildGuardIntegrationTest;

@ChildGuardIntegrationTest
class AuditChainIntegrationTests {

    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    /**
     * Writers in parallel transactions chain one after another: each append holds the chain head until
     * its transaction commits (here a few milliseconds after the append), so no two rows share a
     * previous hash and the chain verifies.
     */
    @Test
    void parallelWritersChainOneAfterAnother() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        int threads = 4;
        int each = 10;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(threads);
        List<Future<List<AuditEvent>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<AuditEvent> written = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        int n = i;
                        written.add(tx.execute(status -> {
                            AuditEvent e = audit.record(new AuditEntry("tester", null, AuditLog.Actions.READ, "agency",
                                    "parallel-" + thread + "-" + n, null, AuditEntry.Outcome.SUCCESS, null, null));
                            try {
                                // hold the transaction, and the chain head, a moment so that writers overlap
                                Thread.sleep(3);
                            } catch (InterruptedException interrupted) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException(interrupted);
                            }
                            return e;
                        }));
                    }
                    return written;
                }));
            }
            start.countDown();
            List<AuditEvent> all = new ArrayList<>();
            for (var r : results) {
                all.addAll(r.get(60, TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(threads * each);
            assertThat(all.stream().map(AuditEvent::prevHash).distinct().count()).isEqualTo(threads * each);
            assertThat(audit.verify().ok()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void verifyFindsTheFirstTamperedRowAndPassesOnceRestored() {
        AuditEvent first = audit.record(new AuditEntry("tester", "CA-TINH", AuditLog.Actions.READ, "agency", "1",
                "tamper test", AuditEntry.Outcome.SUCCESS, "127.0.0.1", null));
        audit.record(new AuditEntry("tester", "CA-TINH", AuditLog.Actions.READ, "agency", "2", null,
                AuditEntry.Outcome.SUCCESS, "127.0.0.1", null));
        assertThat(audit.verify().ok()).isTrue();

        jdbc.update("update audit_event set entity_id = '99' where id = ?", first.id());
        try {
            AuditLog.Verification broken = audit.verify();
            assertThat(broken.ok()).isFalse();
            assertThat(broken.firstBrokenId()).isEqualTo(first.id());
        } finally {
            jdbc.update("update audit_event set entity_id = '1' where id = ?", first.id());
        }
        AuditLog.Verification restored = audit.verify();
        assertThat(restored.ok()).isTrue();
        assertThat(restored.checked()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void verifyDetectsADeletedRowInTheMiddleOfTheChain() {
        audit.record(new AuditEntry("tester", null, AuditLog.Actions.READ, "agency", "3", null,
                AuditEntry.Outcome.SUCCESS, null, null));
        AuditEvent middle = audit.record(new AuditEntry("tester", null, AuditLog.Actions.READ, "agency", "4", null,
                AuditEntry.Outcome.SUCCESS, null, null));
        AuditEvent after = audit.record(new AuditEntry("tester", null, AuditLog.Actions.READ, "agency", "5", null,
                AuditEntry.Outcome.SUCCESS, null, null));
        var saved = jdbc.queryForMap("select * from audit_event where id = ?", middle.id());
        jdbc.update("delete from audit_event where id = ?", middle.id());
        try {
            AuditLog.Verification broken = audit.verify();
            assertThat(broken.ok()).isFalse();
            assertThat(broken.firstBrokenId()).isEqualTo(after.id());
        } finally {
            jdbc.update("insert into audit_event (id, occurred_at, actor, agency_code, action, entity_type, entity_id, "
                            + "purpose, outcome, client_address, details, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    saved.get("id"), saved.get("occurred_at"), saved.get("actor"), saved.get("agency_code"),
                    saved.get("action"), saved.get("entity_type"), saved.get("entity_id"), saved.get("purpose"),
                    saved.get("outcome"), saved.get("client_address"), saved.get("details"), saved.get("prev_hash"),
                    saved.get("hash"));
        }
        assertThat(audit.verify().ok()).isTrue();
    }
}
