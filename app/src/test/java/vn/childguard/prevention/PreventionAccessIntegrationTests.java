package vn.childguard.prevention;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.childguard.prevention.PreventionApi.json;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.RoleAccess;

/** Every prevention page and read API against every demo account: allowed users get 200, everyone else 403. */
@ChildGuardIntegrationTest
class PreventionAccessIntegrationTests {

    static final Set<String> CAMPAIGN_READERS = Set.of("comms.officer", "education.officer", "police.coordinator",
            "commune.chair", "leader", "auditor");
    static final Set<String> PREVENTION_OFFICERS = Set.of("comms.officer", "education.officer");
    static final Set<String> AGGREGATE_READERS = Set.of("education.officer", "police.coordinator", "commune.chair", "leader");

    @Autowired
    MockMvc mvc;

    @Test
    void campaignsAreReadByPreventionOfficersLeadershipAndAuditorsAndCreatedByPreventionOfficers() throws Exception {
        PreventionApi api = new PreventionApi(mvc);
        long campaign = api.campaign(api.token("comms.officer"), 100);
        RoleAccess.assertOnlyAllowed(mvc, "/prevention/campaigns", CAMPAIGN_READERS);
        RoleAccess.assertOnlyAllowed(mvc, "/prevention/campaigns/" + campaign, CAMPAIGN_READERS);
        RoleAccess.assertOnlyAllowed(mvc, "/prevention/coverage", CAMPAIGN_READERS);
        new PreventionApi(mvc).assertOnlyAllowed("/api/v1/prevention/campaigns", CAMPAIGN_READERS);
        RoleAccess.assertOnlyAllowed(mvc, "/prevention/campaigns/new", PREVENTION_OFFICERS);
        RoleAccess.assertOnlyAllowed(mvc, "/prevention/campaigns/" + campaign + "/activities/new", PREVENTION_OFFICERS);
    }

    @Test
    void educationWorkIsForTheEducationDepartmentAndSchools() throws Exception {
        RoleAccess.assertOnlyAllowed(mvc, "/prevention/education", Set.of("education.officer", "teacher"));
        new PreventionApi(mvc).assertOnlyAllowed("/api/v1/prevention/sessions", Set.of("education.officer", "teacher"));
    }

    @Test
    void studentsByNameOnlyForTheSchoolAndTheCommuneOfficerAndCountsForTheDepartment() throws Exception {
        PreventionApi api = new PreventionApi(mvc);
        long student = json(api.call(post("/api/v1/prevention/students"), api.token("teacher"), Map.of(
                "fullName", "Lâm Văn Tú " + UUID.randomUUID().toString().substring(0, 6), "className", "11B1",
                "category", "DROPPED_OUT")).andExpect(status().isCreated())).get("id").asLong();
        RoleAccess.assertOnlyAllowed(mvc, "/prevention/students", Set.of("teacher", "commune.officer"));
        new PreventionApi(mvc).assertOnlyAllowed("/api/v1/prevention/students", Set.of("teacher", "commune.officer"));
        RoleAccess.assertOnlyAllowed(mvc, "/prevention/students/" + student, Set.of("teacher"));
        new PreventionApi(mvc).assertOnlyAllowed("/api/v1/prevention/students/" + student, Set.of("teacher"));
        RoleAccess.assertOnlyAllowed(mvc, "/prevention/students/aggregates", AGGREGATE_READERS);
        new PreventionApi(mvc).assertOnlyAllowed("/api/v1/prevention/students/aggregates", AGGREGATE_READERS);
    }
}
