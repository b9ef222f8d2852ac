package vn.childguard.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

/**
 * The case list comes a page at a time, newest first, filtered in the database: a province's cases
 * would otherwise be read and drawn at every visit. Uses the Tân Lập case worker, whose commune no
 * other test lists.
 */
@ChildGuardIntegrationTest
class CaseListPagingIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void theListComesInPagesNewestFirstWithTheTotalAndLiteralReferenceSearch() throws Exception {
        CaseAccessIntegrationTests.ensureOtherCommuneWorker(jdbc, encoder);
        CaseworkApi api = new CaseworkApi(mvc);
        String worker = api.token("tanlap.officer");
        long before = total(api, worker, "");
        List<Long> opened = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long child = api.registerChild(worker);
            opened.add(CaseworkApi.json(api.call(post("/api/v1/cases"), worker, Map.of("childPersonId", child,
                    "unitCode", "25489")).andExpect(status().isCreated())).get("kase").get("id").asLong());
        }

        MvcResult first = api.call(get("/api/v1/cases?size=2"), worker, null).andExpect(status().isOk()).andReturn();
        assertThat(ids(first)).containsExactly(opened.get(2), opened.get(1));
        assertThat(first.getResponse().getHeader("X-Total-Count")).isEqualTo(String.valueOf(before + 3));
        MvcResult second = api.call(get("/api/v1/cases?size=2&page=1"), worker, null).andExpect(status().isOk())
                .andReturn();
        assertThat(ids(second)).first().isEqualTo(opened.get(0));
        // a size out of range is brought within 1–500 rather than refused
        assertThat(ids(api.call(get("/api/v1/cases?size=0"), worker, null).andReturn())).hasSize(1);

        // the reference filter is a literal substring: % and _ match only themselves
        String reference = jdbc.queryForObject("select reference from cp_case where id = ?", String.class,
                opened.get(1));
        assertThat(ids(api.call(get("/api/v1/cases?reference=" + reference.toLowerCase()), worker, null).andReturn()))
                .containsExactly(opened.get(1));
        assertThat(total(api, worker, "&reference=%25")).isZero();
        assertThat(total(api, worker, "&reference=_")).isZero();

        // the page shows the newest cases and, with one page only, no pager
        String page = mvc.perform(get("/cases").session(DemoUsers.login(mvc, "tanlap.officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(reference).doesNotContain("class=\"pagination\"");
    }

    private static long total(CaseworkApi api, String token, String query) throws Exception {
        return Long.parseLong(api.call(get("/api/v1/cases?size=1" + query), token, null).andExpect(status().isOk())
                .andReturn().getResponse().getHeader("X-Total-Count"));
    }

    private static List<Long> ids(MvcResult result) throws Exception {
        JsonNode list = CaseworkApi.JSON.readTree(result.getResponse().getContentAsString());
        List<Long> ids = new ArrayList<>();
        list.forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }
}
