package vn.childguard.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;
import vn.childguard.audit.AuditLog;
import vn.childguard.test.Api;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

@ChildGuardIntegrationTest
class TotpEnrolmentIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TotpEnrolment enrolment;
    @Autowired
    UserAccountRepository users;
    @Autowired
    AuditLog audit;
    @LocalServerPort
    int port;

    @Test
    void anEnrolledUserNeedsTheCodeFromTheAppToSignIn() throws Exception {
        String username = "foreign.officer";
        long id = users.findByUsername(username).orElseThrow().getId();
        try {
            var session = DemoUsers.login(mvc, username);
            String page = mvc.perform(get("/account/totp").session(session)).andReturn().getResponse()
                    .getContentAsString();
            assertThat(page).contains("data:image/svg+xml;base64,");
            var secret = Pattern.compile("<code>([A-Z2-7]+)</code>").matcher(page);
            assertThat(secret.find()).isTrue();

            mvc.perform(post("/account/totp").param("code", "000000").session(session).with(csrf()));
            assertThat(users.findByUsername(username).orElseThrow().isTotpEnabled()).isFalse();
            // a wrong code re-renders with a new secret: read it again
            page = mvc.perform(get("/account/totp").session(session)).andReturn().getResponse().getContentAsString();
            secret = Pattern.compile("<code>([A-Z2-7]+)</code>").matcher(page);
            assertThat(secret.find()).isTrue();
            mvc.perform(post("/account/totp").param("code", Totp.codeAt(secret.group(1), Instant.now()))
                            .session(session).with(csrf()))
                    .andExpect(redirectedUrl("/"));
            assertThat(users.findByUsername(username).orElseThrow().isTotpEnabled()).isTrue();

            var api = new Api(port);
            var withoutCode = api.post("/api/v1/auth/token",
                    Map.of("username", username, "password", DemoUsers.PASSWORD), null);
            assertThat(withoutCode.status()).isEqualTo(401);
            var withCode = api.post("/api/v1/auth/token", Map.of("username", username, "password",
                    DemoUsers.PASSWORD, "totp", Totp.codeAt(secret.group(1), Instant.now())), null);
            assertThat(withCode.status()).isEqualTo(200);
            assertThat(audit.search(new AuditLog.Filter(username, null, null, AuditLog.Actions.TOTP_ENROLLED, null,
                    null), PageRequest.of(0, 5)).getTotalElements()).isEqualTo(2);
        } finally {
            enrolment.reset(id);
        }
    }
}
