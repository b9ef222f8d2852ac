package vn.childguard.intelligence.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.childguard.intelligence.internal.HotspotService;
import vn.childguard.intelligence.internal.IntelligenceRuleException;
import vn.childguard.intelligence.internal.ProceedingService;
import vn.childguard.intelligence.internal.ProceedingStage;
import vn.childguard.organisation.CurrentUser;

/** The criminal-proceedings pages (list with the programme counts, one proceeding with its steps) and the hotspots map. */
@Controller
@PreAuthorize("hasRole('INTELLIGENCE_OFFICER')")
class ProceedingController {

    private final ProceedingService proceedings;
    private final HotspotService hotspots;

    ProceedingController(ProceedingService proceedings, HotspotService hotspots) {
        this.proceedings = proceedings;
        this.hotspots = hotspots;
    }

    @GetMapping("/intelligence/proceedings")
    String list(@RequestParam Map<String, String> params, CurrentUser user, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        var from = Params.date(params.get("from"), "from", errors);
        var to = Params.date(params.get("to"), "to", errors);
        model.addAttribute("proceedings", proceedings.list(user));
        model.addAttribute("indicators", proceedings.indicators(user, from, to));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", errors);
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", params);
        }
        return "intelligence/proceedings";
    }

    @PostMapping("/intelligence/proceedings")
    String open(@RequestParam Map<String, String> p, CurrentUser user, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            var received = Params.date(p.get("receivedOn"), "receivedOn", errors);
            Params.check(errors);
            long id = proceedings.open(user, new ProceedingService.NewProceeding(received, p.get("summary"),
                    p.get("unitCode")));
            redirect.addFlashAttribute("flash", "intelligence.flash.saved");
            return "redirect:/intelligence/proceedings/" + id;
        } catch (IntelligenceRuleException.Invalid e) {
            redirect.addFlashAttribute("errors", e.errors());
            redirect.addFlashAttribute("form", p);
            return "redirect:/intelligence/proceedings";
        }
    }

    @GetMapping("/intelligence/proceedings/{id}")
    String view(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("p", proceedings.read(user, id));
        model.addAttribute("stages", ProceedingStage.values());
        model.addAttribute("articles", proceedings.articles());
        model.addAttribute("outcomes", ProceedingService.OUTCOMES);
        model.addAttribute("ageBands", ProceedingService.AGE_BANDS);
        model.addAttribute("caseKinds", ProceedingService.CASE_KINDS);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "intelligence/proceeding";
    }

    @PostMapping("/intelligence/proceedings/{id}/{what}")
    String change(@PathVariable long id, @PathVariable String what, @RequestParam Map<String, String> p,
                  CurrentUser user, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            switch (what) {
                case "steps" -> {
                    var on = Params.date(p.get("doneOn"), "doneOn", errors);
                    Params.check(errors);
                    proceedings.step(user, id, p.get("stage"), on, p.get("note"));
                }
                case "charges" -> {
                    Long suspect = Params.number(p.get("suspectEntityId"), "suspectEntityId", errors);
                    Params.check(errors);
                    proceedings.charge(user, id, p.get("article"), suspect);
                }
                case "suspects" -> {
                    Long entity = Params.number(p.get("entityId"), "entityId", errors);
                    if (entity == null) {
                        errors.putIfAbsent("entityId", "intelligence.error.required");
                    }
                    Params.check(errors);
                    proceedings.suspect(user, id, entity);
                }
                case "victims" -> {
                    Long caseId = Params.number(p.get("caseId"), "caseId", errors);
                    Params.check(errors);
                    proceedings.victim(user, id, p.get("caseKind"), caseId, p.get("reference"), p.get("ageBand"));
                }
                case "outcome" -> proceedings.outcome(user, id, p.get("outcome"), p.get("sentence"));
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
        return "redirect:/intelligence/proceedings/" + id;
    }

    @GetMapping("/intelligence/hotspots")
    String hotspots(CurrentUser user, Locale locale, Model model) {
        HotspotService.Hotspots h = hotspots.hotspots(user, locale);
        model.addAttribute("ranking", h.ranking());
        model.addAttribute("svg", h.svg());
        return "intelligence/hotspots";
    }
}
