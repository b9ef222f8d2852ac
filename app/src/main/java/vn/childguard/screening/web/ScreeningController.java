package vn.childguard.screening.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.screening.internal.BatchService;
import vn.childguard.screening.internal.ReviewService;
import vn.childguard.screening.internal.RuleSet;
import vn.childguard.screening.internal.RuleSetStore;

/** The officer's pages: queue, upload and progress, an alert and its decisions, a traveller, statistics; the rules for administrators. */
@Controller
class ScreeningController {

    static final List<String> STATUSES = List.of("OPEN", "CLAIMED", "DISMISS_PROPOSED", "DISMISSED", "ESCALATED", "REFERRED");

    private final BatchService batches;
    private final ReviewService review;
    private final RuleSetStore rules;
    private final org.springframework.context.MessageSource messages;

    ScreeningController(BatchService batches, ReviewService review, RuleSetStore rules,
                        org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.batches = batches;
        this.review = review;
        this.rules = rules;
    }

    @GetMapping("/screening")
    @PreAuthorize("hasAnyRole('SCREENING_OFFICER', 'INTELLIGENCE_OFFICER')")
    String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String rule,
                 @RequestParam(required = false) Long batch, Model model) {
        batches.resumePending();
        String s = status == null ? "OPEN" : status.isBlank() ? null : status;
        String r = rule == null || rule.isBlank() ? null : rule;
        model.addAttribute("alerts", review.queue(s, r, batch));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("rules", RuleSet.WEIGHTS);
        model.addAttribute("status", s == null ? "" : s);
        model.addAttribute("rule", r == null ? "" : r);
        return "screening/queue";
    }

    @GetMapping("/screening/batches")
    @PreAuthorize("hasAnyRole('SCREENING_OFFICER', 'INTELLIGENCE_OFFICER')")
    String batches(Model model) {
        review.requireOfficer();
        model.addAttribute("batches", batches.recent(20));
        model.addAttribute("maxMb", batches.maxBytes() / (1024 * 1024));
        return "screening/batches";
    }

    @PostMapping("/screening/batches")
    @PreAuthorize("hasAnyRole('SCREENING_OFFICER', 'INTELLIGENCE_OFFICER')")
    String upload(@RequestParam("file") MultipartFile file, CurrentUser user, Model model) throws IOException {
        review.refreshAtRisk(false);
        var upload = batches.upload(file.getOriginalFilename(), file.getInputStream(), user, true);
        if (!upload.errors().isEmpty()) {
            model.addAttribute("errors", upload.errors());
            model.addAttribute("errorCount", upload.errorCount());
            model.addAttribute("fileName", file.getOriginalFilename());
            model.addAttribute("batches", batches.recent(20));
            model.addAttribute("maxMb", batches.maxBytes() / (1024 * 1024));
            return "screening/batches";
        }
        return "redirect:/screening/batches/" + upload.batchId();
    }

    @GetMapping("/screening/batches/{id}")
    @PreAuthorize("hasAnyRole('SCREENING_OFFICER', 'INTELLIGENCE_OFFICER')")
    String batch(@PathVariable long id, Model model) {
        review.requireOfficer();
        model.addAttribute("batch", batches.find(id).orElseThrow(() -> new NoSuchElementException("batch")));
        model.addAttribute("errors", batches.errors(id));
        return "screening/batch";
    }

    /** The progress page polls this (same session as the page; the /api chain takes bearer tokens only). */
    @GetMapping(path = "/screening/batches/{id}/status", produces = "application/json")
    @PreAuthorize("hasAnyRole('SCREENING_OFFICER', 'INTELLIGENCE_OFFICER')")
    @org.springframework.web.bind.annotation.ResponseBody
    Map<String, Object> batchStatus(@PathVariable long id) {
        review.requireOfficer();
        batches.resumePending();
        var b = batches.find(id).orElseThrow(() -> new NoSuchElementException("batch"));
        return Map.of("status", b.status(), "total", b.total(), "processed", b.done(), "alerts", b.alerts());
    }

    @GetMapping("/screening/alerts/{id}")
    @PreAuthorize("hasAnyRole('SCREENING_OFFICER', 'INTELLIGENCE_OFFICER')")
    String alert(@PathVariable long id, Model model, java.util.Locale locale) {
        var view = review.view(id);
        model.addAttribute("view", view);
        model.addAttribute("caseReference", review.caseReference(view.alert()).orElse(null));
        if (view.alert().minor() && List.of("OPEN", "CLAIMED").contains(view.alert().status())) {
            model.addAttribute("communes", review.communes(locale).entrySet());
        }
        model.addAttribute("fired", view.details().stream().filter(l -> l.kind().equals("F")).map(l -> {
            String[] args = l.fields().get(3).split("\u001f", -1);
            if (args.length == 3 && l.fields().get(0).equals("MINOR_TO_RISK_COUNTRY")) {
                args[2] = java.util.Arrays.stream(args[2].split(",")).map(w -> messages.getMessage("screening.why." + w, null, locale))
                        .collect(java.util.stream.Collectors.joining(", "));
            }
            return messages.getMessage("screening.alert.firedLine", new Object[]{
                    messages.getMessage("screening.ruleName." + l.fields().get(0), null, locale), l.fields().get(1),
                    messages.getMessage(l.fields().get(2), args, locale)}, locale);
        }).toList());
        return "screening/alert";
    }

    @PostMapping("/screening/alerts/{id}/claim")
    @PreAuthorize("hasAnyRole('SCREENING_OFFICER', 'INTELLIGENCE_OFFICER')")
    String claim(@PathVariable long id, RedirectAttributes flash) {
        return decide(id, flash, () -> review.claim(id), "screening.decision.claimed");
    }

    @PostMapping("/screening/alerts/{id}/dismiss")
    @PreAuthorize("hasAnyRole('SCREENING_OFFICER', 'INTELLIGENCE_OFFICER')")
    String dismiss(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        String[] outcome = {null};
        String view = decide(id, flash, () -> outcome[0] = review.dismiss(id, reason), "screening.decision.dismissed");
        if ("DISMISS_PROPOSED".equals(outcome[0])) {
            flash.addFlashAttribute("notice", "screening.decision.proposed");
        }
        if (outcome[0] == null) {
            flash.addFlashAttribute("reason", reason);
        }
        return view;
    }

    @PostMapping("/screening/alerts/{id}/escalate")
    @PreAuthorize("hasAnyRole('SCREENING_OFFICER', 'INTELLIGENCE_OFFICER')")
    String escalate(@PathVariable long id, RedirectAttributes flash) {
        return decide(id, flash, () -> review.escalate(id), "screening.decision.escalated");
    }

    @PostMapping("/screening/alerts/{id}/refer")
    @PreAuthorize("hasAnyRole('SCREENING_OFFICER', 'INTELLIGENCE_OFFICER')")
    String refer(@PathVariable long id, @RequestParam(required = false) String reason,
                 @RequestParam(required = false) String unitCode, RedirectAttributes flash) {
        return decide(id, flash, () -> review.refer(id, reason, unitCode), "screening.decision.referred");
    }

    /** Refers and opens the child's case in one step, for an officer who also holds a case role. */
    @PostMapping("/screening/alerts/{id}/case")
    @PreAuthorize("hasAnyRole('SCREENING_OFFICER', 'INTELLIGENCE_OFFICER') and hasAnyRole('CASE_WORKER', 'CASE_SUPERVISOR')")
    String openCase(@PathVariable long id, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) String unitCode, RedirectAttributes flash) {
        return decide(id, flash, () -> review.openCase(id, reason, unitCode), "screening.decision.caseOpened");
    }

    private String decide(long id, RedirectAttributes flash, Runnable action, String notice) {
        try {
            action.run();
            flash.addFlashAttribute("notice", notice);
        } catch (ReviewService.DecisionException e) {
            flash.addFlashAttribute("decisionError", e.messageKey());
            flash.addFlashAttribute("decisionField", e.field());
        }
        return "redirect:/screening/alerts/" + id;
    }

    @GetMapping("/screening/alerts/{id}/traveller")
    @PreAuthorize("hasAnyRole('SCREENING_OFFICER', 'INTELLIGENCE_OFFICER')")
    String traveller(@PathVariable long id, Model model) {
        var t = review.traveller(id);
        model.addAttribute("trips", t.getKey());
        model.addAttribute("alerts", t.getValue());
        model.addAttribute("alertId", id);
        return "screening/traveller";
    }

    @GetMapping("/screening/statistics")
    @PreAuthorize("hasAnyRole('SCREENING_OFFICER', 'INTELLIGENCE_OFFICER')")
    String statistics(Model model) {
        model.addAttribute("stats", review.statistics());
        return "screening/statistics";
    }

    @GetMapping("/screening/rules")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String rules(Model model) {
        if (!model.containsAttribute("definition")) {
            model.addAttribute("definition", rules.current().definition());
        }
        model.addAttribute("versions", rules.versions());
        model.addAttribute("current", rules.current());
        return "screening/rules";
    }

    @PostMapping("/screening/rules")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String saveRules(@RequestParam String definition, CurrentUser user, Model model, RedirectAttributes flash) {
        Map<String, String> problems = new LinkedHashMap<>();
        RuleSet saved = rules.save(definition, user.username(), problems);
        if (saved == null) {
            model.addAttribute("problems", problems);
            model.addAttribute("definition", definition);
            return rules(model);
        }
        flash.addFlashAttribute("notice", "screening.rules.saved");
        return "redirect:/screening/rules";
    }

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }
}
