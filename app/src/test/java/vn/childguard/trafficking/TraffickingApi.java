package vn.childguard.trafficking;

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

/** Bearer-token calls for the trafficking tests. */
final class TraffickingApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final MockMvc mvc;

    TraffickingApi(MockMvc mvc) {
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

    /** Registers a person born on the day in commune 25486, with a unique name, and returns the id. */
    long registerPerson(String token, String birthDate) throws Exception {
        String name = "Trần Văn Nam " + UUID.randomUUID().toString().substring(0, 6);
        var result = call(post("/api/v1/persons"), token, Map.of("fullName", name, "birthDate", birthDate,
                "sex", "M", "documents", List.of(), "unitCode", "25486")).andExpect(status().isCreated());
        return json(result).get("id").asLong();
    }

    /** foreign.officer records the London embassy's notification; returns the case id. */
    long openFromLondon(String token, long person) throws Exception {
        var result = call(post("/api/v1/trafficking-cases"), token, Map.of("personId", person, "unitCode", "25486",
                "countryCode", "GB", "abroad", true, "source", "Đại sứ quán Việt Nam tại London",
                "data", Map.of("exploitationTypes", List.of("FORCED_CRIMINALITY"), "summary",
                        "Tìm thấy tại trang trại trồng cần sa", "meansOfControl", List.of("DEBT_BONDAGE"),
                        "destinationCountries", List.of("GB"), "transitCountries", List.of("RU", "FR"),
                        "debtAmount", "25000", "debtCurrency", "GBP",
                        "nrm", Map.of("referralDate", "2026-01-05", "reasonableGrounds", "POSITIVE"))))
                .andExpect(status().isCreated());
        return json(result).get("id").asLong();
    }
}
