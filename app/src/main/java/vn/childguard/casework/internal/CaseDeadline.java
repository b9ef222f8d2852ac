package vn.childguard.casework.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.childguard.casework.DeadlineKind;

/** A running clock of a case: due instant, met or waived, extensions with their reason. */
@Entity
@Table(name = "case_deadline")
public class CaseDeadline {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private long caseId;
    @Enumerated(EnumType.STRING)
    private DeadlineKind kind;
    @Column(name = "referral_id")
    private Long referralId;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "met_at")
    private Instant metAt;
    @Column(name = "waived_at")
    private Instant waivedAt;
    @Column(name = "waived_reason")
    private String waivedReason;
    @Column(name = "extension_days")
    private int extensionDays;
    @Column(name = "extension_reason")
    private String extensionReason;
    @Column(name = "created_at")
    private Instant createdAt;

    protected CaseDeadline() {
    }

    CaseDeadline(long caseId, DeadlineKind kind, Long referralId, Instant dueAt, Instant createdAt) {
        this.caseId = caseId;
        this.kind = kind;
        this.referralId = referralId;
        this.dueAt = dueAt;
        this.createdAt = createdAt;
    }

    boolean isRunning() {
        return metAt == null && waivedAt == null;
    }

    void met(Instant at) {
        if (isRunning()) {
            metAt = at;
        }
    }

    void waive(Instant at, String reason) {
        if (isRunning()) {
            waivedAt = at;
            waivedReason = reason;
        }
    }

    void extend(int days, Instant newDue, String reason) {
        extensionDays += days;
        dueAt = newDue;
        extensionReason = extensionReason == null ? reason : extensionReason + "\n" + reason;
    }

    public Long getId() {
        return id;
    }

    public long getCaseId() {
        return caseId;
    }

    public DeadlineKind getKind() {
        return kind;
    }

    public Long getReferralId() {
        return referralId;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getMetAt() {
        return metAt;
    }

    public Instant getWaivedAt() {
        return waivedAt;
    }

    public String getWaivedReason() {
        return waivedReason;
    }

    public int getExtensionDays() {
        return extensionDays;
    }

    public String getExtensionReason() {
        return extensionReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
