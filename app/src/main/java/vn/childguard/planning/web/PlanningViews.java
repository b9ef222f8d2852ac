package vn.childguard.planning.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.AgencyRef;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.planning.Period;
import vn.childguard.planning.internal.Plan;
import vn.childguard.planning.internal.PlanTask;
import vn.childguard.planning.internal.PlanningPolicy;
import vn.childguard.planning.internal.PlanningService;
import vn.childguard.planning.internal.ProgressReport;
import vn.childguard.planning.internal.Reminder;
import vn.childguard.planning.internal.TaskIndicator;

/**
 * Read models for the planning pages and API, built inside one read-only transaction: reports and
 * reminders refer to their task lazily, and the session is closed by the time a template renders.
 */
@Component
class PlanningViews {

    /** The lead agency as written in the plan and, after a reorganisation, who carries its duty today. */
    record Lead(String code, String name, String successorCode, String successorName, LocalDate successorFrom) {
    }

    /** One indicator of a report, with its target and the reported and proposed values. */
    record IndicatorView(long id, String code, String name, String unit, BigDecimal target, BigDecimal value,
                         BigDecimal proposed) {
    }

    /** One version of a report cell, for the history table. */
    record VersionView(long id, int reportVersion, ProgressReport.Status status, Instant submittedAt,
                       String reviewedBy, Instant reviewedAt, String reviewComment, String correctionReason) {
    }

    /** Everything the report page and API show, with what the user may do with it. */
    record ReportView(long id, long planId, String planCode, long taskId, String taskCode, String taskText,
                      String periodCode, LocalDate due, String agencyCode, String agencyName, int reportVersion,
                      ProgressReport.Status status, String narrative, String reviewComment, String reviewedBy,
                      Instant reviewedAt, String correctionReason, Instant submittedAt, String createdBy, long version,
                      List<IndicatorView> indicators, List<VersionView> versions, boolean latest, boolean canEdit,
                      boolean canReview, boolean canCorrect) {
    }

    /** A reminder in an agency's inbox. */
    record InboxItem(long id, Instant sentAt, String sentBy, Reminder.Kind kind, long planId, String planCode,
                     String taskCode, String periodCode, String message) {
    }

    private final PlanningService planning;
    private final PlanningPolicy policy;
    private final AgencyCatalogue agencies;

    PlanningViews(PlanningService planning, PlanningPolicy policy, AgencyCatalogue agencies) {
        this.planning = planning;
        this.policy = policy;
        this.agencies = agencies;
    }

    @Transactional(readOnly = true)
    public ReportView report(CurrentUser user, long reportId, Locale locale) {
        ProgressReport report = planning.report(user, reportId);
        PlanTask task = report.getTask();
        Plan plan = task.getPlan();
        List<IndicatorView> indicators = new ArrayList<>();
        for (TaskIndicator indicator : task.getIndicators()) {
            ProgressReport.IndicatorValue value = report.getValues().get(indicator.getId());
            indicators.add(new IndicatorView(indicator.getId(), indicator.getCode(), indicator.name(locale),
                    indicator.getUnit(), indicator.getTarget(), value == null ? null : value.value(),
                    value == null ? null : value.proposed()));
        }
        List<ProgressReport> all = planning.versions(report);
        List<VersionView> versions = all.stream().map(v -> new VersionView(v.getId(), v.getReportVersion(),
                v.getStatus(), v.getSubmittedAt(), v.getReviewedBy(), v.getReviewedAt(), v.getReviewComment(),
                v.getCorrectionReason())).toList();
        boolean latest = all.isEmpty() || all.getFirst().getId().equals(report.getId());
        boolean writer = policy.canWrite(user, report.getAgencyCode());
        boolean reviewer = policy.canReview(user);
        return new ReportView(report.getId(), plan.getId(), plan.getCode(), task.getId(), task.getCode(),
                task.getText(), report.getPeriodCode(), planning.due(plan, task, Period.parse(report.getPeriodCode())),
                report.getAgencyCode(), agencyName(report.getAgencyCode(), locale), report.getReportVersion(),
                report.getStatus(), report.getNarrative(), report.getReviewComment(), report.getReviewedBy(),
                report.getReviewedAt(), report.getCorrectionReason(), report.getSubmittedAt(), report.getCreatedBy(),
                report.getVersion(), indicators, versions, latest, writer && latest && report.isEditable(),
                reviewer && report.getStatus() == ProgressReport.Status.SUBMITTED,
                writer && latest && report.getStatus() == ProgressReport.Status.ACCEPTED);
    }

    @Transactional(readOnly = true)
    public List<InboxItem> inbox(CurrentUser user) {
        return planning.inbox(user).stream().map(r -> new InboxItem(r.getId(), r.getSentAt(), r.getSentBy(),
                r.getKind(), r.getTask().getPlan().getId(), r.getTask().getPlan().getCode(), r.getTask().getCode(),
                r.getPeriodCode(), r.getMessage())).toList();
    }

    /** The plan of every task, so pages that list cells can name the plan without touching lazy links. */
    @Transactional(readOnly = true)
    public Map<Long, Plan> planOfTask() {
        Map<Long, Plan> result = new HashMap<>();
        for (Plan plan : planning.plans()) {
            plan.getTasks().forEach(t -> result.put(t.getId(), plan));
        }
        return result;
    }

    /** Who leads a task today: the agency named in the plan, and its successor if it has been reorganised. */
    Lead lead(String code, LocalDate today, Locale locale) {
        String name = agencyName(code, locale);
        AgencyRef now = agencies.responsibleOn(code, today);
        if (now.code().equals(code)) {
            return new Lead(code, name, null, null, null);
        }
        LocalDate from = agencies.byCode(code).map(AgencyRef::validTo).map(d -> d.plusDays(1)).orElse(null);
        return new Lead(code, name, now.code(), now.name(locale), from);
    }

    /** Names of a task's coordinators: agencies by name, groups by the plan's name for them. */
    List<String> coordinators(Plan plan, PlanTask task, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return task.getCoordinators().stream().map(c -> c.startsWith("group:")
                ? plan.group(c.substring(6)).map(g -> english ? g.nameEn() : g.nameVi()).orElse(c)
                : agencyName(c, locale)).toList();
    }

    String agencyName(String code, Locale locale) {
        return agencies.byCode(code).map(a -> a.name(locale)).orElse(code);
    }

}
