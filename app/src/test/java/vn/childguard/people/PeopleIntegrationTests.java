package vn.childguard.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

/**
 * The register end to end: search-before-create on the demo people, registration and audited reads,
 * refusals for users without a stake, problem+json naming the field, merge and dismiss, photos.
 * People created here have names no other test uses.
 */
@ChildGuardIntegrationTest
class PeopleIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    String token(String username) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + DemoUsers.PASSWORD + "\"}"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("token").asString();
    }

    ResultActions api(MockHttpServletRequestBuilder request, String token, Object body) throws Exception {
        request.header("Authorization", "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    JsonNode search(String token, String query) throws Exception {
        return JSON.readTree(api(get("/api/v1/persons?" + query), token, null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    long register(String token, Map<String, Object> person) throws Exception {
        String location = api(post("/api/v1/persons"), token, person)
                .andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    long audits(String action, String outcome, String actor, long personId) {
        return jdbc.queryForObject("select count(*) from audit_event where entity_type = 'person' and entity_id = ? "
                + "and action = ? and outcome = ? and actor = ?", Long.class, String.valueOf(personId), action, outcome, actor);
    }

    @Test
    void aNameTypedWithDiacriticsFindsTheChildRegisteredWithoutThemFirstWithReasons() throws Exception {
        JsonNode hits = search(token("hotline.operator"), "name=Nguyễn Thị Ánh");
        assertThat(hits.size()).isGreaterThan(1);
        JsonNode first = hits.get(0);
        assertThat(first.get("fullName").asString()).isEqualTo("NGUYEN THI ANH");
        assertThat(first.get("birthYear").asInt()).isEqualTo(2011);
        assertThat(first.get("unitName").asString()).isEqualTo("Xã Tân Biên");
        assertThat(first.get("reasons").get(0).asString()).startsWith("Họ tên: khớp 3/3 từ");
        assertThat(first.get("score").asDouble()).isGreaterThan(hits.get(1).get("score").asDouble());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = 'hotline.operator' "
                + "and action = 'SEARCH' and entity_type = 'person'", Long.class)).isPositive();
    }

    @Test
    void anotherNameOrderWithTheBirthDateComesFirstAndADocumentOneDigitOffMakesItAnAlert() throws Exception {
        String token = token("commune.officer");
        JsonNode first = search(token, "name=ANH THI NGUYEN&birthDate=2011-03-14").get(0);
        assertThat(first.get("fullName").asString()).isEqualTo("NGUYEN THI ANH");
        assertThat(first.get("reasons").toString()).contains("Ngày sinh trùng khớp");

        JsonNode withDocument = search(token, "name=ANH THI NGUYEN&birthDate=2011-03-14&document=072311000128").get(0);
        assertThat(withDocument.get("fullName").asString()).isEqualTo("NGUYEN THI ANH");
        assertThat(withDocument.get("strong").asBoolean()).isTrue();
        assertThat(withDocument.get("reasons").toString()).contains("Số giấy tờ lệch một ký tự");
    }

    @Test
    void registeringAndReadingAPersonAreAuditedAndTheIdentityIsEncryptedAtRest() throws Exception {
        String token = token("commune.officer");
        long id = register(token, Map.of("fullName", "Tôn Nữ Diễm Kiều", "birthDate", "2013-07-09", "sex", "F",
                "unitCode", "25486", "addressText", "Ấp Thạnh Bình",
                "documents", List.of(Map.of("kind", "BIRTH_CERTIFICATE", "number", "BC-2013-0709"))));
        api(get("/api/v1/persons/" + id), token, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value("Tôn Nữ Diễm Kiều"))
                .andExpect(jsonPath("$.documents[0].number").value("BC20130709"))
                .andExpect(jsonPath("$.addressText").value("Ấp Thạnh Bình"));
        assertThat(audits("CREATE", "SUCCESS", "commune.officer", id)).isEqualTo(1);
        assertThat(audits("READ", "SUCCESS", "commune.officer", id)).isGreaterThanOrEqualTo(2);
        String stored = jdbc.queryForObject("select full_name from person where id = ?", String.class, id);
        assertThat(stored).startsWith("v2:").doesNotContain("Kiều");
        assertThat(jdbc.queryForObject("select number from person_document where person_id = ?", String.class, id))
                .doesNotContain("2013");

        var officer = DemoUsers.login(mvc, "commune.officer");
        mvc.perform(get("/people/" + id).session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tôn Nữ Diễm Kiều")));
    }

    @Test
    void usersWithoutAStakeInThePersonAreRefusedAndTheRefusalIsAudited() throws Exception {
        // a child of its own: other tests give agencies a stake in the demo child (a report naming the police)
        long child = register(token("commune.officer"), Map.of("fullName", "Vương Thị Ngọc Yến " + UUID.randomUUID()
                .toString().substring(0, 6), "birthDate", "2012-08-21", "sex", "F", "unitCode", "25486"));
        for (String user : List.of("comms.officer", "police.officer")) {
            api(get("/api/v1/persons/" + child), token(user), null)
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            assertThat(audits("READ", "DENIED", user, child)).isPositive();
        }
        mvc.perform(get("/people/" + child).session(DemoUsers.login(mvc, "police.officer")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/people/" + child).session(DemoUsers.login(mvc, "comms.officer")))
                .andExpect(status().isForbidden());
        api(get("/api/v1/persons?name=NGUYEN"), token("comms.officer"), null).andExpect(status().isForbidden());
    }

    @Test
    void aBadBirthDateIsAProblemNamingTheField() throws Exception {
        String token = token("commune.officer");
        api(get("/api/v1/persons?name=Nguyen&birthDate=14/03/2011"), token, null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.birthDate").value(containsString("năm-tháng-ngày")));
        api(post("/api/v1/persons"), token, Map.of("fullName", "Hà Thị Tuyết Nhung", "birthDate", "2030-01-01",
                        "documents", List.of(Map.of("kind", "CITIZEN_ID", "number", "12345"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.birthDate").value(containsString("tương lai")))
                .andExpect(jsonPath("$.errors['documents[0].number']").value(containsString("12 chữ số")));
    }

    @Test
    void searchBeforeCreateWorksWithPlainFormPostsAndTheCandidatesFragmentOffersAPick() throws Exception {
        var officer = DemoUsers.login(mvc, "commune.officer");
        mvc.perform(post("/people/new").session(officer).with(csrf())
                        .param("action", "search").param("fullName", "Nguyễn Thị Ánh").param("birthDate", "2011"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("NGUYEN THI ANH")))
                .andExpect(content().string(containsString("id=\"create-button\"")));
        mvc.perform(post("/people/new").session(officer).with(csrf())
                        .param("action", "search").param("fullName", "X").param("birthDate", "2011-13-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"birthDate-error\"")));
        String location = mvc.perform(post("/people/new").session(officer).with(csrf())
                        .param("action", "create").param("fullName", "Quách Thị Ngọc Hân").param("birthDate", "2012")
                        .param("sex", "F").param("unitCode", "25486")
                        .param("documents[0].kind", "CITIZEN_ID").param("documents[0].number", "")
                        .param("documents[1].kind", "PASSPORT").param("documents[1].number", ""))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/people/\\d+");

        mvc.perform(get("/people/candidates?name=Quach Thi Ngoc Han&select=personId").session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Quách Thị Ngọc Hân")))
                .andExpect(content().string(containsString("name=\"personId\"")))
                .andExpect(content().string(containsString("value=\"" + location.substring(8) + "\"")));
    }

    @Test
    void aSupervisorMergesADuplicateMovingDocumentsAndRelationshipsAndDismissesAnother() throws Exception {
        String token = token("commune.officer");
        long kept = register(token, Map.of("fullName", "Phan Thị Kiều Oanh", "birthDate", "2010-10-05", "sex", "F",
                "unitCode", "25486", "documents", List.of(Map.of("kind", "CITIZEN_ID", "number", "072310009876"))));
        long duplicate = register(token, Map.of("fullName", "PHAN THI KIEU OANH", "birthDate", "2010-10-05", "sex", "F",
                "documents", List.of(Map.of("kind", "PASSPORT", "number", "C7654321"),
                        Map.of("kind", "CITIZEN_ID", "number", "072310009876"))));
        long aunt = register(token, Map.of("fullName", "Phan Thị Lệ Quyên", "birthDate", "1979", "sex", "F"));
        var officer = DemoUsers.login(mvc, "commune.officer");
        mvc.perform(post("/people/" + aunt + "/relationships").session(officer).with(csrf())
                        .param("kind", "CARER").param("otherPersonId", String.valueOf(duplicate)))
                .andExpect(flash().attribute("flash", "people.relationship.saved"));
        long other = register(token, Map.of("fullName", "Lâm Văn Quyết", "birthDate", "2009-01-15", "sex", "M",
                "documents", List.of(Map.of("kind", "CITIZEN_ID", "number", "072209004455"))));
        long twin = register(token, Map.of("fullName", "LAM VAN QUYET", "birthDate", "2009-01-15", "sex", "M"));

        var chair = DemoUsers.login(mvc, "commune.chair");
        mvc.perform(get("/people/duplicates").session(chair))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-pair=\"" + kept + "-" + duplicate + "\"")))
                .andExpect(content().string(containsString("data-pair=\"" + other + "-" + twin + "\"")));

        mvc.perform(post("/people/duplicates/merge").session(chair).with(csrf())
                        .param("survivor", String.valueOf(kept)).param("merged", String.valueOf(duplicate)))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/people/" + kept));
        assertThat(jdbc.queryForObject("select merged_into from person where id = ?", Long.class, duplicate)).isEqualTo(kept);
        assertThat(jdbc.queryForList("select kind from person_document where person_id = ? order by kind", String.class, kept))
                .containsExactly("CITIZEN_ID", "PASSPORT");
        assertThat(jdbc.queryForObject("select count(*) from person_document where person_id = ?", Long.class, duplicate))
                .isZero();
        assertThat(jdbc.queryForObject("select other_person_id from person_relationship where person_id = ?", Long.class,
                aunt)).isEqualTo(kept);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'MERGE' and entity_id = ?",
                Long.class, String.valueOf(duplicate))).isEqualTo(1);
        mvc.perform(get("/people/" + kept).session(chair))
                .andExpect(content().string(containsString("id=\"merge-history\"")))
                .andExpect(content().string(containsString("commune.chair")));

        mvc.perform(post("/people/duplicates/dismiss").session(chair).with(csrf())
                        .param("first", String.valueOf(other)).param("second", String.valueOf(twin)))
                .andExpect(flash().attribute("flash", "people.duplicates.dismissed"));
        mvc.perform(get("/people/duplicates").session(chair))
                .andExpect(content().string(not(containsString("data-pair=\"" + other + "-" + twin + "\""))))
                .andExpect(content().string(not(containsString("data-pair=\"" + kept + "-" + duplicate + "\""))));

        JsonNode hits = search(token, "name=Phan Thi Kieu Oanh&birthDate=2010-10-05");
        assertThat(hits.findValuesAsString("personId")).doesNotContain(String.valueOf(duplicate));
        mvc.perform(get("/people/duplicates").session(DemoUsers.login(mvc, "commune.officer")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPhotoMustBeAJpegOrPngAndIsStoredSealed() throws Exception {
        String token = token("commune.officer");
        long id = register(token, Map.of("fullName", "Văn Thị Hồng Nhạn", "birthDate", "2014"));
        var officer = DemoUsers.login(mvc, "commune.officer");
        mvc.perform(multipart("/people/" + id + "/photo").file(new MockMultipartFile("photo", "a.png", "image/png",
                        "GIF89a not a png".getBytes())).session(officer).with(csrf()))
                .andExpect(flash().attribute("photoError", "people.error.photo.type"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3, 4};
        mvc.perform(multipart("/people/" + id + "/photo").file(new MockMultipartFile("photo", "a.png", "image/png", png))
                        .session(officer).with(csrf()))
                .andExpect(flash().attribute("flash", "people.photo.saved"));
        assertThat(jdbc.queryForObject("select photo from person where id = ?", byte[].class, id)).isNotEqualTo(png);
        mvc.perform(get("/people/" + id + "/photo").session(officer))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(content().bytes(png));
        mvc.perform(get("/people/" + id + "/photo").session(DemoUsers.login(mvc, "health.caseworker")))
                .andExpect(status().isForbidden());
    }
}
