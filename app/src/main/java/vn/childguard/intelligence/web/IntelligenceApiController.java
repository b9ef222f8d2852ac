package vn.childguard.intelligence.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childguard.intelligence.internal.HotspotService;
import vn.childguard.intelligence.internal.ProceedingService;
import vn.childguard.intelligence.internal.IntelligenceService;
import vn.childguard.intelligence.internal.WatchlistService;
import vn.childguard.organisation.CurrentUser;

/**
 * The intelligence API under {@code /api/v1/intelligence}: entities, links, expansion, shortest path,
 * ranking, CSV export, charts and the watchlist. Police intelligence officers only (403 for everyone
 * else, audited by the services); 400 problem+json naming the fields, 404, 409.
 */
@RestController
@RequestMapping("/api/v1/intelligence")
@PreAuthorize("hasRole('INTELLIGENCE_OFFICER')")
class IntelligenceApiController {

    record EntityRequest(String kind, String label, List<String> aliases, String personId, String unitCode,
                         String latitude, String longitude, Map<String, String> attributes) {
    }

    record LinkRequest(String fromId, String toId, String type, String observedOn, String source, String sourceRef,
                       String reliability, String credibility, String notes) {
    }

    record ShareRequest(String agencyCode) {
    }

    record MergeRequest(String duplicateId, String reason) {
    }

    record ReasonRequest(String reason) {
    }

    record ChartRequest(String name, List<Long> entityIds) {
    }

    record WatchlistRequest(String entityId, List<String> names, List<String> birthDates, String sex,
                            List<String> documents, String nationality, String reason, String decisionNumber,
                            String decisionDate, String approvedBy, String validUntil, String alertLevel) {
    }

    record Created(long id) {
    }

    record ProceedingRequest(String receivedOn, String summary, String unitCode) {
    }

    record StepRequest(String stage, String doneOn, String note) {
    }

    record ChargeRequest(String article, String suspectEntityId) {
    }

    record SuspectRequest(String entityId) {
    }

    record VictimRequest(String caseKind, String caseId, String reference, String ageBand) {
    }

    record OutcomeRequest(String outcome, String sentence) {
    }

    private final IntelligenceService intelligence;
    private final WatchlistService watchlist;
    private final ProceedingService proceedings;
    private final HotspotService hotspots;

    IntelligenceApiController(IntelligenceService intelligence, WatchlistService watchlist,
                              ProceedingService proceedings, HotspotService hotspots) {
        this.intelligence = intelligence;
        this.watchlist = watchlist;
        this.proceedings = proceedings;
        this.hotspots = hotspots;
    }

    @GetMapping("/proceedings")
    List<ProceedingService.ProceedingSummary> proceedings(CurrentUser user) {
        return proceedings.list(user);
    }

    @PostMapping("/proceedings")
    ResponseEntity<Created> openProceeding(@RequestBody ProceedingRequest body, CurrentUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        var received = Params.date(body.receivedOn(), "receivedOn", errors);
        Params.check(errors);
        long id = proceedings.open(user, new ProceedingService.NewProceeding(received, body.summary(), body.unitCode()));
        return ResponseEntity.created(URI.create("/api/v1/intelligence/proceedings/" + id)).body(new Created(id));
    }

    @GetMapping("/proceedings/indicators")
    ProceedingService.Indicators indicators(@RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to, CurrentUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        var a = Params.date(from, "from", errors);
        var b = Params.date(to, "to", errors);
        Params.check(errors);
        return proceedings.indicators(user, a, b);
    }

    @GetMapping("/proceedings/{id}")
    ProceedingService.ProceedingView proceeding(@PathVariable long id, CurrentUser user) {
        return proceedings.read(user, id);
    }

    @PostMapping("/proceedings/{id}/steps")
    ResponseEntity<Void> step(@PathVariable long id, @RequestBody StepRequest body, CurrentUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        var on = Params.date(body.doneOn(), "doneOn", errors);
        Params.check(errors);
        proceedings.step(user, id, body.stage(), on, body.note());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/proceedings/{id}/charges")
    ResponseEntity<Void> charge(@PathVariable long id, @RequestBody ChargeRequest body, CurrentUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long suspect = Params.number(body.suspectEntityId(), "suspectEntityId", errors);
        Params.check(errors);
        proceedings.charge(user, id, body.article(), suspect);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/proceedings/{id}/suspects")
    ResponseEntity<Void> suspect(@PathVariable long id, @RequestBody SuspectRequest body, CurrentUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long entity = Params.number(body.entityId(), "entityId", errors);
        if (entity == null) {
            errors.putIfAbsent("entityId", "intelligence.error.required");
        }
        Params.check(errors);
        proceedings.suspect(user, id, entity);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/proceedings/{id}/victims")
    ResponseEntity<Void> victim(@PathVariable long id, @RequestBody VictimRequest body, CurrentUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long caseId = Params.number(body.caseId(), "caseId", errors);
        Params.check(errors);
        proceedings.victim(user, id, body.caseKind(), caseId, body.reference(), body.ageBand());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/proceedings/{id}/outcome")
    ResponseEntity<Void> outcome(@PathVariable long id, @RequestBody OutcomeRequest body, CurrentUser user) {
        proceedings.outcome(user, id, body.outcome(), body.sentence());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/hotspots")
    List<HotspotService.Hotspot> hotspots(CurrentUser user, Locale locale) {
        return hotspots.hotspots(user, locale).ranking();
    }

    @GetMapping("/entities")
    List<IntelligenceService.EntitySummary> entities(@RequestParam(required = false) String kind, CurrentUser user) {
        return intelligence.recent(user, kind, 200);
    }

    @PostMapping("/entities")
    ResponseEntity<Created> createEntity(@RequestBody EntityRequest body, CurrentUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        var entity = new IntelligenceService.NewEntity(body.kind(), body.label(), body.aliases(),
                Params.number(body.personId(), "personId", errors), body.unitCode(),
                Params.decimal(body.latitude(), "latitude", errors), Params.decimal(body.longitude(), "longitude", errors),
                body.attributes());
        Params.check(errors);
        long id = intelligence.createEntity(user, entity);
        return ResponseEntity.created(URI.create("/api/v1/intelligence/entities/" + id)).body(new Created(id));
    }

    @GetMapping("/entities/{id}")
    IntelligenceService.EntityView entity(@PathVariable long id, CurrentUser user) {
        return intelligence.entity(user, id);
    }

    @PostMapping("/entities/{id}/shares")
    ResponseEntity<Void> share(@PathVariable long id, @RequestBody ShareRequest body, CurrentUser user) {
        intelligence.share(user, id, body.agencyCode());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/entities/{id}/merge")
    ResponseEntity<Void> merge(@PathVariable long id, @RequestBody MergeRequest body, CurrentUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long duplicate = Params.number(body.duplicateId(), "duplicateId", errors);
        if (duplicate == null) {
            errors.putIfAbsent("duplicateId", "intelligence.error.required");
        }
        Params.check(errors);
        intelligence.merge(user, id, duplicate, body.reason());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/entities/{id}/duplicates")
    List<IntelligenceService.EntitySummary> duplicates(@PathVariable long id, CurrentUser user) {
        return intelligence.duplicateCandidates(user, id);
    }

    @GetMapping("/entities/{id}/expand")
    IntelligenceService.NetworkView expand(@PathVariable long id, @RequestParam(defaultValue = "1") String steps,
                                           @RequestParam(required = false) String types,
                                           @RequestParam(required = false) String dateFrom,
                                           @RequestParam(required = false) String dateTo, CurrentUser user) {
        return NetworkQueries.expand(intelligence, user, String.valueOf(id), steps, types, dateFrom, dateTo);
    }

    @GetMapping("/path")
    IntelligenceService.NetworkView path(@RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String types,
                                         @RequestParam(required = false) String dateFrom,
                                         @RequestParam(required = false) String dateTo, CurrentUser user) {
        return NetworkQueries.path(intelligence, user, from, to, types, dateFrom, dateTo);
    }

    @GetMapping("/network")
    IntelligenceService.NetworkView network(@RequestParam(required = false) String ids, CurrentUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        var set = Params.ids(ids, "ids", errors);
        Params.check(errors);
        return intelligence.subgraph(user, set);
    }

    @GetMapping("/most-connected")
    List<IntelligenceService.Ranked> mostConnected(@RequestParam(defaultValue = "20") int limit, CurrentUser user) {
        return intelligence.mostConnected(user, Math.max(1, Math.min(limit, 100)));
    }

    /** The shown network as CSV: the entities listed in {@code ids} and the live links among them. */
    @GetMapping(value = "/network.csv")
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

    @PostMapping("/links")
    ResponseEntity<Created> addLink(@RequestBody LinkRequest body, CurrentUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        var link = new IntelligenceService.NewLink(Params.number(body.fromId(), "fromId", errors),
                Params.number(body.toId(), "toId", errors), body.type(),
                Params.date(body.observedOn(), "observedOn", errors), body.source(), body.sourceRef(),
                body.reliability(), body.credibility(), body.notes());
        Params.check(errors);
        long id = intelligence.addLink(user, link);
        return ResponseEntity.created(URI.create("/api/v1/intelligence/links/" + id)).body(new Created(id));
    }

    @PostMapping("/links/{id}/retraction")
    ResponseEntity<Void> retract(@PathVariable long id, @RequestBody ReasonRequest body, CurrentUser user) {
        intelligence.retractLink(user, id, body.reason());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/charts")
    List<IntelligenceService.ChartSummary> charts(CurrentUser user) {
        return intelligence.charts(user);
    }

    @PostMapping("/charts")
    ResponseEntity<Created> saveChart(@RequestBody ChartRequest body, CurrentUser user) {
        long id = intelligence.saveChart(user, body.name(), body.entityIds());
        return ResponseEntity.created(URI.create("/api/v1/intelligence/charts/" + id)).body(new Created(id));
    }

    @GetMapping("/charts/{id}")
    IntelligenceService.NetworkView chart(@PathVariable long id, CurrentUser user) {
        return intelligence.subgraph(user, intelligence.chartEntities(user, id));
    }

    @GetMapping("/watchlist")
    List<WatchlistService.EntryView> watchlist(CurrentUser user) {
        return watchlist.list(user);
    }

    @PostMapping("/watchlist")
    ResponseEntity<Created> addToWatchlist(@RequestBody WatchlistRequest body, CurrentUser user) {
        long id = watchlist.add(user, form(body));
        return ResponseEntity.created(URI.create("/api/v1/intelligence/watchlist/" + id)).body(new Created(id));
    }

    @GetMapping("/watchlist/{id}")
    WatchlistService.EntryView watchlistEntry(@PathVariable long id, CurrentUser user) {
        return watchlist.entry(user, id);
    }

    @PutMapping("/watchlist/{id}")
    ResponseEntity<Void> updateWatchlistEntry(@PathVariable long id, @RequestBody WatchlistRequest body,
                                              CurrentUser user) {
        watchlist.update(user, id, form(body));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/watchlist/{id}/removal")
    ResponseEntity<Void> removeFromWatchlist(@PathVariable long id, @RequestBody ReasonRequest body, CurrentUser user) {
        watchlist.remove(user, id, body.reason());
        return ResponseEntity.noContent().build();
    }

    private static WatchlistService.EntryForm form(WatchlistRequest body) {
        Map<String, String> errors = new LinkedHashMap<>();
        var form = new WatchlistService.EntryForm(Params.number(body.entityId(), "entityId", errors), body.names(),
                body.birthDates(), body.sex(), body.documents(), body.nationality(), body.reason(),
                body.decisionNumber(), Params.date(body.decisionDate(), "decisionDate", errors), body.approvedBy(),
                Params.date(body.validUntil(), "validUntil", errors), body.alertLevel());
        Params.check(errors);
        return form;
    }
}
