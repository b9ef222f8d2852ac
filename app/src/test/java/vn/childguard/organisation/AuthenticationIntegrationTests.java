package vn.childguard.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.test.Api;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

@ChildGuardIntegrationTest
class AuthenticationIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    AuditLog audit;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    vn.childguard.organisation.internal.UserAdministration users;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void everyDemoAccountGetsATokenAndSeesItselfThroughMe() throws Exception {
        for (String username : DemoUsers.ALL) {
            var issued = api.post("/api/v1/auth/token", Map.of("username", username, "password", DemoUsers.PASSWORD), null);
            assertThat(issued.status()).as(username).isEqualTo(200);
            assertThat(issued.body().get("expiresAt").asString()).isNotBlank();

            var me = api.get("/api/v1/me", issued.body().get("token").asString());
            assertThat(me.status()).as(username).isEqualTo(200);
            assertThat(me.body().get("username").asString()).isEqualTo(username);
            assertThat(me.body().get("agency").get("code").asString()).isNotBlank();
            assertThat(me.body().get("jurisdiction").asString()).isNotBlank();
            assertThat(me.body().get("roles").size()).as(username).isPositive();
        }
    }

    @Test
    void meKnowsTheCoordinatorsAgencyAndRoles() throws Exception {
        var me = api.get("/api/v1/me", api.token("police.coordinator", DemoUsers.PASSWORD));
        assertThat(me.body().get("agency").get("code").asString()).isEqualTo("CA-TINH");
        assertThat(me.body().get("jurisdiction").asString()).isEqualTo("80");
        assertThat(me.body().get("roles").toString()).contains("PLAN_COORDINATOR");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401ProblemAndAreAudited() throws Exception {
        var wrong = api.post("/api/v1/auth/token", Map.of("username", "leader", "password", "not-it"), null);
        var unknown = api.post("/api/v1/auth/token", Map.of("username", "nobody.here", "password", "not-it"), null);

        for (var response : java.util.List.of(wrong, unknown)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().get("status").asInt()).isEqualTo(401);
        }
        assertThat(wrong.body().get("detail")).isEqualTo(unknown.body().get("detail"));
        var failures = audit.search(new AuditLog.Filter("nobody.here", null, null, AuditLog.Actions.LOGIN_FAILED,
                null, null), PageRequest.of(0, 10));
        assertThat(failures.getContent()).hasSize(1)
                .allSatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.FAILURE));
    }

    @Test
    void meWithoutOrWithABadTokenIs401Problem() throws Exception {
        assertThat(api.get("/api/v1/me", null).status()).isEqualTo(401);
        var bad = api.get("/api/v1/me", "made-up-token");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aRevokedTokenNoLongerWorks() throws Exception {
        String token = api.token("comms.officer", DemoUsers.PASSWORD);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/auth/token", token).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
    }

    /** Verified tokens are remembered for a few seconds; disabling the account forgets them at once on this node. */
    @Test
    void aDisabledAccountsTokenNoLongerWorks() throws Exception {
        String token = api.token("education.officer", DemoUsers.PASSWORD);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        long id = jdbc.queryForObject("select id from app_user where username = 'education.officer'", Long.class);
        var admin = new CurrentUser(0, "admin", "admin", 0, "UBND-TINH", "", "", "80", java.util.Set.of(Role.SYSTEM_ADMIN));
        try {
            users.setEnabled(admin, id, false);
            assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
        } finally {
            // the context is shared: later tests sign in as this user
            users.setEnabled(admin, id, true);
        }
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
    }

    @Test
    void fiveBadPasswordsLockTheAccountEvenForTheRightPassword() throws Exception {
        String username = "hotline.operator";
        try {
            lockOut(username);
        } finally {
            // the context is shared: later tests sign in as this user
            jdbc.update("update app_user set locked_until = null, failed_logins = 0 where username = ?", username);
        }
        assertThat(api.post("/api/v1/auth/token", Map.of("username", username, "password", DemoUsers.PASSWORD), null)
                .status()).isEqualTo(200);
    }

    void lockOut(String username) throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/auth/token", Map.of("username", username, "password", "wrong-" + i), null)
                    .status()).isEqualTo(401);
        }
        var locked = api.post("/api/v1/auth/token", Map.of("username", username, "password", DemoUsers.PASSWORD), null);
        assertThat(locked.status()).isEqualTo(401);

        var lockouts = audit.search(new AuditLog.Filter(username, null, null, AuditLog.Actions.LOCKOUT, null, null),
                PageRequest.of(0, 10));
        assertThat(lockouts.getTotalElements()).isEqualTo(1);
        assertThat(audit.search(new AuditLog.Filter(username, null, null, AuditLog.Actions.LOGIN_FAILED, null, null),
                PageRequest.of(0, 10)).getTotalElements()).isEqualTo(6);
    }

    @Test
    void issuedTokensAreAudited() throws Exception {
        api.token("teacher", DemoUsers.PASSWORD);
        var issued = audit.search(new AuditLog.Filter("teacher", null, null, AuditLog.Actions.TOKEN_ISSUED, null, null),
                PageRequest.of(0, 10));
        assertThat(issued.getContent()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.agencyCode()).isEqualTo("THPT-TAYNINH"));
    }
}
