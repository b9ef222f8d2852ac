package vn.childguard.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

/**
 * Sign-in under attack: credential stuffing from one address is cut off, lockouts end by themselves
 * and one address cannot lock out accounts without end, a TOTP code is good once, and bearer tokens
 * expire and can be revoked. Each test uses its own client addresses (documentation ranges), so the
 * per-address limit never touches the other tests, which all come from 127.0.0.1.
 */
@ChildGuardIntegrationTest
class LoginHardeningIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TotpEnrolment enrolment;
    @Autowired
    UserAccountRepository users;
    @Autowired
    SecuritySettings settings;

    @Test
    void credentialStuffingFromOneAddressIsCutOffWhileOtherAddressesSignInAsUsual() throws Exception {
        String attacker = "203.0.113.7";
        // a list of leaked username/password pairs, none of them right
        for (int i = 0; i < settings.maxFailedLoginsPerAddress(); i++) {
            assertThat(token("stuffed.user." + i, "Leaked-Password-" + i, null, attacker).getStatus()).isEqualTo(401);
        }
        // past the limit even a right pair from that address is refused, on the API and on the form
        assertThat(token("leader", DemoUsers.PASSWORD, null, attacker).getStatus()).isEqualTo(401);
        assertThat(formLogin("leader", DemoUsers.PASSWORD, attacker).getRedirectedUrl()).isEqualTo("/login?error");
        // the same answer as any failure (nothing to enumerate), and the refusal is in the access log
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'LOGIN_FAILED' "
                + "and client_address = ? and details = 'LoginThrottledException'", Integer.class, attacker))
                .isEqualTo(2);

        // everyone else is unaffected
        assertThat(token("leader", DemoUsers.PASSWORD, null, "203.0.113.8").getStatus()).isEqualTo(200);
        assertThat(formLogin("leader", DemoUsers.PASSWORD, "203.0.113.8").getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void oneAddressCannotLockOutAccountsBeyondItsLimitAndEveryLockoutEndsByItself() throws Exception {
        String username = "auditor";
        String attacker = "203.0.113.20";
        try {
            Instant before = Instant.now();
            for (int i = 0; i < settings.maxFailedLogins(); i++) {
                assertThat(token(username, "wrong-" + i, null, attacker).getStatus()).isEqualTo(401);
            }
            Instant lockedUntil = lockedUntil(username);
            // time-limited: the configured lockout from the last failure, never open-ended
            assertThat(lockedUntil).isBetween(before.minusSeconds(1).plus(settings.lockout()),
                    Instant.now().plus(settings.lockout()));
            // attempts during the lockout do not extend it, so an attacker cannot keep it closed by retrying
            assertThat(token(username, "wrong-again", null, "203.0.113.21").getStatus()).isEqualTo(401);
            assertThat(lockedUntil(username)).isEqualTo(lockedUntil);

            // when the lockout has run out (moved into the past here), the right password works again
            jdbc.update("update app_user set locked_until = ? where username = ?",
                    Timestamp.from(Instant.now().minusSeconds(1)), username);
            assertThat(token(username, DemoUsers.PASSWORD, null, "203.0.113.22").getStatus()).isEqualTo(200);

            // an address at its limit of failures is no longer even checked, so it locks out nobody more:
            // one address locks at most (limit / failures per lockout) accounts per window
            String flood = "203.0.113.23";
            for (int i = 0; i < settings.maxFailedLoginsPerAddress(); i++) {
                token("flood.user." + i, "x", null, flood);
            }
            for (int i = 0; i < settings.maxFailedLogins() + 1; i++) {
                token(username, "wrong-" + i, null, flood);
            }
            assertThat(lockedUntil(username)).isNull();
            assertThat(jdbc.queryForObject("select failed_logins from app_user where username = ?", Integer.class,
                    username)).isZero();
        } finally {
            jdbc.update("update app_user set locked_until = null, failed_logins = 0 where username = ?", username);
        }
    }

    @Test
    void aTotpCodeIsGoodOnceSoAReplayedCodeIsRefused() throws Exception {
        String username = "leader";
        long id = users.findByUsername(username).orElseThrow().getId();
        try {
            String secret = enrolment.start(id).secret();
            assertThat(enrolment.confirm(id, Totp.codeAt(secret, Instant.now()))).isTrue();

            String code = Totp.codeAt(secret, Instant.now());
            assertThat(token(username, DemoUsers.PASSWORD, code, "203.0.113.30").getStatus()).isEqualTo(200);
            // the same code again (an onlooker, a proxy log, a phishing relay) is refused, from anywhere
            assertThat(token(username, DemoUsers.PASSWORD, code, "203.0.113.31").getStatus()).isEqualTo(401);
            assertThat(formLogin(username, DemoUsers.PASSWORD, "203.0.113.32", code).getRedirectedUrl())
                    .isEqualTo("/login?error");
            // the next code of the app (within the accepted clock drift) works
            String next = Totp.codeAt(secret, Instant.now().plusSeconds(30));
            assertThat(token(username, DemoUsers.PASSWORD, next, "203.0.113.33").getStatus()).isEqualTo(200);
        } finally {
            enrolment.reset(id);
            jdbc.update("update app_user set locked_until = null, failed_logins = 0 where id = ?", id);
        }
    }

    @Test
    void bearerTokensExpireAndCanBeRevoked() throws Exception {
        assertThat(me(tokenOf("comms.officer"))).isEqualTo(200);
        String expiring = tokenOf("comms.officer");
        Instant expiresAt = jdbc.queryForObject("select expires_at from api_token where token_hash = ?",
                Timestamp.class, sha256(expiring)).toInstant();
        assertThat(Duration.between(Instant.now(), expiresAt)).isPositive().isLessThanOrEqualTo(settings.tokenLifetime());
        // the lifetime passes (moved here rather than waited for), before the token's first use: a node remembers a
        // verified token for a few seconds (token-cache) but never past its expires_at, which this row no longer shows
        jdbc.update("update api_token set expires_at = ? where token_hash = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), sha256(expiring));
        assertThat(me(expiring)).isEqualTo(401);

        String revoked = tokenOf("comms.officer");
        assertThat(mvc.perform(delete("/api/v1/auth/token").header("Authorization", "Bearer " + revoked))
                .andReturn().getResponse().getStatus()).isEqualTo(204);
        assertThat(me(revoked)).isEqualTo(401);
    }

    // ---------------------------------------------------------------- helpers

    MockHttpServletResponse token(String username, String password, String totp, String address) throws Exception {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        if (totp != null) {
            body.put("totp", totp);
        }
        return perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)), address);
    }

    String tokenOf(String username) throws Exception {
        var response = token(username, DemoUsers.PASSWORD, null, "203.0.113.40");
        assertThat(response.getStatus()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString()).get("token").asString();
    }

    int me(String token) throws Exception {
        return mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andReturn().getResponse()
                .getStatus();
    }

    MockHttpServletResponse formLogin(String username, String password, String address) throws Exception {
        return formLogin(username, password, address, null);
    }

    MockHttpServletResponse formLogin(String username, String password, String address, String totp) throws Exception {
        var request = post("/login").param("username", username).param("password", password).with(csrf());
        if (totp != null) {
            request.param("totp", totp);
        }
        return perform(request, address);
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String address) throws Exception {
        return mvc.perform(request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        })).andReturn().getResponse();
    }

    Instant lockedUntil(String username) {
        Timestamp t = jdbc.queryForObject("select locked_until from app_user where username = ?", Timestamp.class,
                username);
        return t == null ? null : t.toInstant();
    }

    static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
