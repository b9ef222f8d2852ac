package vn.childguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childguard.test.Api;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

@ChildGuardIntegrationTest
class AuditVerifyApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void auditorVerifiesTheChainFindsATamperedRowAndEachCheckIsAudited() throws Exception {
        String token = api.token("auditor", DemoUsers.PASSWORD);
        int verificationsBefore = audit.latest(List.of(AuditLog.Actions.VERIFY), 1_000).size();

        var intact = api.post("/api/v1/audit/verify", Map.of(), token);
        assertThat(intact.status()).isEqualTo(200);
        assertThat(intact.body().get("ok").asBoolean()).isTrue();
        assertThat(intact.body().get("checked").asLong()).isPositive();
        assertThat(intact.body().get("firstBrokenId").isNull()).isTrue();

        AuditEvent row = audit.record(new AuditEntry("api.tester", null, AuditLog.Actions.READ, "agency", "8",
                "check", AuditEntry.Outcome.SUCCESS, "127.0.0.1", null));
        jdbc.update("update audit_event set purpose = 'edited' where id = ?", row.id());
        try {
            var broken = api.post("/api/v1/audit/verify", Map.of(), token);
            assertThat(broken.status()).isEqualTo(200);
            assertThat(broken.body().get("ok").asBoolean()).isFalse();
            assertThat(broken.body().get("firstBrokenId").asLong()).isEqualTo(row.id());
        } finally {
            jdbc.update("update audit_event set purpose = 'check' where id = ?", row.id());
        }

        List<AuditEvent> verifications = audit.latest(List.of(AuditLog.Actions.VERIFY), 1_000);
        assertThat(verifications).hasSize(verificationsBefore + 2);
        assertThat(verifications.getFirst().actor()).isEqualTo("auditor");
        assertThat(verifications.getFirst().details()).contains("channel=api", "ok=false", "firstBrokenId=" + row.id());
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void leaderGetsA403Problem() throws Exception {
        var refused = api.post("/api/v1/audit/verify", Map.of(), api.token("leader", DemoUsers.PASSWORD));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }
}
