package vn.childguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.childguard.test.Api;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

/** The application log of a full-stack run holds no name of a demo person. */
@ChildGuardIntegrationTest
class PersonalDataLoggingIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;
    @Value("${logging.file.name}")
    String logFile;

    @Test
    void theLogOfAFullRunNamesNoDemoPerson() throws Exception {
        for (String username : DemoUsers.ALL) {
            var session = DemoUsers.login(mvc, username);
            mvc.perform(get("/").session(session));
            mvc.perform(get("/organisation/agencies/1").session(session));
        }
        var api = new Api(port);
        api.get("/api/v1/me", api.token("health.caseworker", DemoUsers.PASSWORD));
        api.post("/api/v1/auth/token", java.util.Map.of("username", "leader", "password", "wrong"), null);

        String log = Files.readString(Path.of(logFile));
        assertThat(log).as("the log was written").contains("Demo accounts");
        List<String> names = jdbc.queryForList("select full_name from app_user", String.class);
        assertThat(names).hasSizeGreaterThanOrEqualTo(DemoUsers.ALL.size());
        for (String name : names) {
            assertThat(log).as("log must not contain a person's name").doesNotContain(name);
        }
    }
}
