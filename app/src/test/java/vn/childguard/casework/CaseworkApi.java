package vn.childguard.casework;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.test.DemoUsers;

/** Bearer-token calls for the casework tests. */
final class CaseworkApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final MockMvc mvc;

    CaseworkApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    String token(String username) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + DemoUsers.PASSWORD + "\"}"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
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

    /** Registers a new child in commune 25486 with a unique name and returns its id. */
    long registerChild(String token) throws Exception {
        String name = "Lê Thị Hồng " + UUID.randomUUID().toString().substring(0, 6);
        var result = call(post("/api/v1/persons"), token, Map.of("fullName", name, "birthDate", "2011-05-02",
                "sex", "F", "documents", List.of(), "unitCode", "25486")).andExpect(status().isCreated());
        return json(result).get("id").asLong();
    }

    /** Opens a case for the child in commune 25486, with serious risk, and returns its id. */
    long openCase(String token, long child) throws Exception {
        var result = call(post("/api/v1/cases"), token, Map.of("childPersonId", child, "unitCode", "25486",
                "seriousRisk", true)).andExpect(status().isCreated());
        return json(result).get("kase").get("id").asLong();
    }
}
