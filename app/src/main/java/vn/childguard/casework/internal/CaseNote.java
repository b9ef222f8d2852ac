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
import vn.childguard.shared.PersonalData;

/** A note on a case (a general note or a monitoring note of the plan's implementation); body encrypted. */
@PersonalData(table = "case_note",
        category = "case notes (encrypted)",
        purpose = "case management",
        legalBasis = "Decree 56/2017",
        retention = "CP_CASE_CLOSED (deleted)",
        visibleTo = {"CASE_WORKER", "CASE_SUPERVISOR"})
@Entity
@Table(name = "case_note")
public class CaseNote {

    public enum Kind { NOTE, MONITORING }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private long caseId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String body;
    private String author;
    @Column(name = "created_at")
    private Instant createdAt;

    protected CaseNote() {
    }

    CaseNote(long caseId, Kind kind, String body, String author, Instant createdAt) {
        this.caseId = caseId;
        this.kind = kind;
        this.body = body;
        this.author = author;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    String getBody() {
        return body;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
