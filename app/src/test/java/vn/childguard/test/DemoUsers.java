package vn.childguard.test;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The demo accounts and a real form login for MockMvc, so tests go through the whole security chain. */
public final class DemoUsers {

    /** Set in application-test.yaml as CHILDGUARD_DEMO_PASSWORD. */
    public static final String PASSWORD = "Demo-Password-2026";

    public static final List<String> ALL = List.of("admin", "police.coordinator", "police.officer", "exit.officer",
            "foreign.officer", "comms.officer", "education.officer", "teacher", "health.caseworker",
            "health.supervisor", "commune.officer", "commune.chair", "hotline.operator", "leader", "auditor");

    private DemoUsers() {
    }

    /** Logs in through the login form and returns the authenticated session. */
    public static MockHttpSession login(MockMvc mvc, String username) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
