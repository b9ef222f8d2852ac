package vn.childguard.planning.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.planning.Period;
import vn.childguard.planning.internal.Plan;
import vn.childguard.planning.internal.PlanTask;
import vn.childguard.planning.internal.PlanningService;
import vn.childguard.planning.internal.ProgressReport;
import vn.childguard.planning.internal.Reminder;

/**
 * Progress reports and urging over the API: the same workflow and the same refusals as the pages,
 * with 409 for a step the report's state does not allow.
 */
@RestController
@PreAuthorize("hasAnyRole('PLAN_COORDINATOR', 'PLAN_REPORTER', 'LEADERSHIP_VIEWER', 'AUDITOR')")
class ReportApiController {

    record Report(long id, long planId, String planCode, long taskId, String task, String period, LocalDate due,
                  String agency, String agencyName, int reportVersion, ProgressReport.Status status,
                  String narrative, Map<Long, BigDecimal> values, Map<Long, BigDecimal> proposed,
                  String reviewComment, String reviewedBy, Instant reviewedAt, String correctionReason,
                  Instant submittedAt, long version, List<PlanningViews.VersionView> versions) {
    }

    record SaveReport(String narrative, Map<Long, BigDecimal> values, Long version) {
    }

    record Submit(Long version) {
    }

    record ReturnReport(String comment) {
    }

    record Correct(String reason) {
    }

    record Urge(String period, String agency, String message) {
    }

    record ReminderJson(long id, long taskId, String period, String agency, Reminder.Kind kind, String message,
                        String sentBy, Instant sentAt) {
    }

    private final PlanningService planning;
    private final PlanningViews views;

    ReportApiController(PlanningService planning, PlanningViews views) {
        this.planning = planning;
        this.views = views;
    }

    @PostMapping("/api/v1/tasks/{id}/reports")
    ResponseEntity<Report> open(@PathVariable long id, @RequestParam String period, CurrentUser user,
                                Locale locale) {
        ProgressReport report = planning.openReport(user, id, Period.parse(period));
        return ResponseEntity.created(URI.create("/api/v1/reports/" + report.getId()))
                .body(json(views.report(user, report.getId(), locale)));
    }

    @GetMapping("/api/v1/reports/{id}")
    Report report(@PathVariable long id, CurrentUser user, Locale locale) {
        return json(views.report(user, id, locale));
    }

    @PutMapping("/api/v1/reports/{id}")
    ResponseEntity<Report> save(@PathVariable long id, @RequestBody SaveReport body, CurrentUser user, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body.version() == null) {
            errors.put("version", "planning.api.error.version");
        }
        Map<Long, BigDecimal> values = body.values() == null ? Map.of() : body.values();
        values.forEach((indicator, value) -> {
            if (value != null && value.signum() < 0) {
                errors.put("values." + indicator, "planning.report.error.negative");
            }
        });
        if (!errors.isEmpty()) {
            throw new PlanningApiErrors.InvalidRequest(errors);
        }
        planning.save(user, id, body.version(), body.narrative(), new HashMap<>(values));
        return ResponseEntity.ok(json(views.report(user, id, locale)));
    }

    @PostMapping("/api/v1/reports/{id}/submit")
    Report submit(@PathVariable long id, @RequestBody(required = false) Submit body, CurrentUser user,
                  Locale locale) {
        long version = body == null || body.version() == null ? views.report(user, id, locale).version()
                : body.version();
        planning.submit(user, id, version);
        return json(views.report(user, id, locale));
    }

    @PostMapping("/api/v1/reports/{id}/accept")
    Report accept(@PathVariable long id, CurrentUser user, Locale locale) {
        planning.accept(user, id);
        return json(views.report(user, id, locale));
    }

    @PostMapping("/api/v1/reports/{id}/return")
    Report returnForChanges(@PathVariable long id, @RequestBody(required = false) ReturnReport body,
                            CurrentUser user, Locale locale) {
        if (body == null || body.comment() == null || body.comment().isBlank()) {
            throw new PlanningApiErrors.InvalidRequest(Map.of("comment", "planning.report.error.commentRequired"));
        }
        planning.returnForChanges(user, id, body.comment());
        return json(views.report(user, id, locale));
    }

    @PostMapping("/api/v1/reports/{id}/correct")
    ResponseEntity<Report> correct(@PathVariable long id, @RequestBody(required = false) Correct body,
                                   CurrentUser user, Locale locale) {
        ProgressReport next = planning.correct(user, id, body == null ? null : body.reason());
        return ResponseEntity.created(URI.create("/api/v1/reports/" + next.getId()))
                .body(json(views.report(user, next.getId(), locale)));
    }

    @PostMapping("/api/v1/tasks/{id}/reminders")
    @PreAuthorize("hasRole('PLAN_COORDINATOR')")
    ResponseEntity<ReminderJson> urge(@PathVariable long id, @RequestBody Urge body, CurrentUser user, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body.period() == null || body.period().isBlank()) {
            errors.put("period", "planning.api.error.period");
        }
        if (body.agency() == null || body.agency().isBlank()) {
            errors.put("agency", "planning.api.error.agency");
        }
        if (body.message() == null || body.message().isBlank()) {
            errors.put("message", "planning.urge.error.message");
        }
        if (errors.isEmpty() && !reports(id, Period.parse(body.period()), body.agency())) {
            errors.put("agency", "planning.api.error.reporter");
        }
        if (!errors.isEmpty()) {
            throw new PlanningApiErrors.InvalidRequest(errors);
        }
        Reminder reminder = planning.urge(user, id, Period.parse(body.period()), body.agency(), body.message());
        return ResponseEntity.status(201).body(new ReminderJson(reminder.getId(), id, reminder.getPeriodCode(),
                reminder.getAgencyCode(), reminder.getKind(), reminder.getMessage(), reminder.getSentBy(),
                reminder.getSentAt()));
    }

    /** Whether the agency reports on the task for the period, so an urging reaches someone who owes a report. */
    private boolean reports(long taskId, Period period, String agencyCode) {
        Plan plan = views.planOfTask().get(taskId);
        if (plan == null) {
            throw new NoSuchElementException("task " + taskId);
        }
        PlanTask task = plan.getTasks().stream().filter(t -> t.getId() == taskId).findFirst().orElseThrow();
        return planning.reporters(plan, task, period).stream().anyMatch(a -> a.code().equals(agencyCode));
    }

    private static Report json(PlanningViews.ReportView v) {
        Map<Long, BigDecimal> values = new LinkedHashMap<>();
        Map<Long, BigDecimal> proposed = new LinkedHashMap<>();
        v.indicators().forEach(i -> {
            values.put(i.id(), i.value());
            proposed.put(i.id(), i.proposed());
        });
        return new Report(v.id(), v.planId(), v.planCode(), v.taskId(), v.taskCode(), v.periodCode(), v.due(),
                v.agencyCode(), v.agencyName(), v.reportVersion(), v.status(), v.narrative(), values, proposed,
                v.reviewComment(), v.reviewedBy(), v.reviewedAt(), v.correctionReason(), v.submittedAt(), v.version(),
                v.versions());
    }
}
