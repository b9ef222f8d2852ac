package vn.childguard.trafficking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

/**
 * Who may not read what: foreign.officer reads the repatriation and the minimum, never the notes;
 * comms.officer nothing; police.officer only through a referral; every refusal audited.
 */
@ChildGuardIntegrationTest
class TraffickingAccessIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void foreignAffairsSeesNoNotesCommsNothingAndPoliceOnlyThroughAReferralAllAudited() throws Exception {
        TraffickingApi api = new TraffickingApi(mvc);
        String foreign = api.token("foreign.officer");
        long id = api.openFromLondon(foreign, api.registerPerson(foreign, LocalDate.now().minusYears(17).toString()));
        String worker = api.token("health.caseworker");
        api.call(post("/api/v1/trafficking-cases/" + id + "/notes"), worker,
                Map.of("body", "Trẻ kể về khoản nợ của gia đình")).andExpect(status().isCreated());

        JsonNode asForeign = TraffickingApi.json(api.call(get("/api/v1/trafficking-cases/" + id), foreign, null)
                .andExpect(status().isOk()));
        assertThat(asForeign.get("notes")).isEmpty();
        assertThat(asForeign.get("data")).isEmpty();
        assertThat(asForeign.get("entitlements")).isEmpty();
        assertThat(asForeign.toString()).doesNotContain("khoản nợ");
        String page = mvc.perform(get("/trafficking-cases/" + id).session(DemoUsers.login(mvc, "foreign.officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("khoản nợ");
        // foreign affairs changes nothing but the repatriation
        api.call(post("/api/v1/trafficking-cases/" + id + "/notes"), foreign, Map.of("body", "x"))
                .andExpect(status().isForbidden());

        for (String outsider : List.of("comms.officer", "police.officer")) {
            api.call(get("/api/v1/trafficking-cases/" + id), api.token(outsider), null).andExpect(status().isForbidden());
            mvc.perform(get("/trafficking-cases/" + id).session(DemoUsers.login(mvc, outsider)))
                    .andExpect(status().isForbidden());
        }
        List<String> denied = jdbc.queryForList("select actor from audit_event where entity_type = 'trafficking_case' "
                + "and entity_id = ? and outcome = 'DENIED'", String.class, String.valueOf(id));
        assertThat(denied).contains("comms.officer", "police.officer", "foreign.officer");

        // through a referral to the anti-trafficking police division, police read the case but not the notes
        api.call(post("/api/v1/trafficking-cases/" + id + "/referrals"), worker,
                Map.of("toAgency", "CA-PC02", "reason", "Điều tra đường dây", "legalBasis", "Luật PCMBN 53/2024"))
                .andExpect(status().isCreated());
        JsonNode asPolice = TraffickingApi.json(api.call(get("/api/v1/trafficking-cases/" + id),
                api.token("police.officer"), null).andExpect(status().isOk()));
        assertThat(asPolice.get("level").asString()).isEqualTo("REFERRAL");
        assertThat(asPolice.get("notes")).isEmpty();
        List<String> reads = jdbc.queryForList("select actor from audit_event where entity_type = 'trafficking_case' "
                + "and entity_id = ? and outcome = 'SUCCESS' and action = 'READ'", String.class, String.valueOf(id));
        assertThat(reads).contains("foreign.officer", "health.caseworker", "police.officer");
    }

    @Test
    void aCaseOfThe2011AssignmentIsReadByTheLabourDepartmentsSuccessor() throws Exception {
        TraffickingApi api = new TraffickingApi(mvc);
        String worker = api.token("health.caseworker");
        long person = api.registerPerson(worker, "1990-04-01");
        String reference = "MBN-2024-OLD-" + person;
        jdbc.update("insert into tc_case (reference, person_id, status, lead_agency_code, partner_agency_code, "
                + "reporting_agency_code, unit_code, reported_at, received_at, created_by) values (?, ?, 'SUPPORTED', "
                + "'SLDTBXH', 'CA-TINH', 'SLDTBXH', '25486', timestamp '2024-05-02 08:00:00', "
                + "timestamp '2024-05-02 08:00:00', 'migrated')", reference, person);
        long id = jdbc.queryForObject("select id from tc_case where reference = ?", Long.class, reference);
        JsonNode read = TraffickingApi.json(api.call(get("/api/v1/trafficking-cases/" + id), worker, null)
                .andExpect(status().isOk()));
        assertThat(read.get("level").asString()).isEqualTo("FULL");
        assertThat(read.get("leadAgency").asString()).isEqualTo("SYT");
        api.call(get("/api/v1/trafficking-cases/" + id), api.token("comms.officer"), null)
                .andExpect(status().isForbidden());
    }
}
