package vn.childguard.intelligence.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
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
import vn.childguard.intelligence.internal.IntelligenceRuleException;
import vn.childguard.intelligence.internal.WatchlistService;
import vn.childguard.organisation.CurrentUser;

/** The watchlist pages: the list (active and expired), a new entry, an entry with its edit and removal. */
@Controller
@PreAuthorize("hasRole('INTELLIGENCE_OFFICER')")
class WatchlistController {

    static final List<String> LEVELS = List.of("HIGH", "MEDIUM", "LOW");

    private final WatchlistService watchlist;

    WatchlistController(WatchlistService watchlist) {
        this.watchlist = watchlist;
    }

    @GetMapping("/intelligence/watchlist")
    String list(CurrentUser user, Model model) {
        model.addAttribute("entries", watchlist.list(user));
        return "intelligence/watchlist";
    }

    @GetMapping("/intelligence/watchlist/new")
    String newEntry(@RequestParam Map<String, String> params, CurrentUser user, Model model) {
        watchlist.reminders(user);
        model.addAttribute("form", params);
        model.addAttribute("errors", Map.of());
        model.addAttribute("levels", LEVELS);
        return "intelligence/watchlist-new";
    }

    @PostMapping("/intelligence/watchlist")
    String add(@RequestParam Map<String, String> params, CurrentUser user, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        try {
            long id = watchlist.add(user, form(params));
            redirect.addFlashAttribute("flash", "intelligence.flash.watchlisted");
            return "redirect:/intelligence/watchlist/" + id;
        } catch (IntelligenceRuleException.Invalid e) {
            response.setStatus(400);
            model.addAttribute("form", params);
            model.addAttribute("errors", e.errors());
            model.addAttribute("levels", LEVELS);
            return "intelligence/watchlist-new";
        }
    }

    @GetMapping("/intelligence/watchlist/{id}")
    String entry(@PathVariable long id, CurrentUser user, Model model) {
        WatchlistService.EntryView e = watchlist.entry(user, id);
        model.addAttribute("e", e);
        model.addAttribute("levels", LEVELS);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            Map<String, String> form = new HashMap<>();
            form.put("entityId", e.entityId() == null ? "" : String.valueOf(e.entityId()));
            form.put("names", String.join("\n", e.names()));
            form.put("birthDates", String.join("\n", e.birthDates()));
            form.put("sex", e.sex());
            form.put("documents", String.join("\n", e.documents()));
            form.put("nationality", e.nationality());
            form.put("reason", e.reason());
            form.put("decisionNumber", e.decisionNumber());
            form.put("decisionDate", e.decisionDate().toString());
            form.put("approvedBy", e.approvedBy());
            form.put("validUntil", e.validUntil().toString());
            form.put("alertLevel", e.alertLevel());
            model.addAttribute("form", form);
        }
        return "intelligence/watchlist-entry";
    }

    @PostMapping("/intelligence/watchlist/{id}/{what}")
    String change(@PathVariable long id, @PathVariable String what, @RequestParam Map<String, String> params,
                  CurrentUser user, RedirectAttributes redirect) {
        try {
            switch (what) {
                case "update" -> watchlist.update(user, id, form(params));
                case "remove" -> watchlist.remove(user, id, params.get("removalReason"));
                default -> throw new java.util.NoSuchElementException(what);
            }
            redirect.addFlashAttribute("flash", "intelligence.flash.saved");
        } catch (IntelligenceRuleException.Invalid e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach((k, v) -> errors.put("remove".equals(what) && "reason".equals(k) ? "removalReason" : k, v));
            redirect.addFlashAttribute("errors", errors);
            redirect.addFlashAttribute("form", params);
        } catch (IntelligenceRuleException e) {
            redirect.addFlashAttribute("errors", Map.of("form", e.messageKey()));
        }
        return "redirect:/intelligence/watchlist/" + id;
    }

    private static WatchlistService.EntryForm form(Map<String, String> p) {
        Map<String, String> errors = new LinkedHashMap<>();
        var form = new WatchlistService.EntryForm(Params.number(p.get("entityId"), "entityId", errors),
                lines(p.get("names")), lines(p.get("birthDates")), p.get("sex"), lines(p.get("documents")),
                p.get("nationality"), p.get("reason"), p.get("decisionNumber"),
                Params.date(p.get("decisionDate"), "decisionDate", errors), p.get("approvedBy"),
                Params.date(p.get("validUntil"), "validUntil", errors), p.get("alertLevel"));
        Params.check(errors);
        return form;
    }

    private static List<String> lines(String value) {
        return value == null ? List.of() : List.of(value.split("\\R"));
    }
}
