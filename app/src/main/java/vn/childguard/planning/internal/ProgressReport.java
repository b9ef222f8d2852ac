package vn.childguard.planning.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One agency's report on one task for one period. Lifecycle: a draft is edited and submitted; the
 * coordinator returns it with a comment (the agency edits and resubmits) or accepts it. An accepted
 * report is locked: a correction is a new version, started with a reason, that goes through the
 * same steps while the accepted one stays on record.
 */
@Entity
@Table(name = "progress_report")
public class ProgressReport {

    /** Where the report is in its review. */
    public enum Status { DRAFT, SUBMITTED, RETURNED, ACCEPTED }

    /** A reported value and, when another module could compute it, the value it proposed. */
    @Embeddable
    public record IndicatorValue(@Column(name = "reported_value") BigDecimal value,
                                 @Column(name = "proposed_value") BigDecimal proposed) {
    }

    /** A step that is not allowed in the report's current state; the key names the reason for the user. */
    public static final class WorkflowException extends IllegalStateException {
        private final String messageKey;

        WorkflowException(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "task_id")
    private PlanTask task;
    @Column(name = "period_code")
    private String periodCode;
    @Column(name = "agency_code")
    private String agencyCode;
    @Column(name = "report_version")
    private int reportVersion;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String narrative;
    @Column(name = "review_comment")
    private String reviewComment;
    @Column(name = "correction_reason")
    private String correctionReason;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "first_submitted_at")
    private Instant firstSubmittedAt;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "report_indicator_value", joinColumns = @JoinColumn(name = "report_id"))
    @MapKeyColumn(name = "indicator_id")
    private Map<Long, IndicatorValue> values = new HashMap<>();

    protected ProgressReport() {
    }

    private ProgressReport(PlanTask task, String periodCode, String agencyCode, int reportVersion, String createdBy,
                           Instant now) {
        this.task = task;
        this.periodCode = periodCode;
        this.agencyCode = agencyCode;
        this.reportVersion = reportVersion;
        this.status = Status.DRAFT;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    static ProgressReport draft(PlanTask task, String periodCode, String agencyCode, String user, Instant now) {
        return new ProgressReport(task, periodCode, agencyCode, 1, user, now);
    }

    /** A new version of an accepted report; the accepted one stays as it is. */
    ProgressReport correction(String reason, String user, Instant now) {
        if (status != Status.ACCEPTED) {
            throw new WorkflowException("planning.report.error.correctOnlyAccepted");
        }
        if (reason == null || reason.isBlank()) {
            throw new WorkflowException("planning.report.error.reasonRequired");
        }
        ProgressReport next = new ProgressReport(task, periodCode, agencyCode, reportVersion + 1, user, now);
        next.narrative = narrative;
        next.values = new HashMap<>(values);
        next.correctionReason = reason.strip();
        return next;
    }

    void edit(String narrative, Map<Long, BigDecimal> newValues) {
        requireEditable();
        this.narrative = narrative == null ? null : narrative.strip();
        Map<Long, IndicatorValue> updated = new HashMap<>();
        newValues.forEach((indicator, value) -> {
            IndicatorValue old = values.get(indicator);
            updated.put(indicator, new IndicatorValue(value, old == null ? null : old.proposed()));
        });
        values = updated;
    }

    /** Records what another module computed for an indicator; the reporter confirms it by editing. */
    void propose(Long indicatorId, BigDecimal proposed) {
        requireEditable();
        IndicatorValue old = values.get(indicatorId);
        values.put(indicatorId, new IndicatorValue(old == null ? null : old.value(), proposed));
    }

    void submit(Instant now) {
        requireEditable();
        if (narrative == null || narrative.isBlank()) {
            throw new WorkflowException("planning.report.error.narrativeRequired");
        }
        status = Status.SUBMITTED;
        submittedAt = now;
        if (firstSubmittedAt == null) {
            firstSubmittedAt = now;
        }
    }

    void returnForChanges(String comment, String reviewer, Instant now) {
        requireSubmitted();
        if (comment == null || comment.isBlank()) {
            throw new WorkflowException("planning.report.error.commentRequired");
        }
        status = Status.RETURNED;
        reviewComment = comment.strip();
        reviewedBy = reviewer;
        reviewedAt = now;
    }

    void accept(String reviewer, Instant now) {
        requireSubmitted();
        status = Status.ACCEPTED;
        reviewedBy = reviewer;
        reviewedAt = now;
    }

    private void requireEditable() {
        if (status != Status.DRAFT && status != Status.RETURNED) {
            throw new WorkflowException("planning.report.error.locked");
        }
    }

    private void requireSubmitted() {
        if (status != Status.SUBMITTED) {
            throw new WorkflowException("planning.report.error.notSubmitted");
        }
    }

    public boolean isEditable() {
        return status == Status.DRAFT || status == Status.RETURNED;
    }

    public Long getId() {
        return id;
    }

    public PlanTask getTask() {
        return task;
    }

    public String getPeriodCode() {
        return periodCode;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public int getReportVersion() {
        return reportVersion;
    }

    public Status getStatus() {
        return status;
    }

    public String getNarrative() {
        return narrative;
    }

    public String getReviewComment() {
        return reviewComment;
    }

    public String getCorrectionReason() {
        return correctionReason;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public long getVersion() {
        return version;
    }

    public Map<Long, IndicatorValue> getValues() {
        return values;
    }
}
