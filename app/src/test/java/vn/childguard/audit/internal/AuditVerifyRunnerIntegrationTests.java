package vn.childguard.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditEvent;
import vn.childguard.audit.AuditLog;
import vn.childguard.test.ChildGuardIntegrationTest;

@ChildGuardIntegrationTest
class AuditVerifyRunnerIntegrationTests {

    @Autowired
    AuditVerification verification;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;

    final List<Integer> exits = new ArrayList<>();
    AuditVerifyRunner runner;

    @BeforeEach
    void runnerThatRemembersInsteadOfExiting() {
        runner = new AuditVerifyRunner(verification, exits::add);
    }

    @Test
    void doesNothingWithoutTheOption() {
        long before = commandLineVerifications();
        runner.run(new DefaultApplicationArguments());
        runner.run(new DefaultApplicationArguments("--server.port=0", "verify-audit"));
        assertThat(exits).isEmpty();
        assertThat(commandLineVerifications()).isEqualTo(before);
    }

    @Test
    void exitsWithZeroWhenTheChainIsIntactAndRecordsTheCheck() {
        long before = commandLineVerifications();
        runner.run(new DefaultApplicationArguments("--verify-audit"));
        assertThat(exits).containsExactly(0);
        assertThat(commandLineVerifications()).isEqualTo(before + 1);
    }

    @Test
    void exitsWithOneWhenARowWasTampered() {
        AuditEvent row = audit.record(new AuditEntry("runner.tester", null, AuditLog.Actions.READ, "agency", "7",
                null, AuditEntry.Outcome.SUCCESS, "127.0.0.1", null));
        jdbc.update("update audit_event set outcome = 'DENIED' where id = ?", row.id());
        try {
            assertThat(runner.exitCode(new DefaultApplicationArguments("--verify-audit"))).hasValue(1);
        } finally {
            jdbc.update("update audit_event set outcome = 'SUCCESS' where id = ?", row.id());
        }
        assertThat(runner.exitCode(new DefaultApplicationArguments("--verify-audit"))).hasValue(0);
    }

    private long commandLineVerifications() {
        return audit.search(new AuditLog.Filter("system", null, null, AuditLog.Actions.VERIFY, null, null),
                PageRequest.of(0, 1)).getTotalElements();
    }
}
