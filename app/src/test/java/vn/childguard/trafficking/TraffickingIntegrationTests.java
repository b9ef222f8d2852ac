package vn.childguard.trafficking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

/**
 * The main flow through the API: foreign.officer records the London embassy's notification about a
 * 16-year-old from Tân Biên found in a cannabis farm; repatriation to Tân Sơn Nhất and hand-over;
 * health.caseworker verifies within 3 days and identifies; entitlements follow the matrix; support is
 * delivered; a follow-up falls due in the inbox; the linked child-protection case reaches the commune.
 */
@ChildGuardIntegrationTest
class TraffickingIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aChildFoundInACannabisFarmAbroadIsBroughtHomeIdentifiedSupportedAndFollowedUp() throws Exception {
        TraffickingApi api = new TraffickingApi(mvc);
        String foreign = api.token("foreign.officer");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        long person = api.registerPerson(foreign, today.minusYears(16).minusMonths(2).toString());
        long id = api.openFromLondon(foreign, person);

        JsonNode opened = TraffickingApi.json(api.call(get("/api/v1/trafficking-cases/" + id), foreign, null)
                .andExpect(status().isOk()));
        assertThat(opened.get("status").asString()).isEqualTo("UNDER_VERIFICATION");
        assertThat(opened.get("level").asString()).isEqualTo("REPATRIATION");
        assertThat(opened.get("leadAgency").asString()).isEqualTo("SYT");
        assertThat(opened.get("verification").get("status").asString()).isEqualTo("OPEN");

        // repatriation, step by step up to arrival at Tân Sơn Nhất and hand-over
        String day = today.toString();
        List<Map<String, Object>> steps = List.of(
                Map.of("step", "LOCATED", "status", "DONE", "date", day,
                        "details", Map.of("country", "GB", "city", "London", "facility", "Local authority care")),
                Map.of("step", "MISSION_ASSIGNED", "status", "DONE", "date", day,
                        "details", Map.of("mission", "Đại sứ quán Việt Nam tại London")),
                Map.of("step", "IDENTITY_VERIFICATION", "status", "DONE", "date", day,
                        "details", Map.of("result", "Bộ Công an xác nhận quốc tịch")),
                Map.of("step", "TRAVEL_DOCUMENT", "status", "DONE", "date", day,
                        "details", Map.of("documentKind", "Giấy thông hành")),
                Map.of("step", "TRAVEL_BOOKED", "status", "DONE", "date", day, "details", Map.of("flight", "VN54")),
                Map.of("step", "ARRIVAL", "status", "DONE", "date", day, "details", Map.of("borderGate", "SGN")),
                Map.of("step", "HANDOVER", "status", "DONE", "date", day,
                        "details", Map.of("receivingAgency", "SYT")),
                Map.of("step", "CHILD_HANDOVER", "status", "DONE", "date", day,
                        "details", Map.of("handedTo", "Mẹ của trẻ", "escort", "Cán bộ SYT")));
        for (Map<String, Object> step : steps) {
            api.call(post("/api/v1/trafficking-cases/" + id + "/repatriation-steps"), foreign, step)
                    .andExpect(status().isCreated());
        }
        // an arrival without its gate names the field
        api.call(post("/api/v1/trafficking-cases/" + id + "/repatriation-steps"), foreign,
                        Map.of("step", "ARRIVAL", "status", "DONE", "date", day, "details", Map.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.borderGate").exists());

        // the health department's case worker sees the verification clock in the inbox
        var health = DemoUsers.login(mvc, "health.caseworker");
        String inbox = mvc.perform(get("/cases/action-needed").session(health)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains(opened.get("reference").asString());

        String worker = api.token("health.caseworker");
        JsonNode read = TraffickingApi.json(api.call(get("/api/v1/trafficking-cases/" + id), worker, null)
                .andExpect(status().isOk()));
        assertThat(read.get("level").asString()).isEqualTo("FULL");
        assertThat(read.get("abroad").asBoolean()).isFalse();
        assertThat(read.get("ages").get("today").asInt()).isEqualTo(16);
        assertThat(read.get("ages").get("under18Today").asBoolean()).isTrue();
        assertThat(read.get("ages").get("under16Today").asBoolean()).isFalse();
        assertThat(read.get("repatriation")).hasSize(8);

        // identifying without any ground is refused, then done with grounds inside the 3 days
        api.call(post("/api/v1/trafficking-cases/" + id + "/transitions"), worker,
                        Map.of("action", "IDENTIFY", "grounds", List.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.grounds").exists());
        JsonNode identified = TraffickingApi.json(api.call(post("/api/v1/trafficking-cases/" + id + "/transitions"),
                worker, Map.of("action", "IDENTIFY", "grounds", List.of("MISSION_ABROAD", "FOREIGN_AUTHORITY",
                        "PERSON_STATEMENT"), "evidence", "Công hàm của Đại sứ quán; quyết định NRM"))
                .andExpect(status().isOk()));
        assertThat(identified.get("status").asString()).isEqualTo("IDENTIFIED");
        assertThat(identified.get("verification").get("status").asString()).isEqualTo("MET");
        JsonNode last = identified.get("transitions").get(identified.get("transitions").size() - 1);
        assertThat(last.get("actor").asString()).isEqualTo("health.caseworker");
        assertThat(last.get("legalBasis").asString()).contains("Điều 32");

        // entitlements: an identified Vietnamese victim at home is entitled to all twelve benefits
        JsonNode entitlements = TraffickingApi.json(api.call(get("/api/v1/trafficking-cases/" + id + "/entitlements"),
                worker, null).andExpect(status().isOk()));
        List<String> entitled = new ArrayList<>();
        entitlements.forEach(e -> {
            if (e.get("entitled").asBoolean()) {
                entitled.add(e.get("benefit").asString());
            }
        });
        assertThat(entitled).hasSize(12);

        api.call(post("/api/v1/trafficking-cases/" + id + "/transitions"), worker, Map.of("action", "START_SUPPORT"))
                .andExpect(status().isOk());
        api.call(post("/api/v1/trafficking-cases/" + id + "/entitlements"), worker,
                Map.of("benefit", "LOAN", "state", "REFUSED", "reason", "Gia đình không muốn vay")).andExpect(status().isOk());
        api.call(post("/api/v1/trafficking-cases/" + id + "/entitlements"), worker,
                Map.of("benefit", "EDUCATION", "state", "ACCEPTED")).andExpect(status().isOk());
        // closing with accepted support not yet delivered is refused
        api.call(post("/api/v1/trafficking-cases/" + id + "/transitions"), worker, Map.of("action", "CLOSE"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("trafficking.rule.supportPending"));
        for (var delivery : List.of(
                Map.of("benefit", "EDUCATION", "provider", "THPT Tây Ninh — miễn học phí, sách vở", "deliveredOn", day,
                        "amountVnd", "1500000", "evidence", "Quyết định miễn học phí"),
                Map.of("benefit", "PSYCHOLOGICAL", "provider", "Trung tâm Công tác xã hội tỉnh", "deliveredOn", day),
                Map.of("benefit", "VOCATIONAL_TRAINING", "provider", "Trường Cao đẳng nghề Tây Ninh", "deliveredOn", day))) {
            api.call(post("/api/v1/trafficking-cases/" + id + "/deliveries"), worker, delivery)
                    .andExpect(status().isCreated());
        }
        api.call(post("/api/v1/trafficking-cases/" + id + "/deliveries"), worker,
                        Map.of("benefit", "LOAN", "provider", "NHCSXH", "deliveredOn", day))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.benefit").exists());
        JsonNode deliveries = TraffickingApi.json(api.call(get("/api/v1/trafficking-cases/" + id + "/deliveries"),
                worker, null));
        assertThat(deliveries).hasSize(3);

        // reintegration plan started a month ago: the 1-month follow-up is due and shows in the inbox
        api.call(post("/api/v1/trafficking-cases/" + id + "/transitions"), worker,
                Map.of("action", "START_REINTEGRATION")).andExpect(status().isOk());
        JsonNode followUps = TraffickingApi.json(api.call(post("/api/v1/trafficking-cases/" + id + "/reintegration-plan"),
                worker, Map.of("goals", List.of("Trở lại trường", "Học nghề"), "startOn",
                        today.minusMonths(1).toString())).andExpect(status().isOk()));
        assertThat(followUps).hasSize(4);
        assertThat(followUps.get(0).get("due").asBoolean()).isTrue();
        inbox = mvc.perform(get("/cases/action-needed").session(health)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains(opened.get("reference").asString()).contains("Theo dõi sau 1 tháng");

        // the linked child-protection case, same person, owned by the commune
        JsonNode linked = TraffickingApi.json(api.call(post("/api/v1/trafficking-cases/" + id + "/child-protection-case"),
                worker, Map.of("reason", "Trẻ em bị mua bán sang Anh")).andExpect(status().isCreated()));
        long cpId = linked.get("caseId").asLong();
        assertThat(linked.get("reference").asString()).startsWith("BVTE-");
        String commune = api.token("commune.officer");
        api.call(get("/api/v1/cases/" + cpId), commune, null).andExpect(status().isOk());
        mvc.perform(get("/cases/" + cpId).session(DemoUsers.login(mvc, "commune.officer"))).andExpect(status().isOk());

        // the pages render
        mvc.perform(get("/trafficking-cases/" + id).session(health)).andExpect(status().isOk());
        String list = mvc.perform(get("/trafficking-cases?country=GB&ageBand=16_17").session(health))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(opened.get("reference").asString());
        mvc.perform(get("/trafficking-cases/new?name=Tran%20Van%20Nam").session(DemoUsers.login(mvc, "foreign.officer")))
                .andExpect(status().isOk());
    }

    @Test
    void theCaseListComesInPagesNewestFirstWithTheTotalAndTheAgesOfThePage() throws Exception {
        TraffickingApi api = new TraffickingApi(mvc);
        String foreign = api.token("foreign.officer");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        long older = api.openFromLondon(foreign, api.registerPerson(foreign, today.minusYears(15).minusMonths(1).toString()));
        long newer = api.openFromLondon(foreign, api.registerPerson(foreign, today.minusYears(16).minusMonths(2).toString()));

        String health = api.token("health.caseworker"); // the lead agency's case worker
        var first = api.call(get("/api/v1/trafficking-cases?country=GB&size=1"), health, null).andExpect(status().isOk());
        long total = Long.parseLong(first.andReturn().getResponse().getHeader("X-Total-Count"));
        JsonNode page0 = TraffickingApi.json(first);
        JsonNode page1 = TraffickingApi.json(api.call(get("/api/v1/trafficking-cases?country=GB&size=1&page=1"), health, null)
                .andExpect(status().isOk()));
        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(page0).hasSize(1);
        assertThat(page0.get(0).get("id").asLong()).as("newest first").isEqualTo(newer);
        assertThat(page0.get(0).get("ageToday").asInt()).as("the page's ages are worked out").isEqualTo(16);
        assertThat(page1.get(0).get("id").asLong()).isEqualTo(older);
        assertThat(TraffickingApi.json(api.call(get("/api/v1/trafficking-cases?country=GB&size=500"), health, null)))
                .hasSize((int) Math.min(total, 500));
        JsonNode forForeignAffairs = TraffickingApi.json(api.call(get("/api/v1/trafficking-cases?country=GB&size=1"), foreign, null));
        assertThat(forForeignAffairs.get(0).get("ageToday").isNull()).as("repatriation only: no case data").isTrue();
    }

    @Test
    void thePagesOpenACaseKeepWhatWasTypedOnErrorAndRefuseIdentifyingWithoutGrounds() throws Exception {
        TraffickingApi api = new TraffickingApi(mvc);
        String foreign = api.token("foreign.officer");
        long person = api.registerPerson(foreign, "2010-02-03");
        var session = DemoUsers.login(mvc, "foreign.officer");
        String error = mvc.perform(post("/trafficking-cases").session(session).with(csrf())
                        .param("personId", String.valueOf(person)).param("unitCode", "99999").param("source", "ĐSQ Paris"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(error).contains("ĐSQ Paris").contains("error-summary");
        String location = mvc.perform(post("/trafficking-cases").session(session).with(csrf())
                        .param("personId", String.valueOf(person)).param("unitCode", "25486").param("countryCode", "FR")
                        .param("abroad", "true").param("exploitationTypes", "FORCED_LABOUR"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/trafficking-cases/*"))
                .andReturn().getResponse().getRedirectedUrl();
        var health = DemoUsers.login(mvc, "health.caseworker");
        mvc.perform(post(location + "/transitions").session(health).with(csrf()).param("action", "IDENTIFY"))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get(location).session(health))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Chưa ghi nhận căn cứ nào").contains("Người đang trong quá trình xác định là nạn nhân");
        mvc.perform(post(location + "/data").session(health).with(csrf()).param("meansOfControl", "THREATS")
                        .param("meansOfControl", "WITHHOLDS_DOCUMENTS").param("returnMode", "RESCUED"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/transitions").session(health).with(csrf()).param("action", "IDENTIFY")
                .param("grounds", "RESCUER").param("evidence", "Biên bản giải cứu")).andExpect(status().is3xxRedirection());
        page = mvc.perform(get(location).session(health)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Đã xác định là nạn nhân").contains("Biên bản giải cứu").contains("WITHHOLDS_DOCUMENTS");

        // events and the UK NRM decisions from the page; a future date names its field
        var badEvent = mvc.perform(post(location + "/events").session(health).with(csrf()).param("kind", "TRANSIT")
                .param("place", "Moskva").param("country", "RU").param("date", "2999-01-01")).andReturn();
        assertThat(badEvent.getFlashMap().get("errors")).isEqualTo(Map.of("event.date", "trafficking.data.error.date"));
        mvc.perform(post(location + "/events").session(health).with(csrf()).param("kind", "TRANSIT")
                .param("place", "Moskva").param("country", "RU").param("date", "2025-09-01"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/nrm").session(health).with(csrf()).param("referralDate", "2025-12-01")
                .param("reasonableGrounds", "POSITIVE").param("recoveryPeriodDays", "45"))
                .andExpect(status().is3xxRedirection());
        JsonNode data = TraffickingApi.json(api.call(get(location.replace("/trafficking-cases", "/api/v1/trafficking-cases")),
                api.token("health.caseworker"), null)).get("data");
        assertThat(data.get("events").get(0).get("place").asString()).isEqualTo("Moskva");
        assertThat(data.get("nrm").get("recoveryPeriodDays").asInt()).isEqualTo(45);
        assertThat(data.get("meansOfControl")).hasSize(2);
    }

    @Test
    void administratorsKeepTheAmountsWhichTheEntitlementsShow() throws Exception {
        var admin = DemoUsers.login(mvc, "admin");
        mvc.perform(post("/admin/trafficking-amounts").session(admin).with(csrf()).param("benefit", "HARDSHIP_ALLOWANCE")
                .param("amountVnd", "abc")).andExpect(status().isBadRequest());
        mvc.perform(post("/admin/trafficking-amounts").session(admin).with(csrf()).param("benefit", "HARDSHIP_ALLOWANCE")
                .param("amountVnd", "1.500.000").param("amountUnit", "lần").param("effectiveFrom", "2000-01-01")
                .param("note", "test amount")).andExpect(status().is3xxRedirection());
        try {
            TraffickingApi api = new TraffickingApi(mvc);
            String worker = api.token("health.caseworker");
            long id = api.openFromLondon(api.token("foreign.officer"),
                    api.registerPerson(api.token("foreign.officer"), "2000-01-01"));
            api.call(post("/api/v1/trafficking-cases/" + id + "/transitions"), worker,
                    Map.of("action", "IDENTIFY", "grounds", List.of("PERSON_STATEMENT"))).andExpect(status().isOk());
            JsonNode entitlements = TraffickingApi.json(api.call(get("/api/v1/trafficking-cases/" + id + "/entitlements"),
                    worker, null));
            JsonNode allowance = null;
            for (JsonNode e : entitlements) {
                if (e.get("benefit").asString().equals("HARDSHIP_ALLOWANCE")) {
                    allowance = e;
                }
            }
            // still abroad: no allowance yet, but the amount in force is shown
            assertThat(allowance.get("entitled").asBoolean()).isFalse();
            assertThat(allowance.get("amountVnd").asLong()).isEqualTo(1_500_000L);
            api.call(post("/api/v1/trafficking-benefit-amounts"), worker, Map.of("benefit", "LOAN", "amountVnd", "1"))
                    .andExpect(status().isForbidden());
        } finally {
            jdbc.update("delete from tc_benefit_amount where note = 'test amount'");
        }
    }

    @Test
    void aRefusedChangeOnTheCasePageComesBackWithTheErrorsAndWhatWasTyped() throws Exception {
        TraffickingApi api = new TraffickingApi(mvc);
        String foreign = api.token("foreign.officer");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        long id = api.openFromLondon(foreign, api.registerPerson(foreign, today.minusYears(15).toString()));
        var health = DemoUsers.login(mvc, "health.caseworker");

        // identifying without any Art. 32 ground is refused: legal basis, evidence and step are kept
        mvc.perform(post("/trafficking-cases/" + id + "/transitions").session(health).with(csrf())
                        .param("action", "IDENTIFY").param("legalBasis", "Điều 32 Luật 53/2024")
                        .param("evidence", "Biên bản lời khai số 17/BB"))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/trafficking-cases/" + id).session(health))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"error-summary\"").contains("data-field=\"grounds\"")
                .contains("value=\"Điều 32 Luật 53/2024\"").contains(">Biên bản lời khai số 17/BB</textarea>")
                .containsPattern("<option value=\"IDENTIFY\"[^>]*selected");

        // a delivery dated tomorrow is refused: the provider, benefit and amount are kept, in that form only
        mvc.perform(post("/trafficking-cases/" + id + "/deliveries").session(health).with(csrf())
                        .param("benefit", "MEDICAL").param("provider", "Bệnh viện Đa khoa Tây Ninh")
                        .param("deliveredOn", today.plusDays(1).toString()).param("amountVnd", "1500000"))
                .andExpect(status().is3xxRedirection());
        page = mvc.perform(get("/trafficking-cases/" + id).session(health))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"Bệnh viện Đa khoa Tây Ninh\"").contains("value=\"1500000\"")
                .contains("value=\"" + today.plusDays(1) + "\"").doesNotContain("Biên bản lời khai số 17/BB");
        String deliveryForm = page.substring(page.indexOf("id=\"delivery-form\""));
        assertThat(deliveryForm).containsPattern("<option value=\"MEDICAL\"[^>]*selected");

        // and nothing is kept once the page is opened again
        page = mvc.perform(get("/trafficking-cases/" + id).session(health)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("Bệnh viện Đa khoa Tây Ninh").doesNotContain("id=\"error-summary\"");
    }
}
