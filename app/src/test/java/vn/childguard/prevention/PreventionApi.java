package vn.childguard.prevention;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.test.DemoUsers;

/** Bearer-token calls for the prevention tests. */
final class PreventionApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    private final MockMvc mvc;

    PreventionApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    String token(String username) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + DemoUsers.PASSWORD + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("token").asString();
    }

    ResultActions call(MockHttpServletRequestBuilder request, String token, Object body) throws Exception {
        request.header("Authorization", "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    ResultActions upload(long campaign, String token, String fileName, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/prevention/campaigns/" + campaign + "/activities/upload")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .header("Authorization", "Bearer " + token));
    }

    /** Like {@code RoleAccess.assertOnlyAllowed}, for the API with each demo account's bearer token. */
    void assertOnlyAllowed(String url, java.util.Set<String> allowed) throws Exception {
        Map<String, Integer> actual = new java.util.LinkedHashMap<>();
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        for (String user : DemoUsers.ALL) {
            actual.put(user, call(get(url), token(user), null).andReturn().getResponse().getStatus());
            expected.put(user, allowed.contains(user) ? 200 : 403);
        }
        org.assertj.core.api.Assertions.assertThat(actual).as("HTTP status of GET %s per demo account", url)
                .isEqualTo(expected);
    }

    static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** The id of a Plan 113 task by its code (II.3, II.4.a…). */
    long task(String token, String code) throws Exception {
        for (JsonNode t : json(call(get("/api/v1/prevention/plan-tasks"), token, null).andExpect(status().isOk()))) {
            if (t.get("planCode").asString().equals("113/KH-UBND") && t.get("code").asString().equals(code)) {
                return t.get("id").asLong();
            }
        }
        throw new AssertionError("no task " + code);
    }

    /** comms.officer's campaign around today, linked to II.3 and its direct-sessions indicator. */
    long campaign(String token, int target) throws Exception {
        long task = task(token, "II.3");
        var result = call(post("/api/v1/prevention/campaigns"), token, Map.of(
                "theme", "Phòng, chống mua bán trẻ em " + UUID.randomUUID().toString().substring(0, 6),
                "startsOn", TODAY.minusDays(30).toString(), "endsOn", TODAY.plusDays(60).toString(),
                "audiences", List.of("STUDENTS", "HOTSPOT_COMMUNITIES"),
                "channels", List.of("MEETING", "RADIO", "SCHOOL_SESSION"),
                "targetReach", target, "planTaskId", task, "indicatorCode", "communication_sessions"))
                .andExpect(status().isCreated());
        return json(result).get("id").asLong();
    }
}
