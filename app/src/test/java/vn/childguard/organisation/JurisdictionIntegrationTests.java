package vn.childguard.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

@ChildGuardIntegrationTest
class JurisdictionIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    OrganisationDirectory directory;

    long agencyId(String code) {
        return jdbc.queryForObject("select id from agency where code = ?", Long.class, code);
    }

    @Test
    void aCommuneOfficerOpensTheirOwnCommuneButNotAnother() throws Exception {
        var session = DemoUsers.login(mvc, "commune.officer");
        long own = agencyId("UBND-25486");
        long other = agencyId("UBND-25480");

        mvc.perform(get("/organisation/agencies/{id}", own).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("commune.chair")));
        mvc.perform(get("/organisation/agencies/{id}", other).session(session))
                .andExpect(status().isForbidden());

        var denied = audit.search(new AuditLog.Filter("commune.officer", "agency", String.valueOf(other),
                AuditLog.Actions.READ, null, null), PageRequest.of(0, 5));
        assertThat(denied.getContent()).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.DENIED));
    }

    @Test
    void provincialStaffSeeEveryCommune() throws Exception {
        var session = DemoUsers.login(mvc, "police.coordinator");
        mvc.perform(get("/organisation/agencies/{id}", agencyId("UBND-25480")).session(session))
                .andExpect(status().isOk());
    }

    @Test
    void historicalDistrictsAreCoveredThroughTheirSuccessors() {
        assertThat(directory.covers("80", "705")).as("Tân Biên district lies in new Tây Ninh").isTrue();
        assertThat(directory.covers("25486", "705")).as("Tân Biên commune succeeds the district").isTrue();
        assertThat(directory.covers("25480", "705")).isFalse();
        assertThat(directory.covers("80", "00004")).as("a Hà Nội ward").isFalse();
    }
}
