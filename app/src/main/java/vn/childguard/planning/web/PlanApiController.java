package vn.childguard.planning.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childguard.organisation.AgencyRef;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.planning.Period;
import vn.childguard.planning.TaskStatus;
import vn.childguard.planning.internal.Plan;
import vn.childguard.planning.internal.PlanTask;
import vn.childguard.planning.internal.PlanningService;

/** Plans, their import and the coordinator's matrix for integrations and the provincial dashboard. */
@RestController
@PreAuthorize("hasAnyRole('PLAN_COORDINATOR', 'PLAN_REPORTER', 'LEADERSHIP_VIEWER', 'AUDITOR', 'SYSTEM_ADMIN')")
class PlanApiController {

    record PlanSummary(long id, String code, String issuer, String issuerName, LocalDate issuedOn, String title,
                       int tasks) {
    }

    record PlanDetail(long id, String code, String issuer, String issuerName, String place, LocalDate issuedOn,
                      String title, List<Plan.LegalBasis> legalBases, List<String> purposes, List<Schedule> schedule,
                      List<Task> tasks) {
    }

    record Schedule(Period.Kind period, int dueDays) {
    }

    record Task(long id, String code, String section, String text, Agency lead, Agency responsible,
                List<String> coordinators, PlanTask.Kind kind, PlanTask.Reporting reporting, LocalDate dueOn,
                List<Indicator> indicators) {
    }

    record Agency(String code, String name) {
    }

    record Indicator(long id, String code, String name, String nameEn, String unit, BigDecimal target) {
    }

    record Status(long planId, String period, java.util.Map<TaskStatus, Integer> counts, Integer onTimePercent,
                  List<Row> rows) {
    }

    record Row(Agency agency, List<CellJson> cells) {
    }

    record CellJson(String task, long taskId, TaskStatus status, LocalDate due, Long reportId) {
    }

    private final PlanningService planning;
    private final PlanningViews views;

    PlanApiController(PlanningService planning, PlanningViews views) {
        this.planning = planning;
        this.views = views;
    }

    @GetMapping("/api/v1/plans")
    List<PlanSummary> plans() {
        return planning.plans().stream().map(p -> new PlanSummary(p.getId(), p.getCode(), p.getIssuerCode(),
                p.getIssuerName(), p.getIssuedOn(), p.getTitle(), p.getTasks().size())).toList();
    }

    @GetMapping("/api/v1/plans/{id}")
    PlanDetail plan(@PathVariable long id, Locale locale) {
        return detail(plan(id), locale);
    }

    @PostMapping(path = "/api/v1/plans", consumes = {"application/yaml", "application/x-yaml", "text/yaml",
            "text/plain"})
    @PreAuthorize("hasAnyRole('PLAN_COORDINATOR', 'SYSTEM_ADMIN')")
    ResponseEntity<PlanDetail> importPlan(@RequestBody String yaml, CurrentUser user, Locale locale) {
        Plan plan = planning.importPlan(yaml, "api", user);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.getId())).body(detail(plan, locale));
    }

    @GetMapping("/api/v1/plans/{id}/status")
    @PreAuthorize("hasAnyRole('PLAN_COORDINATOR', 'LEADERSHIP_VIEWER', 'AUDITOR')")
    Status status(@PathVariable long id, @RequestParam(required = false) String period, Locale locale) {
        Plan plan = plan(id);
        Period selected = period == null || period.isBlank() ? planning.defaultPeriod(plan) : Period.parse(period);
        PlanningService.Matrix matrix = planning.matrix(id, selected);
        List<Row> rows = new ArrayList<>();
        for (AgencyRef agency : matrix.agencies()) {
            List<CellJson> cells = new ArrayList<>();
            for (PlanTask task : matrix.tasks()) {
                PlanningService.Cell cell = matrix.cell(agency.code(), task.getId());
                if (cell != null) {
                    cells.add(new CellJson(task.getCode(), task.getId(), cell.status(), cell.due(),
                            cell.report() == null ? null : cell.report().getId()));
                }
            }
            rows.add(new Row(new Agency(agency.code(), agency.name(locale)), cells));
        }
        return new Status(id, selected.code(), matrix.counts(), matrix.onTimePercent(), rows);
    }

    private PlanDetail detail(Plan plan, Locale locale) {
        LocalDate today = planning.today();
        List<Task> tasks = plan.getTasks().stream().map(t -> {
            PlanningViews.Lead lead = views.lead(t.getLeadCode(), today, locale);
            Agency responsible = lead.successorCode() == null ? new Agency(lead.code(), lead.name())
                    : new Agency(lead.successorCode(), lead.successorName());
            return new Task(t.getId(), t.getCode(), t.getSection(), t.getText(), new Agency(lead.code(), lead.name()),
                    responsible, t.getCoordinators(), t.getKind(), t.getReporting(), t.getDueOn(),
                    t.getIndicators().stream().map(i -> new Indicator(i.getId(), i.getCode(), i.getNameVi(),
                            i.name(Locale.ENGLISH), i.getUnit(), i.getTarget())).toList());
        }).toList();
        return new PlanDetail(plan.getId(), plan.getCode(), plan.getIssuerCode(), plan.getIssuerName(),
                plan.getPlace(), plan.getIssuedOn(), plan.getTitle(), plan.getLegalBases(), plan.getPurposes(),
                plan.getSchedule().stream().map(s -> new Schedule(s.periodKind(), s.dueDays())).toList(), tasks);
    }

    private Plan plan(long id) {
        return planning.plan(id).orElseThrow(() -> new NoSuchElementException("plan " + id));
    }
}
