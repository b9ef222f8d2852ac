package vn.childguard.retention.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.retention.internal.LegalHolds;
import vn.childguard.retention.internal.NextMonthReport;
import vn.childguard.retention.internal.RejectedRetentionInput;
import vn.childguard.retention.internal.RetentionSchedules;
import vn.childguard.shared.retention.RetentionAction;

/**
 * {@code /retention}: the schedules, the legal holds and the report of what the retention job will do
 * next month (with its CSV). The data-protection officer's page: administrators and auditors read it;
 * only administrators add a schedule version or place and release a hold.
 */
@Controller
@RequestMapping("/retention")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'AUDITOR')")
class RetentionController {

    private static final String PAGE = "retention/retention";

    /** The form adding a schedule version; dates as typed by an {@code <input type="date">}. */
    record ScheduleForm(String recordType, String action, String months, String effectiveFrom, String basis) {
        static ScheduleForm empty() {
            return new ScheduleForm(null, null, null, null, null);
        }
    }

    record HoldForm(String recordType, String recordId, String reason, String heldUntil) {
        static HoldForm empty() {
            return new HoldForm(null, null, null, null);
        }
    }

    private final RetentionSchedules schedules;
    private final LegalHolds holds;
    private final NextMonthReport report;
    private final AuditLog audit;
    private final MessageSource messages;

    RetentionController(RetentionSchedules schedules, LegalHolds holds, NextMonthReport report, AuditLog audit,
                        MessageSource messages) {
        this.schedules = schedules;
        this.holds = holds;
        this.report = report;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("scheduleForm", ScheduleForm.empty());
        model.addAttribute("holdForm", HoldForm.empty());
        return page(model, true);
    }

    @GetMapping("/next-month.csv")
    void csv(HttpServletResponse response) throws IOException {
        NextMonthReport.Report next = report.nextMonth();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"retention-" + next.month() + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        report.writeCsv(next, response.getOutputStream());
    }

    @PostMapping("/schedules")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String addSchedule(@ModelAttribute("scheduleForm") ScheduleForm form, BindingResult result, CurrentUser user,
                       Model model, RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        try {
            LocalDate from = date(form.effectiveFrom(), "effectiveFrom", true);
            schedules.add(user, form.recordType(), form.action(), form.months(), from, form.basis());
            redirect.addFlashAttribute("flash", "retention.flash.scheduleAdded");
            return "redirect:/retention";
        } catch (RejectedRetentionInput rejected) {
            result.rejectValue(rejected.field(), rejected.messageKey(), messages.getMessage(rejected.messageKey(), null, locale));
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("holdForm", HoldForm.empty());
        return page(model, false);
    }

    @PostMapping("/holds")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String placeHold(@ModelAttribute("holdForm") HoldForm form, BindingResult result, CurrentUser user, Model model,
                     RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        try {
            LocalDate until = date(form.heldUntil(), "heldUntil", false);
            holds.place(user, form.recordType(), form.recordId(), form.reason(), until);
            redirect.addFlashAttribute("flash", "retention.flash.holdPlaced");
            return "redirect:/retention";
        } catch (RejectedRetentionInput rejected) {
            result.rejectValue(rejected.field(), rejected.messageKey(), messages.getMessage(rejected.messageKey(), null, locale));
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("scheduleForm", ScheduleForm.empty());
        return page(model, false);
    }

    @PostMapping("/holds/{id}/release")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String release(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        if (!holds.release(user, id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("flash", "retention.flash.holdReleased");
        return "redirect:/retention";
    }

    private String page(Model model, boolean recordRead) {
        NextMonthReport.Report next = report.nextMonth();
        model.addAttribute("report", next);
        model.addAttribute("schedules", schedules.all());
        model.addAttribute("inForce", schedules.inForce(schedules.today()).stream()
                .map(RetentionSchedules.Schedule::id).toList());
        model.addAttribute("holds", holds.unreleased());
        model.addAttribute("today", schedules.today());
        model.addAttribute("types", List.copyOf(schedules.types().keySet()));
        model.addAttribute("actions", List.of(RetentionAction.values()));
        if (recordRead) {
            audit.record(AuditEntry.of(AuditLog.Actions.READ, "retention_report", next.month(),
                    AuditEntry.Outcome.SUCCESS));
        }
        return PAGE;
    }

    /** An ISO date from the form; blank is refused when {@code required}, else means none. */
    private static LocalDate date(String typed, String field, boolean required) {
        if (typed == null || typed.isBlank()) {
            if (required) {
                throw new RejectedRetentionInput(field, "retention.error.date");
            }
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new RejectedRetentionInput(field, "retention.error.date");
        }
    }
}
