package vn.childguard.casework.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A transfer of responsibility for a case from one user to another, with the reason. */
@Entity
@Table(name = "case_transfer")
public class CaseTransfer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private long caseId;
    @Column(name = "from_username")
    private String fromUsername;
    @Column(name = "to_username")
    private String toUsername;
    private String reason;
    @Column(name = "transferred_by")
    private String transferredBy;
    @Column(name = "transferred_at")
    private Instant transferredAt;

    protected CaseTransfer() {
    }

    CaseTransfer(long caseId, String fromUsername, String toUsername, String reason, String transferredBy,
                 Instant transferredAt) {
        this.caseId = caseId;
        this.fromUsername = fromUsername;
        this.toUsername = toUsername;
        this.reason = reason;
        this.transferredBy = transferredBy;
        this.transferredAt = transferredAt;
    }

    public Long getId() {
        return id;
    }

    public String getFromUsername() {
        return fromUsername;
    }

    public String getToUsername() {
        return toUsername;
    }

    public String getReason() {
        return reason;
    }

    public String getTransferredBy() {
        return transferredBy;
    }

    public Instant getTransferredAt() {
        return transferredAt;
    }
}
