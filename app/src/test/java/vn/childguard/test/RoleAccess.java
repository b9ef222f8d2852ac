package vn.childguard.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Checks one page against every demo account: those allowed get 200, everyone else 403. Use it
 * for each new page, so a page that a role may not use is refused, not just hidden.
 */
public final class RoleAccess {

    private RoleAccess() {
    }

    public static void assertOnlyAllowed(MockMvc mvc, String url, Set<String> allowedUsers) throws Exception {
        Map<String, Integer> actual = new LinkedHashMap<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String user : DemoUsers.ALL) {
            var session = DemoUsers.login(mvc, user);
            actual.put(user, mvc.perform(get(url).session(session)).andReturn().getResponse().getStatus());
            expected.put(user, allowedUsers.contains(user) ? 200 : 403);
        }
        assertThat(actual).as("HTTP status of GET %s per demo account", url).isEqualTo(expected);
    }
}
