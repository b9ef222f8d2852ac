package vn.childguard.planning.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reminder or an urging (đôn đốc) sent to an agency about a task and period: who, whom, when, why. */
@Entity
@Table(name = "reminder")
public class Reminder {

    /** Automatic before the due date, automatic while overdue, or written by the coordinator. */
    public enum Kind { BEFORE_DUE, OVERDUE, URGE }

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
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String message;
    @Column(name = "sent_by")
    private String sentBy;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "read_at")
    private Instant readAt;
    @Column(name = "emailed_at")
    private Instant emailedAt;

    protected Reminder() {
    }

    Reminder(PlanTask task, String periodCode, String agencyCode, Kind kind, String message, String sentBy,
             Instant sentAt) {
        this.task = task;
        this.periodCode = periodCode;
        this.agencyCode = agencyCode;
        this.kind = kind;
        this.message = message;
        this.sentBy = sentBy;
        this.sentAt = sentAt;
    }

    void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    void markEmailed(Instant now) {
        emailedAt = now;
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

    public Kind getKind() {
        return kind;
    }

    public String getMessage() {
        return message;
    }

    public String getSentBy() {
        return sentBy;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public Instant getEmailedAt() {
        return emailedAt;
    }
}
