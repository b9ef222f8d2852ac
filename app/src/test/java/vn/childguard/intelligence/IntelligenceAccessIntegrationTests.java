package vn.childguard.intelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import vn.childguard.intelligence.internal.Graph;
import vn.childguard.intelligence.internal.IntelligenceService;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;
import vn.childguard.test.RoleAccess;

/**
 * The compartment: only the police intelligence officer opens any intelligence page or API; an
 * officer of another police unit sees only the entities shared with the unit; refusals are audited.
 */
@ChildGuardIntegrationTest
class IntelligenceAccessIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IntelligenceService intelligence;

    @Test
    void everyIntelligencePageAnswersOnlyThePoliceIntelligenceOfficer() throws Exception {
        IntelligenceApi api = new IntelligenceApi(mvc);
        String police = api.token("police.officer");
        long a = api.entity(police, "PERSON", "Phan Văn Đạt " + UUID.randomUUID());
        long b = api.entity(police, "PHONE", "+84 900 " + UUID.randomUUID().toString().substring(0, 6));
        api.link(police, a, b, "USES", "REPORT", "B2");
        long entry = jdbc.queryForObject("select min(id) from intel_watchlist_entry", Long.class);
        for (String url : List.of("/intelligence", "/intelligence/entities/new", "/intelligence/entities/" + a,
                "/intelligence/network?entity=" + a, "/intelligence/network/expand?entity=" + a + "&steps=2",
                "/intelligence/network/path?from=" + a + "&to=" + b, "/intelligence/network/subgraph?ids=" + a,
                "/intelligence/network.csv?ids=" + a + "," + b, "/intelligence/watchlist",
                "/intelligence/watchlist/new", "/intelligence/watchlist/" + entry, "/intelligence/proceedings",
                "/intelligence/hotspots")) {
            RoleAccess.assertOnlyAllowed(mvc, url, Set.of("police.officer"));
        }
    }

    @Test
    void everyIntelligenceApiAnswersOnlyThePoliceIntelligenceOfficer() throws Exception {
        IntelligenceApi api = new IntelligenceApi(mvc);
        String police = api.token("police.officer");
        long a = api.entity(police, "PERSON", "Đoàn Văn Bình " + UUID.randomUUID());
        long b = api.entity(police, "RING", "Đường dây " + UUID.randomUUID());
        api.link(police, a, b, "MEMBER_OF", "INTERROGATION", "B2");
        List<String> urls = List.of("/api/v1/intelligence/entities", "/api/v1/intelligence/entities/" + a,
                "/api/v1/intelligence/entities/" + a + "/expand?steps=2", "/api/v1/intelligence/path?from=" + a
                        + "&to=" + b, "/api/v1/intelligence/most-connected", "/api/v1/intelligence/watchlist",
                "/api/v1/intelligence/proceedings", "/api/v1/intelligence/hotspots",
                "/api/v1/intelligence/network.csv?ids=" + a);
        Map<String, Integer> actual = new LinkedHashMap<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String user : DemoUsers.ALL) {
            String token = api.token(user);
            for (String url : urls) {
                actual.put(user + " " + url, api.call(get(url), token, null).andReturn().getResponse().getStatus());
                expected.put(user + " " + url, "police.officer".equals(user) ? 200 : 403);
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void anOfficerOfAnotherPoliceUnitSeesOnlyWhatIsSharedWithTheUnit() {
        CurrentUser lead = officer("CA-PC02", "pc02.analyst");
        CurrentUser exitUnit = officer("CA-PA08", "pa08.analyst");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long broker = intelligence.createEntity(lead, person("Lý Văn Mạnh " + suffix));
        long driver = intelligence.createEntity(lead, person("Vũ Văn Tú " + suffix));
        long financier = intelligence.createEntity(lead, person("Hà Thị Gấm " + suffix));
        link(lead, broker, driver);
        link(lead, driver, financier);

        assertThatThrownBy(() -> intelligence.entity(exitUnit, broker)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'intel_entity' "
                + "and entity_id = ? and outcome = 'DENIED'", Long.class, String.valueOf(broker))).isPositive();

        intelligence.share(lead, broker, "CA-PA08");
        intelligence.share(lead, driver, "CA-PA08");
        assertThat(intelligence.entity(exitUnit, broker).label()).startsWith("Lý Văn Mạnh");
        IntelligenceService.NetworkView seen = intelligence.expand(exitUnit, broker, 3, Graph.Filter.all());
        assertThat(seen.nodes()).extracting(IntelligenceService.Node::id).containsExactlyInAnyOrder(broker, driver);
        assertThat(intelligence.path(exitUnit, broker, driver, Graph.Filter.all()).path()).containsExactly(broker, driver);
        assertThatThrownBy(() -> intelligence.path(exitUnit, broker, financier, Graph.Filter.all()))
                .isInstanceOf(AccessDeniedException.class);
        // the lead unit sees the whole chain
        assertThat(intelligence.expand(lead, broker, 3, Graph.Filter.all()).nodes())
                .extracting(IntelligenceService.Node::id).contains(broker, driver, financier);
        // a police officer without the intelligence role, or a non-police agency, is refused
        assertThatThrownBy(() -> intelligence.entity(new CurrentUser(-3, "x", "x", 0, "SYT", "", "", "80",
                Set.of(Role.INTELLIGENCE_OFFICER)), broker)).isInstanceOf(AccessDeniedException.class);
    }

    static CurrentUser officer(String agency, String username) {
        return new CurrentUser(-1, username, username, 0, agency, agency, agency, "80",
                Set.of(Role.INTELLIGENCE_OFFICER));
    }

    static IntelligenceService.NewEntity person(String name) {
        return new IntelligenceService.NewEntity("PERSON", name, List.of(), null, null, null, null, Map.of());
    }

    private void link(CurrentUser user, long from, long to) {
        intelligence.addLink(user, new IntelligenceService.NewLink(from, to, "ASSOCIATE_OF", null, "REPORT", null,
                "C", "3", null));
    }
}
