package vn.childguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.test.ChildGuardIntegrationTest;

@ChildGuardIntegrationTest
class AuditChainIntegrationTests {

    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;

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
