package vn.childguard.planning.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.planning.Period;
import vn.childguard.planning.internal.PlanningService;
import vn.childguard.planning.internal.ProgressReport;

/**
 * The progress-report page: the reporting agency edits and submits, the coordinator accepts or
 * returns with a comment, an accepted report is corrected as a new version. Who may do what is
 * decided by {@link PlanningService}, which refuses with 403 and audits the refusal.
 */
@Controller
@PreAuthorize("hasAnyRole('PLAN_COORDINATOR', 'PLAN_REPORTER', 'LEADERSHIP_VIEWER', 'AUDITOR')")
class ReportController {

    /** The report form as typed: values stay text so a wrong one comes back as it was written. */
    record ReportForm(String narrative, Map<Long, String> values, long version) {
    }

    private final PlanningService planning;
    private final PlanningViews views;

    ReportController(PlanningService planning, PlanningViews views) {
        this.planning = planning;
        this.views = views;
    }

    @PostMapping("/reports/open")
    String open(@RequestParam long task, @RequestParam String period, CurrentUser user) {
        ProgressReport report = planning.openReport(user, task, Period.parse(period));
        return "redirect:/reports/" + report.getId();
    }

    @GetMapping("/reports/{id}")
    String report(@PathVariable long id, CurrentUser user, Locale locale, Model model) {
        PlanningViews.ReportView view = views.report(user, id, locale);
        return page(view, stored(view), Map.of(), null, model);
    }

    @PostMapping("/reports/{id}")
    String save(@PathVariable long id, @RequestParam(defaultValue = "save") String action,
                @RequestParam(defaultValue = "") String narrative, @RequestParam(defaultValue = "-1") long version,
                @RequestParam Map<String, String> params, CurrentUser user, Locale locale, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        PlanningViews.ReportView view = views.report(user, id, locale);
        Map<Long, String> typed = new HashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<Long, BigDecimal> values = new HashMap<>();
        boolean submit = "submit".equals(action);
        if (submit && narrative.isBlank()) {
            errors.put("narrative", "planning.report.error.narrativeRequired");
        }
        for (PlanningViews.IndicatorView indicator : view.indicators()) {
            String text = params.getOrDefault("value-" + indicator.id(), "").strip();
            typed.put(indicator.id(), text);
            BigDecimal value = number(text);
            if (!text.isEmpty() && value == null) {
                errors.put("value-" + indicator.id(), "planning.report.error.number");
            } else if (value != null && value.signum() < 0) {
                errors.put("value-" + indicator.id(), "planning.report.error.negative");
            }
            values.put(indicator.id(), value);
        }
        ReportForm form = new ReportForm(narrative, typed, version);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(view, form, errors, null, model);
        }
        try {
            ProgressReport saved = planning.save(user, id, version, narrative, values);
            if (submit) {
                planning.submit(user, id, saved.getVersion());
            }
        } catch (ProgressReport.WorkflowException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            if ("planning.report.error.narrativeRequired".equals(e.messageKey())) {
                return page(view, form, Map.of("narrative", e.messageKey()), null, model);
            }
            return page(view, form, errors, e.messageKey(), model);
        } catch (OptimisticLockingFailureException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(view, form, errors, "planning.report.error.stale", model);
        }
        redirect.addFlashAttribute("flash", submit ? "planning.report.submitted" : "planning.report.saved");
        return "redirect:/reports/" + id;
    }

    @PostMapping("/reports/{id}/accept")
    String accept(@PathVariable long id, CurrentUser user, Locale locale, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            planning.accept(user, id);
        } catch (ProgressReport.WorkflowException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return reviewError(id, user, locale, model, Map.of(), e.messageKey());
        }
        redirect.addFlashAttribute("flash", "planning.report.accepted");
        return "redirect:/reports/" + id;
    }

    @PostMapping("/reports/{id}/return")
    String returnForChanges(@PathVariable long id, @RequestParam(defaultValue = "") String comment,
                            CurrentUser user, Locale locale, Model model, RedirectAttributes redirect,
                            HttpServletResponse response) {
        try {
            planning.returnForChanges(user, id, comment);
        } catch (ProgressReport.WorkflowException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("comment", comment);
            return "planning.report.error.commentRequired".equals(e.messageKey())
                    ? reviewError(id, user, locale, model, Map.of("comment", e.messageKey()), null)
                    : reviewError(id, user, locale, model, Map.of(), e.messageKey());
        }
        redirect.addFlashAttribute("flash", "planning.report.returned");
        return "redirect:/reports/" + id;
    }

    @PostMapping("/reports/{id}/correct")
    String correct(@PathVariable long id, @RequestParam(defaultValue = "") String reason, CurrentUser user,
                   Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ProgressReport next;
        try {
            next = planning.correct(user, id, reason);
        } catch (ProgressReport.WorkflowException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("reason", reason);
            return "planning.report.error.reasonRequired".equals(e.messageKey())
                    ? reviewError(id, user, locale, model, Map.of("reason", e.messageKey()), null)
                    : reviewError(id, user, locale, model, Map.of(), e.messageKey());
        }
        redirect.addFlashAttribute("flash", "planning.report.correctionStarted");
        return "redirect:/reports/" + next.getId();
    }

    private String reviewError(long id, CurrentUser user, Locale locale, Model model, Map<String, String> errors,
                               String globalError) {
        PlanningViews.ReportView view = views.report(user, id, locale);
        return page(view, stored(view), errors, globalError, model);
    }

    /** The form as the report is stored. */
    private static ReportForm stored(PlanningViews.ReportView view) {
        Map<Long, String> values = new HashMap<>();
        view.indicators().forEach(i -> values.put(i.id(),
                i.value() == null ? "" : i.value().stripTrailingZeros().toPlainString()));
        return new ReportForm(view.narrative(), values, view.version());
    }

    private static String page(PlanningViews.ReportView view, ReportForm form, Map<String, String> errors,
                               String globalError, Model model) {
        model.addAttribute("report", view);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("globalError", globalError);
        model.addAttribute("zone", PlanningService.VIETNAM);
        return "planning/report";
    }

    /** The number typed, in either the dot or the Vietnamese comma decimal form; null when it is not one. */
    static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String normalised = text.strip().replace(" ", "");
        if (normalised.indexOf(',') >= 0 && normalised.indexOf('.') < 0) {
            normalised = normalised.replace(',', '.');
        }
        try {
            return new BigDecimal(normalised);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
