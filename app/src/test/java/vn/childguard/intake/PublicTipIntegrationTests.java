package vn.childguard.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.childguard.intake.internal.TipLimits;
import vn.childguard.test.Api;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

@ChildGuardIntegrationTest
class PublicTipIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TipLimits limits;
    @LocalServerPort
    int port;

    @BeforeEach
    @AfterEach
    void resetLimits() {
        limits.reset();
    }

    @Test
    void aVisitorWithoutJavaScriptAnswersOneQuestionPerPageChecksAndGetsACodeThatShowsOnlyTheStatus() throws Exception {
        MockHttpSession visitor = new MockHttpSession();
        String narrative = "Em bé bị bố dượng đánh mỗi tối " + UUID.randomUUID();
        mvc.perform(get("/tip").session(visitor))
                .andExpect(status().isOk())
                .andExpect(text(containsString("Thoát nhanh")))
                .andExpect(text(not(containsString("<script"))));
        mvc.perform(get("/tip/what").session(visitor))
                .andExpect(status().isOk())
                .andExpect(text(containsString("Chuyện gì đã xảy ra?")))
                .andExpect(text(containsString("Thoát nhanh")))
                .andExpect(text(not(containsString("<script"))));
        mvc.perform(post("/tip/what").session(visitor).with(csrf()).param("narrative", narrative))
                .andExpect(redirectedUrl("/tip/where"));
        mvc.perform(get("/tip/where").session(visitor))
                .andExpect(text(containsString("Xã Tân Biên")));
        mvc.perform(post("/tip/where").session(visitor).with(csrf()).param("unitCode", "25486").param("place", "Ấp 2"))
                .andExpect(redirectedUrl("/tip/when"));
        mvc.perform(post("/tip/when").session(visitor).with(csrf()).param("when", "ONGOING").param("date", ""))
                .andExpect(redirectedUrl("/tip/child"));
        mvc.perform(post("/tip/child").session(visitor).with(csrf()).param("childName", "Bé Na").param("childAge", "8"))
                .andExpect(redirectedUrl("/tip/contact"));
        mvc.perform(post("/tip/contact").session(visitor).with(csrf()).param("contactChoice", "ANONYMOUS"))
                .andExpect(redirectedUrl("/tip/check"));

        mvc.perform(get("/tip/check").session(visitor))
                .andExpect(status().isOk())
                .andExpect(text(containsString(narrative)))
                .andExpect(text(containsString("Xã Tân Biên")))
                .andExpect(text(containsString("Vẫn đang tiếp diễn")))
                .andExpect(text(containsString("href=\"/tip/where?change=1\"")));
        // change an answer from the check page: back to the check page afterwards
        mvc.perform(post("/tip/child?change=1").session(visitor).with(csrf()).param("childName", "Bé Na")
                        .param("childAge", "9"))
                .andExpect(redirectedUrl("/tip/check"));

        var sent = mvc.perform(post("/tip/check").session(visitor).with(csrf()))
                .andExpect(redirectedUrl("/tip/done"))
                .andReturn();
        String code = (String) sent.getFlashMap().get("trackingCode");
        assertThat(code).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
        mvc.perform(get("/tip/done").flashAttr("trackingCode", code))
                .andExpect(text(containsString(code)));
        Map<String, Object> row = jdbc.queryForMap("select * from public_tip where id = (select max(id) from public_tip)");
        assertThat(row.get("status")).isEqualTo("NEW");
        assertThat((String) row.get("narrative")).startsWith("v2:");
        assertThat((Integer) row.get("child_age")).isEqualTo(9);
        assertThat(row.get("tracking_hash").toString()).doesNotContain(code.replace("-", ""));

        mvc.perform(get("/tip/status?code=" + code.toLowerCase()))
                .andExpect(status().isOk())
                .andExpect(text(containsString("Đã nhận, đang chờ cán bộ xem")))
                .andExpect(text(not(containsString(narrative))))
                .andExpect(text(not(containsString("Bé Na"))))
                .andExpect(text(not(containsString("Tân Biên"))));
        mvc.perform(get("/tip/status?code=ABCDE-0000O"))
                .andExpect(status().isBadRequest())
                .andExpect(text(containsString("Mã theo dõi gồm 10 chữ và số")));

        // the hotline sees it, converts it into a report; the visitor then sees "forwarded" and nothing else
        long tipId = ((Number) row.get("id")).longValue();
        var operator = DemoUsers.login(mvc, "hotline.operator");
        mvc.perform(get("/intakes/tips").session(operator))
                .andExpect(text(containsString("/intakes/tips/" + tipId)));
        mvc.perform(get("/intakes/new?tip=" + tipId).session(operator))
                .andExpect(status().isOk())
                .andExpect(text(containsString(narrative)));
        mvc.perform(post("/intakes/new").session(operator).with(csrf()).param("action", "save")
                        .param("tipId", String.valueOf(tipId)).param("channel", "PUBLIC_WEB")
                        .param("receivedAt", "2026-01-01T08:00").param("reporterAnonymous", "true")
                        .param("unitCode", "25486").param("narrative", narrative).param("urgency", "HIGH")
                        .param("people[0].part", "CHILD").param("people[1].part", "ALLEGED_ABUSER"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from public_tip where id = ?", String.class, tipId))
                .isEqualTo("FORWARDED");
        mvc.perform(get("/api/public/tips/" + code))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"FORWARDED\"}", org.springframework.test.json.JsonCompareMode.STRICT));
        // the commune of another area does not see the tip
        mvc.perform(get("/intakes/tips/{id}", tipId).session(DemoUsers.login(mvc, "health.caseworker")))
                .andExpect(status().isForbidden());
    }

    @Test
    void badAnswersComeBackWithClearMessagesAndWhatWasTyped() throws Exception {
        MockHttpSession visitor = new MockHttpSession();
        mvc.perform(post("/tip/what").session(visitor).with(csrf()).param("narrative", "ngắn"))
                .andExpect(status().isBadRequest())
                .andExpect(text(containsString("Hãy kể thêm một chút")))
                .andExpect(text(containsString(">ngắn</textarea>")))
                .andExpect(text(containsString("cg-error-summary")));
        mvc.perform(post("/tip/where").session(visitor).with(csrf()).param("unitCode", "").param("place", "Chợ"))
                .andExpect(status().isBadRequest())
                .andExpect(text(containsString("Chọn xã, phường nơi xảy ra.")))
                .andExpect(text(containsString("value=\"Chợ\"")));
        mvc.perform(post("/tip/when").session(visitor).with(csrf()).param("when", "TODAY").param("date", "31/2/2026"))
                .andExpect(status().isBadRequest())
                .andExpect(text(containsString("Ghi ngày theo dạng ngày/tháng/năm")))
                .andExpect(text(containsString("value=\"31/2/2026\"")));
        mvc.perform(post("/tip/child").session(visitor).with(csrf()).param("childAge", "mười"))
                .andExpect(status().isBadRequest())
                .andExpect(text(containsString("Ghi tuổi bằng số từ 0 đến 17.")));
        mvc.perform(post("/tip/contact").session(visitor).with(csrf()).param("contactChoice", "CONTACT")
                        .param("contactPhone", "12ab"))
                .andExpect(status().isBadRequest())
                .andExpect(text(containsString("Số điện thoại không đúng")))
                .andExpect(text(containsString("value=\"12ab\"")));
        // nothing answered yet: the check page sends the visitor to the first question
        mvc.perform(get("/tip/check").session(visitor)).andExpect(redirectedUrl("/tip/what"));
        mvc.perform(get("/tip/what?lang=en").session(visitor))
                .andExpect(text(containsString("What happened?")))
                .andExpect(text(containsString("Leave this site")));
    }

    @Test
    void aBurstOfTipsFromOneAddressIsRefusedAfterTheLimit() throws Exception {
        Api api = new Api(port);
        Map<String, Object> tip = Map.of("narrative", "Có trẻ bị bắt đi bán vé số ban đêm", "unitCode", "25486",
                "when", "ONGOING");
        for (int i = 0; i < 5; i++) {
            var created = api.post("/api/public/tips", tip, null);
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.body().get("trackingCode").asString()).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
        }
        var refused = api.post("/api/public/tips", tip, null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        // the pages share the limit of the address: a friendly page, not an error dump
        MockHttpSession visitor = new MockHttpSession();
        for (String[] step : new String[][]{{"/tip/what", "narrative", "Trẻ bị đánh ở chợ đêm"},
                {"/tip/where", "unitCode", "25486"}, {"/tip/when", "when", "TODAY"},
                {"/tip/contact", "contactChoice", "ANONYMOUS"}}) {
            mvc.perform(post(step[0]).session(visitor).with(csrf()).param(step[1], step[2]));
        }
        limits.reset();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/public/tips").contentType("application/json")
                    .content("{\"narrative\":\"Trẻ bị đánh ở chợ đêm\",\"unitCode\":\"25486\"}"))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/tip/check").session(visitor).with(csrf()))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(text(containsString("Bạn đã gửi quá nhiều lần")))
                .andExpect(text(containsString("Thoát nhanh")));
    }

    @Test
    void theApiRefusesBadTipsNamingTheFieldsAndHidesEverythingButTheStatus() throws Exception {
        Api api = new Api(port);
        var refused = api.post("/api/public/tips", Map.of("narrative", "", "unitCode", "99999", "childAge", 30), null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("errors").has("narrative")).isTrue();
        assertThat(refused.body().get("errors").has("unitCode")).isTrue();
        assertThat(refused.body().get("errors").has("childAge")).isTrue();
        assertThat(api.get("/api/public/tips/ABCDE-23456", null).status()).isEqualTo(404);
        var created = api.post("/api/public/tips", Map.of("narrative", "Trẻ em bị bỏ rơi ở bến xe", "unitCode", "25486",
                "contactPhone", "0912345678"), null);
        var status = api.get("/api/public/tips/" + created.body().get("trackingCode").asString(), null);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().size()).isEqualTo(1);
        assertThat(status.body().get("status").asString()).isEqualTo("NEW");
    }

    /** The page as a reader sees it: Thymeleaf writes some Vietnamese letters as HTML entities. */
    static org.springframework.test.web.servlet.ResultMatcher text(org.hamcrest.Matcher<? super String> matcher) {
        return result -> org.hamcrest.MatcherAssert.assertThat(
                org.springframework.web.util.HtmlUtils.htmlUnescape(result.getResponse().getContentAsString()), matcher);
    }
}
