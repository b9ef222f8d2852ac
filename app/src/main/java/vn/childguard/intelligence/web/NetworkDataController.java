package vn.childguard.intelligence.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childguard.intelligence.internal.IntelligenceService;
import vn.childguard.organisation.CurrentUser;

/**
 * The JSON the network page's script reads (same session as the page; the bearer-token API offers the
 * same under {@code /api/v1/intelligence}), and the server-side CSV export of the shown network.
 */
@RestController
@PreAuthorize("hasRole('INTELLIGENCE_OFFICER')")
class NetworkDataController {

    private final IntelligenceService intelligence;

    NetworkDataController(IntelligenceService intelligence) {
        this.intelligence = intelligence;
    }

    @GetMapping("/intelligence/network/expand")
    IntelligenceService.NetworkView expand(@RequestParam(required = false) String entity,
                                           @RequestParam(defaultValue = "1") String steps,
                                           @RequestParam(required = false) String types,
                                           @RequestParam(required = false) String dateFrom,
                                           @RequestParam(required = false) String dateTo, CurrentUser user) {
        return NetworkQueries.expand(intelligence, user, entity, steps, types, dateFrom, dateTo);
    }

    @GetMapping("/intelligence/network/path")
    IntelligenceService.NetworkView path(@RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String types,
                                         @RequestParam(required = false) String dateFrom,
                                         @RequestParam(required = false) String dateTo, CurrentUser user) {
        return NetworkQueries.path(intelligence, user, from, to, types, dateFrom, dateTo);
    }

    @GetMapping("/intelligence/network/subgraph")
    IntelligenceService.NetworkView subgraph(@RequestParam(required = false) String ids,
                                             @RequestParam(required = false) String chart, CurrentUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long chartId = Params.number(chart, "chart", errors);
        var set = Params.ids(ids, "ids", errors);
        Params.check(errors);
        return intelligence.subgraph(user, chartId != null ? intelligence.chartEntities(user, chartId) : set);
    }

    @GetMapping("/intelligence/network.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String ids, CurrentUser user, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        var set = Params.ids(ids, "ids", errors);
        Params.check(errors);
        String csv = intelligence.csv(user, intelligence.subgraph(user, set), locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"network.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
    }
}
