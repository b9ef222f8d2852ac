package vn.childguard.casework.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.childguard.shared.PersonalData;

/** One version of a Decree 56 form of a case; {@code content} is the encrypted JSON of its fields. */
@PersonalData(table = "case_form",
        category = "Decree 56 forms: assessments, plans, reviews (encrypted)",
        purpose = "case management",
        legalBasis = "Decree 56/2017",
        retention = "CP_CASE_CLOSED (deleted)",
        visibleTo = {"CASE_WORKER", "CASE_SUPERVISOR"})
@Entity
@Table(name = "case_form")
public class CaseForm {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private long caseId;
    @Column(name = "form_code")
    private String formCode;
    @Column(name = "cycle_no")
    private int cycleNo;
    @Column(name = "form_version")
    private int formVersion;
    private String content;
    private String author;
    @Column(name = "created_at")
    private Instant createdAt;

    protected CaseForm() {
    }

    CaseForm(long caseId, String formCode, int cycleNo, int formVersion, String content, String author,
             Instant createdAt) {
        this.caseId = caseId;
        this.formCode = formCode;
        this.cycleNo = cycleNo;
        this.formVersion = formVersion;
        this.content = content;
        this.author = author;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getCaseId() {
        return caseId;
    }

    public String getFormCode() {
        return formCode;
    }

    public int getCycleNo() {
        return cycleNo;
    }

    public int getFormVersion() {
        return formVersion;
    }

    String getContent() {
        return content;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
