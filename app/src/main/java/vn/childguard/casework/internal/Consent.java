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
import java.time.LocalDate;
import vn.childguard.shared.PersonalData;

/**
 * A verifiable consent (who, to what, when, how) to share a case's information, e.g. with a
 * receiving agency; withdrawal is dated, never deleted.
 */
@PersonalData(table = "consent",
        category = "consents given by the child or representative",
        purpose = "lawful disclosure (Law 53/2024 Art. 3.10)",
        legalBasis = "Law 91/2025 (consent); Law on Children 2016",
        retention = "CP_CASE_CLOSED",
        visibleTo = {"CASE_WORKER", "CASE_SUPERVISOR"})
@Entity
@Table(name = "consent")
public class Consent {

    public enum Subject { CHILD, LEGAL_REPRESENTATIVE }

    public enum Method { SIGNED_FORM, RECORDED_CALL, IN_PERSON }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private long caseId;
    @Enumerated(EnumType.STRING)
    private Subject subject;
    @Column(name = "person_id")
    private Long personId;
    private String purpose;
    @Column(name = "recipient_agency_code")
    private String recipientAgencyCode;
    @Column(name = "given_on")
    private LocalDate givenOn;
    @Enumerated(EnumType.STRING)
    private Method method;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;
    @Column(name = "withdrawn_by")
    private String withdrawnBy;

    protected Consent() {
    }

    Consent(long caseId, Subject subject, Long personId, String purpose, String recipientAgencyCode, LocalDate givenOn,
            Method method, String recordedBy, Instant recordedAt) {
        this.caseId = caseId;
        this.subject = subject;
        this.personId = personId;
        this.purpose = purpose;
        this.recipientAgencyCode = recipientAgencyCode;
        this.givenOn = givenOn;
        this.method = method;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    void withdraw(String by, Instant at) {
        if (withdrawnAt == null) {
            withdrawnAt = at;
            withdrawnBy = by;
        }
    }

    public boolean isActive() {
        return withdrawnAt == null;
    }

    public Long getId() {
        return id;
    }

    public long getCaseId() {
        return caseId;
    }

    public Subject getSubject() {
        return subject;
    }

    public Long getPersonId() {
        return personId;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getRecipientAgencyCode() {
        return recipientAgencyCode;
    }

    public LocalDate getGivenOn() {
        return givenOn;
    }

    public Method getMethod() {
        return method;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    public String getWithdrawnBy() {
        return withdrawnBy;
    }
}
