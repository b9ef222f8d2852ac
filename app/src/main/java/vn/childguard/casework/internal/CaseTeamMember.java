package vn.childguard.casework.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user on a case's team; the lead is the one responsible. Removal is dated, never deleted. */
@Entity
@Table(name = "case_team_member")
public class CaseTeamMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private long caseId;
    private String username;
    private boolean lead;
    @Column(name = "added_at")
    private Instant addedAt;
    @Column(name = "added_by")
    private String addedBy;
    @Column(name = "removed_at")
    private Instant removedAt;

    protected CaseTeamMember() {
    }

    CaseTeamMember(long caseId, String username, boolean lead, Instant addedAt, String addedBy) {
        this.caseId = caseId;
        this.username = username;
        this.lead = lead;
        this.addedAt = addedAt;
        this.addedBy = addedBy;
    }

    void remove(Instant at) {
        removedAt = at;
    }

    void setLead(boolean lead) {
        this.lead = lead;
    }

    public Long getId() {
        return id;
    }

    public long getCaseId() {
        return caseId;
    }

    public String getUsername() {
        return username;
    }

    public boolean isLead() {
        return lead;
    }

    public Instant getAddedAt() {
        return addedAt;
    }

    public String getAddedBy() {
        return addedBy;
    }

    public Instant getRemovedAt() {
        return removedAt;
    }
}
