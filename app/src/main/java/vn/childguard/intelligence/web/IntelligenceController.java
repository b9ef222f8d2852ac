package vn.childguard.intelligence.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.childguard.intelligence.internal.IntelligenceLeadsService;
import vn.childguard.intelligence.internal.IntelligenceRuleException;
import vn.childguard.intelligence.internal.IntelligenceService;
import vn.childguard.intelligence.internal.WatchlistService;
import vn.childguard.organisation.CurrentUser;

/**
 * The intelligence pages: the start page (entities, reminders, most connected, saved charts), a new
 * entity, an entity with its links (add, retract), sharing and merging, and the network view (whose
 * script reads the JSON API). A refused change comes back with the errors next to the fields.
 */
@Controller
@PreAuthorize("hasRole('INTELLIGENCE_OFFICER')")
class IntelligenceController {

    static final List<String> ROUTE_FIELDS = List.of("origin", "transit", "destination", "mode", "modusOperandi");
    static final List<String> OTHER_FIELDS = List.of("eventDate", "details");

    private final IntelligenceService intelligence;
    private final WatchlistService watchlist;
    private final IntelligenceLeadsService leads;

    IntelligenceController(IntelligenceService intelligence, WatchlistService watchlist, IntelligenceLeadsService leads) {
        this.intelligence = intelligence;
        this.watchlist = watchlist;
        this.leads = leads;
    }

    @GetMapping("/intelligence")
    String home(@RequestParam(required = false) String kind, CurrentUser user, Model model) {
        model.addAttribute("entities", intelligence.recent(user, kind, 100));
        model.addAttribute("kinds", intelligence.items("intel_entity_kind"));
        model.addAttribute("kind", kind);
        model.addAttribute("ranked", intelligence.mostConnected(user, 10));
        model.addAttribute("charts", intelligence.charts(user));
        model.addAttribute("reminders", watchlist.reminders(user));
        return "intelligence/home";
    }

    @GetMapping("/intelligence/entities/new")
    String newEntity(@RequestParam Map<String, String> params, CurrentUser user, Model model) {
        intelligence.recent(user, null, 1);
        prepareNew(params, Map.of(), model);
        return "intelligence/new";
    }

    private void prepareNew(Map<String, String> params, Map<String, String> errors, Model model) {
        model.addAttribute("form", params);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", intelligence.items("intel_entity_kind"));
        model.addAttribute("routeFields", ROUTE_FIELDS);
        model.addAttribute("otherFields", OTHER_FIELDS);
    }

    @PostMapping("/intelligence/entities")
    String create(@RequestParam Map<String, String> params, CurrentUser user, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String field : ROUTE_FIELDS) {
            attributes.put(field, params.get(field));
        }
        for (String field : OTHER_FIELDS) {
            attributes.put(field, params.get(field));
        }
        try {
            var entity = new IntelligenceService.NewEntity(params.get("kind"), params.get("label"),
                    Params.items(params.get("aliases")), Params.number(params.get("personId"), "personId", errors),
                    params.get("unitCode"), Params.decimal(params.get("latitude"), "latitude", errors),
                    Params.decimal(params.get("longitude"), "longitude", errors), attributes);
            Params.check(errors);
            long id = intelligence.createEntity(user, entity);
            redirect.addFlashAttribute("flash", "intelligence.flash.created");
            return "redirect:/intelligence/entities/" + id;
        } catch (IntelligenceRuleException.Invalid e) {
            response.setStatus(400);
            prepareNew(params, e.errors(), model);
            return "intelligence/new";
        }
    }

    /** The child of a child-protection case whose identity casework shared with the officer's unit. */
    @PostMapping("/intelligence/entities/from-case")
    String fromCase(@RequestParam Map<String, String> params, CurrentUser user, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            Long caseId = Params.number(params.get("caseId"), "caseId", errors);
            if (caseId == null) {
                errors.putIfAbsent("caseId", "intelligence.error.required");
            }
            Params.check(errors);
            long id = leads.fromChildProtectionCase(user, caseId);
            redirect.addFlashAttribute("flash", "intelligence.flash.created");
            return "redirect:/intelligence/entities/" + id;
        } catch (IntelligenceRuleException.Invalid e) {
            response.setStatus(400);
            prepareNew(params, e.errors(), model);
            return "intelligence/new";
        }
    }

    @GetMapping("/intelligence/entities/{id}")
    String entity(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("e", intelligence.entity(user, id));
        model.addAttribute("candidates", intelligence.duplicateCandidates(user, id));
        model.addAttribute("linkTypes", intelligence.items("intel_link_type"));
        model.addAttribute("sources", intelligence.items("intel_source"));
        model.addAttribute("reliabilities", intelligence.items("intel_reliability"));
        model.addAttribute("credibilities", intelligence.items("intel_credibility"));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "intelligence/entity";
    }

    @PostMapping("/intelligence/entities/{id}/{what}")
    String change(@PathVariable long id, @PathVariable String what, @RequestParam Map<String, String> p,
                  CurrentUser user, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            switch (what) {
                case "links" -> {
                    boolean outgoing = !"in".equals(p.get("direction"));
                    Long other = Params.number(p.get("otherId"), "otherId", errors);
                    if (other == null) {
                        errors.putIfAbsent("otherId", "intelligence.error.required");
                    }
                    var observed = Params.date(p.get("observedOn"), "observedOn", errors);
                    Params.check(errors);
                    intelligence.addLink(user, new IntelligenceService.NewLink(outgoing ? id : other,
                            outgoing ? other : id, p.get("type"), observed, p.get("source"), p.get("sourceRef"),
                            p.get("reliability"), p.get("credibility"), p.get("notes")));
                }
                case "retract" -> {
                    Long link = Params.number(p.get("linkId"), "linkId", errors);
                    Params.check(errors);
                    intelligence.retractLink(user, link, p.get("reason"));
                }
                case "share" -> intelligence.share(user, id, p.get("agencyCode"));
                case "merge" -> {
                    Long duplicate = Params.number(p.get("duplicateId"), "duplicateId", errors);
                    if (duplicate == null) {
                        errors.putIfAbsent("duplicateId", "intelligence.error.required");
                    }
                    Params.check(errors);
                    intelligence.merge(user, id, duplicate, p.get("reason"));
                }
                default -> throw new java.util.NoSuchElementException(what);
            }
            redirect.addFlashAttribute("flash", "intelligence.flash.saved");
        } catch (IntelligenceRuleException.Invalid e) {
            redirect.addFlashAttribute("errors", e.errors());
            redirect.addFlashAttribute("form", p);
        } catch (IntelligenceRuleException e) {
            redirect.addFlashAttribute("errors", Map.of(e.field() == null ? "form" : e.field(), e.messageKey()));
            redirect.addFlashAttribute("form", p);
        }
        return "redirect:/intelligence/entities/" + id;
    }

    /** The network view: the script fetches the JSON from the API and draws it with Cytoscape.js. */
    @GetMapping("/intelligence/network")
    String network(@RequestParam(required = false) String entity, @RequestParam(required = false) String chart,
                   @RequestParam(required = false) String target, CurrentUser user, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long start = Params.number(entity, "entity", errors);
        Long chartId = Params.number(chart, "chart", errors);
        Long targetId = Params.number(target, "target", errors);
        model.addAttribute("start", start);
        model.addAttribute("chartId", chartId);
        model.addAttribute("chartName", chartId == null ? null : intelligence.chartName(chartId));
        model.addAttribute("target", targetId);
        model.addAttribute("linkTypes", intelligence.items("intel_link_type"));
        model.addAttribute("charts", intelligence.charts(user));
        model.addAttribute("errors", errors);
        return "intelligence/network";
    }

    @PostMapping("/intelligence/charts")
    String saveChart(@RequestParam Map<String, String> p, CurrentUser user, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        var ids = Params.ids(p.get("ids"), "ids", errors);
        try {
            Params.check(errors);
            long id = intelligence.saveChart(user, p.get("name"), ids);
            redirect.addFlashAttribute("flash", "intelligence.flash.chartSaved");
            return "redirect:/intelligence/network?chart=" + id;
        } catch (IntelligenceRuleException.Invalid e) {
            redirect.addFlashAttribute("flash", "intelligence.flash.chartNotSaved");
            return "redirect:/intelligence";
        }
    }
}
