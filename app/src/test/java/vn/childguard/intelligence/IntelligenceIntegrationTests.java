package vn.childguard.intelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import vn.childguard.intelligence.internal.WatchlistService;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

/**
 * The intelligence compartment end to end over the API and the pages, as police.officer of the
 * anti-trafficking unit: entities and graded links, expansion and shortest path, retraction, merge,
 * the watchlist as screening reads it, leads from screening alerts, proceedings and their counts,
 * hotspots, CSV export and saved charts.
 */
@ChildGuardIntegrationTest
@RecordApplicationEvents
class IntelligenceIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Watchlist watchlist;
    @Autowired
    WatchlistService watchlistService;
    @Autowired
    IntelligenceLeads leads;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApplicationEvents events;

    @Test
    void aGradedLinkIsExpandedThenRetractedButKeptAndEveryViewOfAPersonIsAudited() throws Exception {
        IntelligenceApi api = new IntelligenceApi(mvc);
        String police = api.token("police.officer");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long broker = api.entity(police, "PERSON", "Cao Văn Lâm " + tag);
        long ring = api.entity(police, "RING", "Đường dây Mộc Bài " + tag);
        long recruiter = api.entity(police, "PERSON", "Kiều Thị Loan " + tag);
        long phone = api.entity(police, "PHONE", "+84 98 " + tag);
        long linkToRing = api.link(police, broker, ring, "MEMBER_OF", "INTERROGATION", "B2");
        api.link(police, recruiter, ring, "MEMBER_OF", "REPORT", "C3");
        long call = api.link(police, recruiter, phone, "CALLED", "REPORT", "C3");

        JsonNode two = IntelligenceApi.json(api.call(get("/api/v1/intelligence/entities/" + broker
                + "/expand?steps=2"), police, null).andExpect(status().isOk()));
        assertThat(IntelligenceApi.ids(two.get("nodes"), "id")).containsExactlyInAnyOrder(broker, ring, recruiter);
        assertThat(two.get("links").valueStream().map(l -> l.get("grading").asString())).contains("B2", "C3");
        JsonNode byType = IntelligenceApi.json(api.call(get("/api/v1/intelligence/entities/" + recruiter
                + "/expand?steps=1&types=CALLED"), police, null).andExpect(status().isOk()));
        assertThat(IntelligenceApi.ids(byType.get("nodes"), "id")).containsExactlyInAnyOrder(recruiter, phone);

        JsonNode path = IntelligenceApi.json(api.call(get("/api/v1/intelligence/path?from=" + broker + "&to=" + phone),
                police, null).andExpect(status().isOk()));
        assertThat(path.get("path").valueStream().map(JsonNode::asLong).toList())
                .containsExactly(broker, ring, recruiter, phone);

        api.call(post("/api/v1/intelligence/links/" + linkToRing + "/retraction"), police,
                Map.of("reason", "Lời khai đã được rút lại")).andExpect(status().isNoContent());
        JsonNode after = IntelligenceApi.json(api.call(get("/api/v1/intelligence/entities/" + broker
                + "/expand?steps=2"), police, null).andExpect(status().isOk()));
        assertThat(IntelligenceApi.ids(after.get("nodes"), "id")).containsExactly(broker);
        assertThat(jdbc.queryForObject("select count(*) from intel_link where id = ? and retracted_at is not null",
                Long.class, linkToRing)).isEqualTo(1);
        api.call(post("/api/v1/intelligence/links/" + linkToRing + "/retraction"), police, Map.of("reason", "x"))
                .andExpect(status().isConflict());

        JsonNode read = IntelligenceApi.json(api.call(get("/api/v1/intelligence/entities/" + broker), police, null)
                .andExpect(status().isOk()));
        assertThat(read.get("links").get(0).get("retracted").asBoolean()).isTrue();
        assertThat(read.get("links").get(0).get("retractionReason").asString()).isEqualTo("Lời khai đã được rút lại");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'intel_entity' "
                + "and entity_id = ? and action = 'READ' and outcome = 'SUCCESS' and actor = 'police.officer'",
                Long.class, String.valueOf(recruiter))).isPositive();
        // notes and labels are encrypted at rest
        assertThat(jdbc.queryForObject("select label from intel_entity where id = ?", String.class, broker))
                .doesNotContain("Cao Văn Lâm");
        assertThat(jdbc.queryForObject("select notes from intel_link where id = ?", String.class, call))
                .doesNotContain("lời khai");
    }

    @Test
    void wrongInputIsRefusedWithProblemJsonNamingEachField() throws Exception {
        IntelligenceApi api = new IntelligenceApi(mvc);
        String police = api.token("police.officer");
        long a = api.entity(police, "PERSON", "Mai Văn Sơn " + UUID.randomUUID());
        api.call(post("/api/v1/intelligence/links"), police, Map.of("fromId", String.valueOf(a), "toId", "abc",
                        "type", "FRIEND", "source", "RUMOUR", "reliability", "F", "credibility", "7",
                        "observedOn", "2026-13-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(result -> assertThat(IntelligenceApi.JSON.readTree(result.getResponse().getContentAsString())
                        .get("errors").propertyNames()).contains("toId", "observedOn"));
        JsonNode bad = IntelligenceApi.json(api.call(post("/api/v1/intelligence/links"), police,
                Map.of("fromId", String.valueOf(a), "toId", String.valueOf(a), "type", "FRIEND", "source", "RUMOUR",
                        "reliability", "F", "credibility", "7")).andExpect(status().isBadRequest()));
        assertThat(bad.get("errors").propertyNames())
                .contains("toId", "type", "source", "reliability", "credibility");
        JsonNode route = IntelligenceApi.json(api.call(post("/api/v1/intelligence/entities"), police,
                Map.of("kind", "ROUTE", "label", "Tuyến mới", "latitude", "95")).andExpect(status().isBadRequest()));
        assertThat(route.get("errors").propertyNames()).contains("origin", "destination", "latitude");
        api.call(get("/api/v1/intelligence/entities/" + a + "/expand?steps=4"), police, null)
                .andExpect(status().isBadRequest());
        api.call(get("/api/v1/intelligence/entities/999999999"), police, null).andExpect(status().isNotFound());
    }

    @Test
    void theBrokerAndTheChildsRecruiterAreTwoStepsApartInTheDemoRing() throws Exception {
        IntelligenceApi api = new IntelligenceApi(mvc);
        String police = api.token("police.officer");
        JsonNode people = IntelligenceApi.json(api.call(get("/api/v1/intelligence/entities?kind=PERSON"), police, null)
                .andExpect(status().isOk()));
        long hung = id(people, "Nguyễn Văn Hùng");
        long tai = id(people, "Trần Văn Tài");
        JsonNode path = IntelligenceApi.json(api.call(get("/api/v1/intelligence/path?from=" + hung + "&to=" + tai),
                police, null).andExpect(status().isOk()));
        // broker → ring → recruiter (or a direct link another test added and retracted)
        assertThat(path.get("path").size()).isEqualTo(3);
        JsonNode network = IntelligenceApi.json(api.call(get("/api/v1/intelligence/entities/" + hung
                + "/expand?steps=2"), police, null).andExpect(status().isOk()));
        assertThat(IntelligenceApi.ids(network.get("nodes"), "id")).contains(hung, tai);
        String page = mvc.perform(get("/intelligence/entities/" + hung).session(DemoUsers.login(mvc, "police.officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Nguyễn Văn Hùng", "Đường dây Tân Biên – Moskva – London", "C1234567");
    }

    private static long id(JsonNode entities, String label) {
        return entities.valueStream().filter(e -> e.get("label").asString().equals(label)).findFirst().orElseThrow()
                .get("id").asLong();
    }

    @Test
    void duplicatePersonEntitiesAreProposedAndMergedWithTheirLinksAndHistory() throws Exception {
        IntelligenceApi api = new IntelligenceApi(mvc);
        String police = api.token("police.officer");
        String name = "Lương Văn Khải " + UUID.randomUUID().toString().substring(0, 6);
        long first = api.entity(police, "PERSON", name);
        long second = api.entity(police, "PERSON", name.toUpperCase());
        long car = api.entity(police, "VEHICLE", "70A-" + UUID.randomUUID().toString().substring(0, 5));
        long link = api.link(police, second, car, "OWNS", "OPEN_SOURCE", "B2");
        JsonNode candidates = IntelligenceApi.json(api.call(get("/api/v1/intelligence/entities/" + first
                + "/duplicates"), police, null).andExpect(status().isOk()));
        assertThat(IntelligenceApi.ids(candidates, "id")).contains(second);

        api.call(post("/api/v1/intelligence/entities/" + first + "/merge"), police,
                Map.of("duplicateId", String.valueOf(second), "reason", "Cùng số CCCD")).andExpect(status().isNoContent());
        assertThat(jdbc.queryForObject("select from_id from intel_link where id = ?", Long.class, link)).isEqualTo(first);
        JsonNode survivor = IntelligenceApi.json(api.call(get("/api/v1/intelligence/entities/" + first), police, null));
        assertThat(survivor.get("aliases").valueStream().map(JsonNode::asString)).contains(name.toUpperCase());
        assertThat(survivor.get("merges").get(0).get("reason").asString()).isEqualTo("Cùng số CCCD");
        JsonNode merged = IntelligenceApi.json(api.call(get("/api/v1/intelligence/entities/" + second), police, null));
        assertThat(merged.get("mergedInto").asLong()).isEqualTo(first);
        api.call(post("/api/v1/intelligence/entities/" + first + "/merge"), police,
                Map.of("duplicateId", String.valueOf(second), "reason", "again")).andExpect(status().isConflict());
    }

    @Test
    void theWatchlistHoldsTheDemoBrokerEnforcesExpiryRemindsTheOwnerAndAnnouncesEveryChange() throws Exception {
        assertThat(watchlist.activeEntries()).anySatisfy(e -> {
            assertThat(e.names()).contains("NGUYEN VAN HUNG", "Nguyễn Văn Hùng");
            assertThat(e.birthDates()).contains("1978-05-12");
            assertThat(e.documents()).contains("C1234567");
            assertThat(e.alertLevel()).isEqualTo("HIGH");
        });

        IntelligenceApi api = new IntelligenceApi(mvc);
        String police = api.token("police.officer");
        LocalDate today = LocalDate.now();
        String name = "Tạ Văn Quý " + UUID.randomUUID().toString().substring(0, 6);
        long person = api.entity(police, "PERSON", name);
        Map<String, Object> entry = new java.util.HashMap<>(Map.of("entityId", String.valueOf(person),
                "names", List.of(name, "TA VAN QUY"), "birthDates", List.of("1981"), "sex", "M",
                "documents", List.of("B7654321"), "reason", "Môi giới đưa người qua biên giới",
                "decisionNumber", "77/QĐ-PC02", "decisionDate", today.minusDays(3).toString(),
                "approvedBy", "Trưởng phòng PC02", "alertLevel", "MEDIUM"));
        entry.put("validUntil", today.plusDays(10).toString());
        long id = IntelligenceApi.json(api.call(post("/api/v1/intelligence/watchlist"), police, entry)
                .andExpect(status().isCreated())).get("id").asLong();
        assertThat(events.stream(WatchlistChanged.class).map(WatchlistChanged::entryId)).contains(id);
        assertThat(watchlist.activeEntries()).anySatisfy(e -> assertThat(e.id()).isEqualTo(id));

        // 14 days before expiry the owner is reminded, once
        assertThat(watchlistService.remindAndExpire(today, 14)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from intel_reminder where entry_id = ? and recipient = ?",
                Long.class, id, "police.officer")).isEqualTo(1);
        watchlistService.remindAndExpire(today, 14);
        assertThat(jdbc.queryForObject("select count(*) from intel_reminder where entry_id = ?", Long.class, id))
                .isEqualTo(1);
        String home = mvc.perform(get("/intelligence").session(DemoUsers.login(mvc, "police.officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(home).contains(name);

        // past its date it stops matching and the expiry is announced
        jdbc.update("update intel_watchlist_entry set valid_until = ? where id = ?", today.minusDays(1), id);
        assertThat(watchlist.activeEntries()).noneSatisfy(e -> assertThat(e.id()).isEqualTo(id));
        long before = events.stream(WatchlistChanged.class).filter(e -> e.entryId() == id).count();
        watchlistService.remindAndExpire(today, 14);
        assertThat(events.stream(WatchlistChanged.class).filter(e -> e.entryId() == id).count()).isEqualTo(before + 1);

        // renewed, it matches again; removed, it stops for good
        entry.put("validUntil", today.plusYears(1).toString());
        api.call(put("/api/v1/intelligence/watchlist/" + id), police, entry).andExpect(status().isNoContent());
        assertThat(watchlist.activeEntries()).anySatisfy(e -> assertThat(e.id()).isEqualTo(id));
        api.call(post("/api/v1/intelligence/watchlist/" + id + "/removal"), police, Map.of("reason", "Hết căn cứ"))
                .andExpect(status().isNoContent());
        assertThat(watchlist.activeEntries()).noneSatisfy(e -> assertThat(e.id()).isEqualTo(id));

        entry.put("decisionNumber", "");
        entry.put("validUntil", today.minusDays(1).toString());
        entry.put("birthDates", List.of("12/05/1978"));
        JsonNode bad = IntelligenceApi.json(api.call(post("/api/v1/intelligence/watchlist"), police, entry)
                .andExpect(status().isBadRequest()));
        assertThat(bad.get("errors").propertyNames()).contains("decisionNumber", "validUntil", "birthDates");
    }

    @Test
    void aScreeningAlertBecomesALeadOnceAndOnlyScreeningOrIntelligenceOfficersHandOneIn() {
        String alert = "SA-" + UUID.randomUUID();
        long entity = as("exit.officer", () -> leads.leadFromScreeningAlert(new IntelligenceLeads.ScreeningLead(alert,
                null, null, "NGUYEN VAN HUNG", null, null,
                "Người lớn đi cùng trẻ không có quan hệ; tên trong danh sách theo dõi")));
        long again = as("exit.officer", () -> leads.leadFromScreeningAlert(
                new IntelligenceLeads.ScreeningLead(alert, null, null, "NGUYEN VAN HUNG", null, null, null)));
        assertThat(again).isEqualTo(entity);
        assertThat(jdbc.queryForObject("select count(*) from intel_link where source_kind = 'SCREENING_ALERT' "
                + "and source_ref = ? and from_id = ?", Long.class, alert, entity)).isEqualTo(1);
        assertThatThrownBy(() -> as("comms.officer", () -> leads.leadFromScreeningAlert(
                new IntelligenceLeads.ScreeningLead("SA-x", null, null, "X", null, null, null))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aLeadJoinsTheEntityOfTheWatchlistEntryOrOfTheSameNameAndBirthDateButNeverOfANameAlone() {
        WatchlistEntry listed = watchlist.activeEntries().stream().filter(e -> e.documents().contains("C1234567"))
                .findFirst().orElseThrow();
        long broker = jdbc.queryForObject("select entity_id from intel_watchlist_entry where id = ?", Long.class,
                listed.id());
        long byEntry = as("exit.officer", () -> leads.leadFromScreeningAlert(new IntelligenceLeads.ScreeningLead(
                "SA-" + UUID.randomUUID(), null, listed.id(), "NGUYEN VAN HUNG", "1978-05-12", "C1234567", null)));
        long byBirth = as("exit.officer", () -> leads.leadFromScreeningAlert(new IntelligenceLeads.ScreeningLead(
                "SA-" + UUID.randomUUID(), null, null, "Nguyen Van Hung", "1978-05-12", "B0000001", null)));
        long namesake = as("exit.officer", () -> leads.leadFromScreeningAlert(new IntelligenceLeads.ScreeningLead(
                "SA-" + UUID.randomUUID(), null, null, "NGUYEN VAN HUNG", "1990-01-01", "B0000002", null)));
        assertThat(byEntry).isEqualTo(broker);
        assertThat(byBirth).isEqualTo(broker);
        assertThat(namesake).isNotEqualTo(broker);
    }

    private long as(String username, java.util.function.LongSupplier call) {
        var details = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        try {
            return call.getAsLong();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aProceedingMovesForwardOnlyWithChargesAndSuspectsAndFeedsTheProgrammeCounts() throws Exception {
        IntelligenceApi api = new IntelligenceApi(mvc);
        String police = api.token("police.officer");
        LocalDate received = LocalDate.now().minusDays(30);
        JsonNode before = IntelligenceApi.json(api.call(get("/api/v1/intelligence/proceedings/indicators?from="
                + received + "&to=" + LocalDate.now()), police, null).andExpect(status().isOk()));
        long suspect = api.entity(police, "PERSON", "Thạch Văn Ren " + UUID.randomUUID());
        long id = IntelligenceApi.json(api.call(post("/api/v1/intelligence/proceedings"), police,
                Map.of("receivedOn", received.toString(), "summary", "Tố giác đưa trẻ sang Campuchia",
                        "unitCode", "25486")).andExpect(status().isCreated())).get("id").asLong();
        String steps = "/api/v1/intelligence/proceedings/" + id + "/steps";
        api.call(post(steps), police, Map.of("stage", "VERIFICATION", "doneOn", received.plusDays(2).toString()))
                .andExpect(status().isNoContent());
        // no charge yet: the case cannot be initiated
        JsonNode refused = IntelligenceApi.json(api.call(post(steps), police, Map.of("stage", "CASE_INITIATED",
                "doneOn", received.plusDays(5).toString())).andExpect(status().isBadRequest()));
        assertThat(refused.get("errors").propertyNames()).contains("stage");
        api.call(post("/api/v1/intelligence/proceedings/" + id + "/charges"), police,
                Map.of("article", "151", "suspectEntityId", String.valueOf(suspect))).andExpect(status().isNoContent());
        api.call(post("/api/v1/intelligence/proceedings/" + id + "/charges"), police, Map.of("article", "999"))
                .andExpect(status().isBadRequest());
        api.call(post(steps), police, Map.of("stage", "CASE_INITIATED", "doneOn", received.plusDays(5).toString()))
                .andExpect(status().isNoContent());
        api.call(post(steps), police, Map.of("stage", "VERIFICATION", "doneOn", received.plusDays(6).toString()))
                .andExpect(status().isBadRequest());
        api.call(post(steps), police, Map.of("stage", "SUSPECTS_CHARGED", "doneOn", received.plusDays(1).toString()))
                .andExpect(status().isBadRequest());
        for (String stage : List.of("SUSPECTS_CHARGED", "INVESTIGATION_CONCLUDED", "INDICTMENT", "FIRST_INSTANCE_TRIAL")) {
            api.call(post(steps), police, Map.of("stage", stage, "doneOn", received.plusDays(10).toString()))
                    .andExpect(status().isNoContent());
        }
        api.call(post("/api/v1/intelligence/proceedings/" + id + "/victims"), police, Map.of("caseKind", "TRAFFICKING",
                "caseId", "424242", "reference", "MBN-2026-000042", "ageBand", "UNDER_16")).andExpect(status().isNoContent());
        api.call(post("/api/v1/intelligence/proceedings/" + id + "/outcome"), police,
                Map.of("outcome", "CONVICTED", "sentence", "12 năm tù")).andExpect(status().isNoContent());

        JsonNode p = IntelligenceApi.json(api.call(get("/api/v1/intelligence/proceedings/" + id), police, null)
                .andExpect(status().isOk()));
        assertThat(p.get("stage").asString()).isEqualTo("FIRST_INSTANCE_TRIAL");
        assertThat(p.get("reference").asString()).startsWith("HS-");
        assertThat(p.get("victims").get(0).get("ageBand").asString()).isEqualTo("UNDER_16");
        assertThat(p.get("charges").get(0).get("article").asString()).isEqualTo("151");
        assertThat(p.get("steps").size()).isEqualTo(7);

        JsonNode after = IntelligenceApi.json(api.call(get("/api/v1/intelligence/proceedings/indicators?from="
                + received + "&to=" + LocalDate.now()), police, null).andExpect(status().isOk()));
        for (String count : List.of("received", "settled", "initiated", "cleared", "indicted", "tried")) {
            assertThat(after.get(count).asLong()).as(count).isEqualTo(before.get(count).asLong() + 1);
        }
        String page = mvc.perform(get("/intelligence/proceedings/" + id).session(DemoUsers.login(mvc, "police.officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("MBN-2026-000042", "12 năm tù");
    }

    @Test
    void hotspotsRankTheCommuneOfAKnownRecruiterOnTheServerDrawnMap() throws Exception {
        IntelligenceApi api = new IntelligenceApi(mvc);
        String police = api.token("police.officer");
        long recruiter = IntelligenceApi.json(api.call(post("/api/v1/intelligence/entities"), police,
                Map.of("kind", "PERSON", "label", "Danh Thị Sa " + UUID.randomUUID(), "unitCode", "25486")))
                .get("id").asLong();
        long child = api.entity(police, "PERSON", "Nạn nhân " + UUID.randomUUID());
        api.link(police, recruiter, child, "RECRUITED", "CASE", "B2");
        JsonNode ranking = IntelligenceApi.json(api.call(get("/api/v1/intelligence/hotspots"), police, null)
                .andExpect(status().isOk()));
        assertThat(ranking.size()).isEqualTo(96);
        JsonNode tanBien = ranking.valueStream().filter(h -> h.get("code").asString().equals("25486")).findFirst()
                .orElseThrow();
        assertThat(tanBien.get("recruiters").asLong()).isPositive();
        assertThat(tanBien.get("rank").asLong()).isLessThanOrEqualTo(ranking.valueStream()
                .filter(h -> h.get("score").asLong() > 0).count());
        String page = mvc.perform(get("/intelligence/hotspots").session(DemoUsers.login(mvc, "police.officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<svg", "id=\"commune-25486\"").doesNotContain("tile.", "openstreetmap");
    }

    @Test
    void theShownNetworkIsExportedAsCsvAndSavedAsANamedChart() throws Exception {
        IntelligenceApi api = new IntelligenceApi(mvc);
        String police = api.token("police.officer");
        long a = api.entity(police, "ORGANISATION", "=HYPERLINK(\"x\") Công ty " + UUID.randomUUID());
        long b = api.entity(police, "BANK_ACCOUNT", "0123456789 " + UUID.randomUUID());
        api.link(police, a, b, "OWNS", "OPEN_SOURCE", "A1");
        var session = DemoUsers.login(mvc, "police.officer");
        String csv = mvc.perform(get("/intelligence/network.csv?ids=" + a + "," + b).session(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("network.csv")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("node," + a + ",ORGANISATION,\"'=HYPERLINK", "link,").contains("OWNS", "A1");
        String location = mvc.perform(post("/intelligence/charts").session(session).with(csrf())
                        .param("name", "Đường dây tài chính").param("ids", a + "," + b))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/intelligence/network?chart=");
        long chart = Long.parseLong(location.substring(location.indexOf('=') + 1));
        JsonNode shown = IntelligenceApi.json(api.call(get("/api/v1/intelligence/charts/" + chart), police, null)
                .andExpect(status().isOk()));
        assertThat(IntelligenceApi.ids(shown.get("nodes"), "id")).containsExactlyInAnyOrder(a, b);
        assertThat(shown.get("links").size()).isEqualTo(1);
        mvc.perform(get(location).session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Đường dây tài chính")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/js/intelligence-network.js")));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'EXPORT' "
                + "and entity_type = 'intel_entity' and actor = 'police.officer'", Long.class)).isPositive();
    }

    @Test
    void policeOnAProceedingNamingATraffickingCaseReadItAndItsCommuneRisesAmongHotspots() throws Exception {
        IntelligenceApi api = new IntelligenceApi(mvc);
        String foreign = api.token("foreign.officer");
        String police = api.token("police.officer");
        long victimsBefore = tanBien(api, police).get("victims").asLong();
        String name = "Trần Thị Hoa " + UUID.randomUUID().toString().substring(0, 6);
        long person = IntelligenceApi.json(api.call(post("/api/v1/persons"), foreign, Map.of("fullName", name,
                "birthDate", LocalDate.now().minusYears(15).toString(), "sex", "F", "documents", List.of(),
                "unitCode", "25486")).andExpect(status().isCreated())).get("id").asLong();
        long traffickingCase = IntelligenceApi.json(api.call(post("/api/v1/trafficking-cases"), foreign,
                Map.of("personId", person, "unitCode", "25486", "countryCode", "GB", "abroad", true,
                        "source", "Đại sứ quán Việt Nam tại London", "data", Map.of("summary", "Trang trại cần sa")))
                .andExpect(status().isCreated())).get("id").asLong();
        api.call(get("/api/v1/trafficking-cases/" + traffickingCase), police, null).andExpect(status().isForbidden());

        long proceeding = IntelligenceApi.json(api.call(post("/api/v1/intelligence/proceedings"), police,
                Map.of("receivedOn", LocalDate.now().toString(), "summary", "Đường dây đưa trẻ sang Anh")))
                .get("id").asLong();
        api.call(post("/api/v1/intelligence/proceedings/" + proceeding + "/victims"), police,
                Map.of("caseKind", "TRAFFICKING", "caseId", String.valueOf(traffickingCase), "ageBand", "UNDER_16"))
                .andExpect(status().isNoContent());
        JsonNode read = IntelligenceApi.json(api.call(get("/api/v1/trafficking-cases/" + traffickingCase), police,
                null).andExpect(status().isOk()));
        assertThat(read.get("level").asString()).isEqualTo("REFERRAL");
        assertThat(tanBien(api, police).get("victims").asLong()).isEqualTo(victimsBefore + 1);
    }

    @Test
    void aReportReceivedAboutACommuneCountsAmongItsHotspotIndicators() throws Exception {
        IntelligenceApi api = new IntelligenceApi(mvc);
        String police = api.token("police.officer");
        long before = tanBien(api, police).get("reports").asLong();
        api.call(post("/api/v1/intakes"), api.token("hotline.operator"), Map.of("channel", "HOTLINE_111",
                "unitCode", "25486", "narrative", "Có người rủ trẻ đi làm ở Nga, hứa trả lương cao", "urgency", "HIGH",
                "reporterAnonymous", true, "people", List.of(Map.of("part", "CHILD", "newPerson",
                        Map.of("fullName", "Thạch Văn Bảy " + UUID.randomUUID(), "estimatedAge", 15)))))
                .andExpect(status().isCreated());
        JsonNode after = tanBien(api, police);
        assertThat(after.get("reports").asLong()).isEqualTo(before + 1);
        assertThat(after.get("score").asLong()).isGreaterThanOrEqualTo(after.get("reports").asLong());
    }

    @Test
    void aCaseChildBecomesAnEntityOnlyWhenTheCaseSharedTheChildsIdentityWithTheUnit() throws Exception {
        IntelligenceApi api = new IntelligenceApi(mvc);
        String commune = api.token("commune.officer");
        long child = IntelligenceApi.json(api.call(post("/api/v1/persons"), commune, Map.of("fullName",
                "Kim Thị Sương " + UUID.randomUUID().toString().substring(0, 6), "birthDate", "2012-06-01", "sex", "F",
                "documents", List.of(), "unitCode", "25486")).andExpect(status().isCreated())).get("id").asLong();
        long kase = IntelligenceApi.json(api.call(post("/api/v1/cases"), commune, Map.of("childPersonId", child,
                "unitCode", "25486", "seriousRisk", true)).andExpect(status().isCreated())).get("kase").get("id").asLong();
        var session = DemoUsers.login(mvc, "police.officer");
        String refused = mvc.perform(post("/intelligence/entities/from-case").session(session).with(csrf())
                        .param("caseId", String.valueOf(kase)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("chưa chuyển gửi thông tin nhận dạng");

        api.call(post("/api/v1/cases/" + kase + "/referrals"), commune, Map.of("toAgency", "CA-PC02",
                "reason", "Nghi bị dụ dỗ ra nước ngoài", "services", List.of("LEGAL_ADVICE"),
                "sections", List.of("CHILD_IDENTITY"), "legalBasis", "Điều 13 Luật Phòng, chống mua bán người 2024"))
                .andExpect(status().isCreated());
        String location = mvc.perform(post("/intelligence/entities/from-case").session(session).with(csrf())
                        .param("caseId", String.valueOf(kase)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long entity = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.queryForObject("select person_id from intel_entity where id = ?", Long.class, entity))
                .isEqualTo(child);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'cp_case' and entity_id = ? "
                + "and outcome = 'DENIED'", Long.class, String.valueOf(kase))).isEqualTo(1);
    }

    private static JsonNode tanBien(IntelligenceApi api, String token) throws Exception {
        return IntelligenceApi.json(api.call(get("/api/v1/intelligence/hotspots"), token, null)).valueStream()
                .filter(h -> h.get("code").asString().equals("25486")).findFirst().orElseThrow();
    }
}
