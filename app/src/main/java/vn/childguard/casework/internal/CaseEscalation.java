package vn.childguard.casework.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An overdue deadline escalated to the supervisors of the case's owning agency (once per deadline). */
@Entity
@Table(name = "case_escalation")
public class CaseEscalation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private long caseId;
    @Column(name = "deadline_id")
    private long deadlineId;
    @Column(name = "agency_code")
    private String agencyCode;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;
    @Column(name = "acknowledged_by")
    private String acknowledgedBy;

    protected CaseEscalation() {
    }

    CaseEscalation(long caseId, long deadlineId, String agencyCode, Instant createdAt) {
        this.caseId = caseId;
        this.deadlineId = deadlineId;
        this.agencyCode = agencyCode;
        this.createdAt = createdAt;
    }

    void acknowledge(String by, Instant at) {
        acknowledgedBy = by;
        acknowledgedAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getCaseId() {
        return caseId;
    }

    public long getDeadlineId() {
        return deadlineId;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }
}
