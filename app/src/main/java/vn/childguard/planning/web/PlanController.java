package vn.childguard.planning.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.childguard.organisation.AgencyRef;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;
import vn.childguard.planning.Period;
import vn.childguard.planning.PlanImportException;
import vn.childguard.planning.TaskStatus;
import vn.childguard.planning.internal.Plan;
import vn.childguard.planning.internal.PlanTask;
import vn.childguard.planning.internal.PlanningService;
import vn.childguard.planning.internal.ProgressReport;

/**
 * The plans as issued, the coordinator's matrix of agencies × tasks for a period, urging an agency
 * that is late, and importing a new plan file.
 */
@Controller
@PreAuthorize("hasAnyRole('PLAN_COORDINATOR', 'PLAN_REPORTER', 'LEADERSHIP_VIEWER', 'AUDITOR', 'SYSTEM_ADMIN')")
class PlanController {

    /** Plan files are small text; anything larger is not a plan. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** One row of the matrix: an agency and its cell for each task (null where it does not report). */
    record Row(AgencyRef agency, String name, List<PlanningService.Cell> cells) {
    }

    /** A problem of an uploaded plan file, in the user's language. */
    record ImportProblem(int line, String field, String message) {
    }

    /** Whom an urging goes to: an agency that reports on the task of this plan for the period. */
    record UrgeTarget(Plan plan, PlanTask task, Period period, String agencyCode, String agencyName, String dueText) {
    }

    private final PlanningService planning;
    private final PlanningViews views;
    private final MessageSource messages;

    PlanController(PlanningService planning, PlanningViews views, MessageSource messages) {
        this.planning = planning;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/plans")
    String plans(Model model) {
        model.addAttribute("plans", planning.plans());
        return "planning/plans";
    }

    @GetMapping("/plans/{id}")
    String plan(@PathVariable long id, Locale locale, Model model) {
        Plan plan = plan(id);
        LocalDate today = planning.today();
        Map<Long, PlanningViews.Lead> leads = new HashMap<>();
        Map<Long, List<String>> coordinators = new HashMap<>();
        for (PlanTask task : plan.getTasks()) {
            leads.put(task.getId(), views.lead(task.getLeadCode(), today, locale));
            coordinators.put(task.getId(), views.coordinators(plan, task, locale));
        }
        model.addAttribute("plan", plan);
        model.addAttribute("leads", leads);
        model.addAttribute("coordinators", coordinators);
        model.addAttribute("defaultPeriod", planning.defaultPeriod(plan).code());
        model.addAttribute("periodKinds", Period.Kind.values());
        return "planning/plan";
    }

    /** The coordinator's change of the reporting schedule: a due-days field per period kind, empty = not reported. */
    @PostMapping("/plans/{id}/schedule")
    @PreAuthorize("hasRole('PLAN_COORDINATOR')")
    String changeSchedule(@PathVariable long id, @org.springframework.web.bind.annotation.RequestParam
                          Map<String, String> form, CurrentUser user, Locale locale, Model model,
                          org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        Map<Period.Kind, Integer> schedule = new java.util.EnumMap<>(Period.Kind.class);
        String error = null;
        for (Period.Kind kind : Period.Kind.values()) {
            String value = form.getOrDefault("due-" + kind, "").strip();
            if (value.isEmpty()) {
                continue;
            }
            try {
                schedule.put(kind, Integer.parseInt(value));
            } catch (NumberFormatException e) {
                error = "planning.schedule.error.days";
            }
        }
        try {
            if (error == null) {
                planning.changeSchedule(user, id, schedule);
                redirect.addFlashAttribute("flash", "planning.schedule.saved");
                return "redirect:/plans/" + id + "#schedule";
            }
        } catch (ProgressReport.WorkflowException e) {
            error = e.messageKey();
        }
        model.addAttribute("scheduleError", error);
        model.addAttribute("scheduleInput", form);
        return plan(id, locale, model);
    }

    @GetMapping("/plans/{id}/matrix")
    @PreAuthorize("hasAnyRole('PLAN_COORDINATOR', 'LEADERSHIP_VIEWER', 'AUDITOR')")
    String matrix(@PathVariable long id, @RequestParam(required = false) String period,
                  @RequestParam(required = false) String agency, @RequestParam(required = false) String status,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, CurrentUser user,
                  Locale locale, Model model) {
        Plan plan = plan(id);
        List<Period> periods = planning.periods(plan);
        Period selected = period == null || period.isBlank() ? planning.defaultPeriod(plan) : Period.parse(period);
        if (!periods.contains(selected)) {
            throw new NoSuchElementException("period " + selected.code() + " of plan " + id);
        }
        TaskStatus statusFilter = Arrays.stream(TaskStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElse(null);
        String agencyFilter = agency == null || agency.isBlank() ? null : agency;
        PlanningService.Matrix matrix = planning.matrix(id, selected);
        List<Row> rows = new ArrayList<>();
        for (AgencyRef a : matrix.agencies()) {
            if (agencyFilter != null && !agencyFilter.equals(a.code())) {
                continue;
            }
            List<PlanningService.Cell> cells = matrix.tasks().stream().map(t -> matrix.cell(a.code(), t.getId()))
                    .toList();
            if (statusFilter == null || cells.stream().anyMatch(c -> c != null && c.status() == statusFilter)) {
                rows.add(new Row(a, a.name(locale), cells));
            }
        }
        model.addAttribute("plan", plan);
        model.addAttribute("periods", periods);
        model.addAttribute("period", selected);
        model.addAttribute("matrix", matrix);
        model.addAttribute("rows", rows);
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("agencyFilter", agencyFilter);
        model.addAttribute("statusFilter", statusFilter);
        model.addAttribute("canUrge", user.has(Role.PLAN_COORDINATOR));
        return htmx == null ? "planning/matrix" : "planning/matrix :: results";
    }

    @GetMapping("/plans/{planId}/urge")
    @PreAuthorize("hasRole('PLAN_COORDINATOR')")
    String urgeForm(@PathVariable long planId, @RequestParam long task, @RequestParam String period,
                    @RequestParam String agency, Locale locale, Model model) {
        UrgeTarget target = urgeTarget(planId, task, period, agency, locale);
        model.addAttribute("target", target);
        model.addAttribute("message", messages.getMessage("planning.urge.defaultMessage",
                new Object[] {target.agencyName(), target.task().getCode(), target.period().code(),
                        target.dueText()}, locale));
        return "planning/urge";
    }

    @PostMapping("/plans/{planId}/urge")
    @PreAuthorize("hasRole('PLAN_COORDINATOR')")
    String urge(@PathVariable long planId, @RequestParam long task, @RequestParam String period,
                @RequestParam String agency, @RequestParam(defaultValue = "") String message, CurrentUser user,
                Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        UrgeTarget target = urgeTarget(planId, task, period, agency, locale);
        try {
            planning.urge(user, task, target.period(), agency, message);
        } catch (ProgressReport.WorkflowException e) {
            model.addAttribute("target", target);
            model.addAttribute("message", message);
            model.addAttribute("messageError", e.messageKey());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "planning/urge";
        }
        redirect.addFlashAttribute("flash", "planning.urge.sent");
        return "redirect:/plans/" + planId + "/matrix?period=" + target.period().code();
    }

    private UrgeTarget urgeTarget(long planId, long taskId, String periodCode, String agencyCode, Locale locale) {
        Plan plan = plan(planId);
        PlanTask task = plan.getTasks().stream().filter(t -> t.getId() == taskId).findFirst()
                .orElseThrow(() -> new NoSuchElementException("task " + taskId + " of plan " + planId));
        Period period = Period.parse(periodCode);
        AgencyRef agency = planning.reporters(plan, task, period).stream().filter(a -> a.code().equals(agencyCode))
                .findFirst().orElseThrow(() -> new NoSuchElementException("reporter " + agencyCode));
        LocalDate due = planning.due(plan, task, period);
        return new UrgeTarget(plan, task, period, agency.code(), agency.name(locale),
                due == null ? "" : DAY.format(due));
    }

    @GetMapping("/plans/import")
    @PreAuthorize("hasAnyRole('PLAN_COORDINATOR', 'SYSTEM_ADMIN')")
    String importForm() {
        return "planning/import";
    }

    @PostMapping("/plans/import")
    @PreAuthorize("hasAnyRole('PLAN_COORDINATOR', 'SYSTEM_ADMIN')")
    String importPlan(@RequestParam(name = "file", required = false) MultipartFile file, CurrentUser user,
                      Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response)
            throws IOException {
        String fileError = fileError(file);
        String text = null;
        if (fileError == null) {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(file.getBytes())).toString();
            } catch (CharacterCodingException e) {
                fileError = "planning.import.error.encoding";
            }
        }
        if (fileError != null) {
            model.addAttribute("fileError", fileError);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "planning/import";
        }
        try {
            Plan plan = planning.importPlan(text, file.getOriginalFilename(), user);
            redirect.addFlashAttribute("flash", "planning.import.done");
            return "redirect:/plans/" + plan.getId();
        } catch (PlanImportException e) {
            model.addAttribute("problems", problems(e, locale));
            model.addAttribute("fileName", file.getOriginalFilename());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "planning/import";
        }
    }

    private static String fileError(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return "planning.import.error.noFile";
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
            return "planning.import.error.extension";
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            return "planning.import.error.size";
        }
        return null;
    }

    List<ImportProblem> problems(PlanImportException e, Locale locale) {
        return e.problems().stream().map(p -> new ImportProblem(p.line(), p.field(),
                messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale))).toList();
    }

    private Plan plan(long id) {
        return planning.plan(id).orElseThrow(() -> new NoSuchElementException("plan " + id));
    }
}
