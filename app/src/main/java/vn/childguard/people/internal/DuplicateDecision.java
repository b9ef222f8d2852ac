package vn.childguard.people.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A supervisor's decision on a flagged pair; a MERGED decision is also the survivor's merge history. */
@Entity
@Table(name = "person_duplicate_decision")
class DuplicateDecision {

    enum Kind { DISMISSED, MERGED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "first_id")
    private long firstId;
    @Column(name = "second_id")
    private long secondId;
    @Enumerated(EnumType.STRING)
    private Kind decision;
    @Column(name = "survivor_id")
    private Long survivorId;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;

    protected DuplicateDecision() {
    }

    DuplicateDecision(long a, long b, Kind decision, Long survivorId, String decidedBy, Instant decidedAt) {
        this.firstId = Math.min(a, b);
        this.secondId = Math.max(a, b);
        this.decision = decision;
        this.survivorId = survivorId;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    long getFirstId() {
        return firstId;
    }

    long getSecondId() {
        return secondId;
    }

    Kind getDecision() {
        return decision;
    }

    Long getSurvivorId() {
        return survivorId;
    }

    String getDecidedBy() {
        return decidedBy;
    }

    Instant getDecidedAt() {
        return decidedAt;
    }

    long mergedId() {
        return survivorId == firstId ? secondId : firstId;
    }
}
