package vn.childguard.intelligence;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.test.DemoUsers;

/** Bearer-token calls for the intelligence tests. */
final class IntelligenceApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final MockMvc mvc;

    IntelligenceApi(MockMvc mvc) {
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

    static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    long entity(String token, String kind, String label) throws Exception {
        return json(call(post("/api/v1/intelligence/entities"), token, Map.of("kind", kind, "label", label))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    long link(String token, long from, long to, String type, String source, String grading) throws Exception {
        return json(call(post("/api/v1/intelligence/links"), token, Map.of("fromId", String.valueOf(from),
                "toId", String.valueOf(to), "type", type, "observedOn", "2026-02-01", "source", source,
                "sourceRef", "BB-01/2026", "reliability", grading.substring(0, 1),
                "credibility", grading.substring(1), "notes", "Theo lời khai"))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    static List<Long> ids(JsonNode array, String field) {
        return array.valueStream().map(n -> n.get(field).asLong()).toList();
    }
}
