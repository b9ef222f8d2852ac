package vn.childguard.planning.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.AgencyKind;
import vn.childguard.organisation.AgencyRef;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.planning.Period;
import vn.childguard.planning.PlanImportException;
import vn.childguard.planning.ReminderSent;
import vn.childguard.planning.TaskStatus;

/**
 * Plans, their periods and statuses, and the progress-report workflow. Every change is checked
 * against {@link PlanningPolicy} and written to the audit log in the same transaction; refusals are
 * audited too.
 */
@Service
@Transactional
public class PlanningService {

    /** Days are counted in Vietnam, whatever the server's zone. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** One cell of the coordinator's matrix. */
    public record Cell(PlanTask task, AgencyRef agency, Period period, LocalDate due, TaskStatus status,
                       ProgressReport report) {
    }

    /** Agencies × tasks for one period, with counts per status. */
    public record Matrix(Plan plan, Period period, List<PlanTask> tasks, List<AgencyRef> agencies,
                         Map<String, Map<Long, Cell>> cells, Map<TaskStatus, Integer> counts) {

        public Cell cell(String agencyCode, Long taskId) {
            return cells.getOrDefault(agencyCode, Map.of()).get(taskId);
        }

        /** Share of due cells that were done on time, in percent; null when nothing is due yet. */
        public Integer onTimePercent() {
            int done = counts.get(TaskStatus.DONE_ON_TIME);
            int due = done + counts.get(TaskStatus.DONE_LATE) + counts.get(TaskStatus.OVERDUE);
            return due == 0 ? null : Math.round(100f * done / due);
        }
    }

    private final PlanRepository plans;
    private final PlanTaskRepository tasks;
    private final ProgressReportRepository reports;
    private final ReminderRepository reminders;
    private final AgencyCatalogue agencies;
    private final PlanningPolicy policy;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final IndicatorProposals proposals;

    PlanningService(PlanRepository plans, PlanTaskRepository tasks, ProgressReportRepository reports,
                    ReminderRepository reminders, AgencyCatalogue agencies, PlanningPolicy policy, AuditLog audit,
                    Clock clock, IndicatorProposals proposals, ApplicationEventPublisher events) {
        this.plans = plans;
        this.tasks = tasks;
        this.reports = reports;
        this.reminders = reminders;
        this.agencies = agencies;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
        this.proposals = proposals;
        this.events = events;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    // ---- plans ---------------------------------------------------------------------------------

    /** Imports a plan file all-or-nothing; {@link PlanImportException} lists every problem by line. */
    public Plan importPlan(String text, String source, CurrentUser user) {
        if (!policy.canImport(user)) {
            deny(AuditLog.Actions.CREATE, "plan", null);
        }
        return importAs(text, source, user.username());
    }

    /** Imports a plan shipped with the system, as the system. */
    Plan importAs(String text, String source, String importer) {
        Plan plan = new PlanFileReader(agencies).read(text, source, importer, clock.instant());
        if (plans.findByCode(plan.getCode()).isPresent()) {
            throw new PlanImportException(List.of(new PlanImportException.Problem(1, "code",
                    "planning.import.error.exists", List.of(plan.getCode()))));
        }
        Plan saved = plans.save(plan);
        audit.record(new AuditEntry(importer, null, AuditLog.Actions.CREATE, "plan", String.valueOf(saved.getId()),
                null, AuditEntry.Outcome.SUCCESS, null, "imported from " + source));
        return saved;
    }

    /**
     * The coordinator changes which periods are reported and how many days after a period's end the
     * report is due. The plan's text stays as issued; only the schedule is operational.
     */
    public Plan changeSchedule(CurrentUser user, long planId, Map<Period.Kind, Integer> dueDaysByKind) {
        if (!policy.canReview(user)) {
            deny(AuditLog.Actions.UPDATE, "plan", planId);
        }
        if (dueDaysByKind.isEmpty()) {
            throw new ProgressReport.WorkflowException("planning.schedule.error.empty");
        }
        if (dueDaysByKind.values().stream().anyMatch(d -> d == null || d < 0 || d > 366)) {
            throw new ProgressReport.WorkflowException("planning.schedule.error.days");
        }
        Plan plan = plans.findById(planId).orElseThrow();
        String before = plan.getSchedule().toString();
        plan.getSchedule().clear();
        dueDaysByKind.forEach((kind, days) -> plan.getSchedule().add(new Plan.ScheduleEntry(kind, days)));
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, "plan", planId, AuditEntry.Outcome.SUCCESS)
                .withDetails("schedule " + before + " -> " + plan.getSchedule()));
        return plan;
    }

    @Transactional(readOnly = true)
    public List<Plan> plans() {
        return plans.findAllByOrderByIssuedOnDesc();
    }

    @Transactional(readOnly = true)
    public Optional<Plan> plan(long id) {
        return plans.findById(id);
    }

    /** The periods that can be reported on: every scheduled period that has started, newest first. */
    @Transactional(readOnly = true)
    public List<Period> periods(Plan plan) {
        List<Period> periods = new ArrayList<>(plan.periodsUntil(today()));
        periods.sort(Comparator.reverseOrder());
        return periods;
    }

    /** The period to show by default: the latest one whose report is due, else the current one. */
    @Transactional(readOnly = true)
    public Period defaultPeriod(Plan plan) {
        LocalDate today = today();
        return periods(plan).stream().filter(p -> !p.end().isAfter(today)).findFirst()
                .orElseGet(() -> periods(plan).getFirst());
    }

    public LocalDate due(Plan plan, PlanTask task, Period period) {
        if (task.getKind() == PlanTask.Kind.ONE_OFF) {
            return task.getDueOn();
        }
        return period.end().plusDays(plan.dueDays(period.kind()).orElse(0));
    }

    /**
     * The agencies that report on a task for a period: the lead, and for tasks reported by all,
     * every coordinator (groups expanded). Reorganised agencies are replaced by their successors.
     */
    @Transactional(readOnly = true)
    public List<AgencyRef> reporters(Plan plan, PlanTask task, Period period) {
        LocalDate day = period.end();
        Set<AgencyRef> result = new LinkedHashSet<>();
        result.add(agencies.responsibleOn(task.getLeadCode(), day));
        if (task.getReporting() == PlanTask.Reporting.ALL) {
            for (String coordinator : task.getCoordinators()) {
                if (coordinator.startsWith("group:")) {
                    plan.group(coordinator.substring(6)).ifPresent(g -> result.addAll(members(g, day)));
                } else {
                    result.add(agencies.responsibleOn(coordinator, day));
                }
            }
        }
        return List.copyOf(result);
    }

    private List<AgencyRef> members(Plan.AgencyGroup group, LocalDate day) {
        List<AgencyRef> members = new ArrayList<>();
        for (String kind : group.kinds().split(" ")) {
            agencies.activeOfKind(AgencyKind.valueOf(kind), day).stream()
                    .filter(a -> group.parentCode() == null || group.parentCode().equals(a.parentCode()))
                    .forEach(members::add);
        }
        return members;
    }

    @Transactional(readOnly = true)
    public Matrix matrix(long planId, Period period) {
        Plan plan = plans.findById(planId).orElseThrow();
        LocalDate today = today();
        Map<String, List<ProgressReport>> byCell = new LinkedHashMap<>();
        for (ProgressReport r : reports.findForPlanAndPeriod(planId, period.code())) {
            byCell.computeIfAbsent(r.getAgencyCode() + "|" + r.getTask().getId(), k -> new ArrayList<>()).add(r);
        }
        Map<String, AgencyRef> rows = new LinkedHashMap<>();
        Map<String, Map<Long, Cell>> cells = new LinkedHashMap<>();
        Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
        for (TaskStatus s : TaskStatus.values()) {
            counts.put(s, 0);
        }
        for (PlanTask task : plan.getTasks()) {
            LocalDate due = due(plan, task, period);
            for (AgencyRef agency : reporters(plan, task, period)) {
                List<ProgressReport> versions = byCell.getOrDefault(agency.code() + "|" + task.getId(), List.of());
                Cell cell = cell(task, agency, period, due, today, versions);
                rows.putIfAbsent(agency.code(), agency);
                cells.computeIfAbsent(agency.code(), k -> new LinkedHashMap<>()).put(task.getId(), cell);
                counts.merge(cell.status(), 1, Integer::sum);
            }
        }
        return new Matrix(plan, period, plan.getTasks(), List.copyOf(rows.values()), cells, counts);
    }

    private static Cell cell(PlanTask task, AgencyRef agency, Period period, LocalDate due, LocalDate today,
                             List<ProgressReport> versions) {
        ProgressReport latest = versions.stream().max(Comparator.comparingInt(ProgressReport::getReportVersion))
                .orElse(null);
        LocalDate doneOn = versions.stream()
                .filter(r -> r.getStatus() == ProgressReport.Status.ACCEPTED)
                .map(r -> LocalDate.ofInstant(r.getSubmittedAt(), VIETNAM))
                .min(Comparator.naturalOrder()).orElse(null);
        TaskStatus status = TaskStatus.of(period.start(), due, today, latest != null, doneOn);
        return new Cell(task, agency, period, due, status, latest);
    }

    /** What the user's agency has to report on across all plans, for the periods that have started. */
    @Transactional(readOnly = true)
    public List<Cell> tasksOf(CurrentUser user) {
        List<Cell> mine = new ArrayList<>();
        for (Plan plan : plans()) {
            for (Period period : periods(plan)) {
                Matrix matrix = matrix(plan.getId(), period);
                Map<Long, Cell> row = matrix.cells().get(user.agencyCode());
                if (row != null) {
                    mine.addAll(row.values());
                }
            }
        }
        mine.sort(Comparator.comparing(Cell::due).reversed());
        return mine;
    }

    // ---- reports -------------------------------------------------------------------------------

    /** The newest version of the user's agency's report, started as a draft if there is none yet. */
    public ProgressReport openReport(CurrentUser user, long taskId, Period period) {
        PlanTask task = tasks.findById(taskId).orElseThrow(() -> new NoSuchElementException("task " + taskId));
        if (!policy.canWrite(user, user.agencyCode())
                || !reporters(task.getPlan(), task, period).stream().anyMatch(a -> a.code().equals(user.agencyCode()))) {
            deny(AuditLog.Actions.CREATE, "progress_report", null);
        }
        List<ProgressReport> versions = reports.findByTaskIdAndPeriodCodeAndAgencyCodeOrderByReportVersionDesc(
                taskId, period.code(), user.agencyCode());
        if (!versions.isEmpty()) {
            return versions.getFirst();
        }
        ProgressReport draft = ProgressReport.draft(task, period.code(), user.agencyCode(), user.username(),
                clock.instant());
        proposals.propose(draft, period);
        draft = reports.save(draft);
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "progress_report", draft.getId(), AuditEntry.Outcome.SUCCESS));
        return draft;
    }

    @Transactional(readOnly = true)
    public ProgressReport report(CurrentUser user, long reportId) {
        ProgressReport report = reports.findById(reportId)
                .orElseThrow(() -> new NoSuchElementException("report " + reportId));
        if (!policy.canRead(user, report)) {
            deny(AuditLog.Actions.READ, "progress_report", reportId);
        }
        audit.record(AuditEntry.of(AuditLog.Actions.READ, "progress_report", reportId, AuditEntry.Outcome.SUCCESS));
        return report;
    }

    /** All versions of the report's cell, newest first. */
    @Transactional(readOnly = true)
    public List<ProgressReport> versions(ProgressReport report) {
        return reports.findByTaskIdAndPeriodCodeAndAgencyCodeOrderByReportVersionDesc(report.getTask().getId(),
                report.getPeriodCode(), report.getAgencyCode());
    }

    public ProgressReport save(CurrentUser user, long reportId, long expectedVersion, String narrative,
                               Map<Long, BigDecimal> values) {
        ProgressReport report = writable(user, reportId, expectedVersion);
        report.edit(narrative, values);
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, "progress_report", reportId, AuditEntry.Outcome.SUCCESS));
        return report;
    }

    public ProgressReport submit(CurrentUser user, long reportId, long expectedVersion) {
        ProgressReport report = writable(user, reportId, expectedVersion);
        report.submit(clock.instant());
        audit.record(AuditEntry.of("SUBMIT", "progress_report", reportId, AuditEntry.Outcome.SUCCESS));
        return report;
    }

    public ProgressReport correct(CurrentUser user, long reportId, String reason) {
        ProgressReport accepted = reports.findById(reportId).orElseThrow();
        if (!policy.canWrite(user, accepted.getAgencyCode())) {
            deny(AuditLog.Actions.CREATE, "progress_report", reportId);
        }
        ProgressReport next = reports.save(accepted.correction(reason, user.username(), clock.instant()));
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "progress_report", next.getId(), AuditEntry.Outcome.SUCCESS)
                .withDetails("correction of version " + accepted.getReportVersion()));
        return next;
    }

    public ProgressReport returnForChanges(CurrentUser user, long reportId, String comment) {
        ProgressReport report = reviewable(user, reportId);
        report.returnForChanges(comment, user.username(), clock.instant());
        audit.record(AuditEntry.of("RETURN", "progress_report", reportId, AuditEntry.Outcome.SUCCESS));
        return report;
    }

    public ProgressReport accept(CurrentUser user, long reportId) {
        ProgressReport report = reviewable(user, reportId);
        report.accept(user.username(), clock.instant());
        audit.record(AuditEntry.of("ACCEPT", "progress_report", reportId, AuditEntry.Outcome.SUCCESS));
        return report;
    }

    private ProgressReport writable(CurrentUser user, long reportId, long expectedVersion) {
        ProgressReport report = reports.findById(reportId).orElseThrow();
        if (!policy.canWrite(user, report.getAgencyCode())) {
            deny(AuditLog.Actions.UPDATE, "progress_report", reportId);
        }
        if (report.getVersion() != expectedVersion) {
            throw new ProgressReport.WorkflowException("planning.report.error.stale");
        }
        return report;
    }

    private ProgressReport reviewable(CurrentUser user, long reportId) {
        ProgressReport report = reports.findById(reportId).orElseThrow();
        if (!policy.canReview(user)) {
            deny(AuditLog.Actions.UPDATE, "progress_report", reportId);
        }
        return report;
    }

    // ---- reminders -----------------------------------------------------------------------------

    /** The coordinator urges an agency about a task and period (đôn đốc); the agency's inbox shows it. */
    public Reminder urge(CurrentUser user, long taskId, Period period, String agencyCode, String message) {
        if (!policy.canReview(user)) {
            deny("URGE", "plan_task", taskId);
        }
        if (message == null || message.isBlank()) {
            throw new ProgressReport.WorkflowException("planning.urge.error.message");
        }
        PlanTask task = tasks.findById(taskId).orElseThrow();
        Reminder reminder = reminders.save(new Reminder(task, period.code(), agencyCode, Reminder.Kind.URGE,
                message.strip(), user.username(), clock.instant()));
        audit.record(AuditEntry.of("URGE", "plan_task", taskId, AuditEntry.Outcome.SUCCESS)
                .withDetails("agency " + agencyCode + ", period " + period.code()));
        events.publishEvent(new ReminderSent(reminder.getId()));
        return reminder;
    }

    @Transactional(readOnly = true)
    public List<Reminder> inbox(CurrentUser user) {
        return reminders.findByAgencyCodeOrderBySentAtDesc(user.agencyCode());
    }

    private void deny(String action, String entityType, Object id) {
        audit.recordIndependently(AuditEntry.of(action, entityType, id, AuditEntry.Outcome.DENIED));
        throw new AccessDeniedException("planning: " + action + " " + entityType + " refused");
    }
}
