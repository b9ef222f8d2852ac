package vn.childguard.casework.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import vn.childguard.casework.CaseStatus;
import vn.childguard.shared.PersonalData;

/** A child-protection case: the child, where, which agency owns it, and where the procedure stands. */
@PersonalData(table = "cp_case",
        category = "the child's case: register link, status, dates, risk",
        purpose = "case management (Decree 56/2017)",
        legalBasis = "Law on Children 2016; Decree 56/2017",
        retention = "CP_CASE_CLOSED",
        visibleTo = {"CASE_WORKER", "CASE_SUPERVISOR", "SCHOOL_STAFF"})
@Entity
@Table(name = "cp_case")
public class CpCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String reference;
    @Column(name = "child_person_id")
    private long childPersonId;
    @Column(name = "intake_id")
    private Long intakeId;
    @Column(name = "owning_agency_code")
    private String owningAgencyCode;
    @Column(name = "unit_code")
    private String unitCode;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    @Column(name = "cycle_no")
    private int cycleNo = 1;
    @Column(name = "serious_risk")
    private boolean seriousRisk;
    @Column(name = "abuser_is_carer")
    private boolean abuserIsCarer;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "opened_by")
    private String openedBy;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "plan_submitted_by")
    private String planSubmittedBy;
    @Version
    private long version;

    protected CpCase() {
    }

    CpCase(String reference, long childPersonId, Long intakeId, String owningAgencyCode, String unitCode,
           boolean seriousRisk, boolean abuserIsCarer, Instant receivedAt, Instant openedAt, String openedBy) {
        this.reference = reference;
        this.childPersonId = childPersonId;
        this.intakeId = intakeId;
        this.owningAgencyCode = owningAgencyCode;
        this.unitCode = unitCode;
        this.status = CaseStatus.REPORTED;
        this.seriousRisk = seriousRisk;
        this.abuserIsCarer = abuserIsCarer;
        this.receivedAt = receivedAt;
        this.openedAt = openedAt;
        this.openedBy = openedBy;
    }

    void moveTo(CaseStatus next, Instant at) {
        if (next == CaseStatus.CLOSED) {
            closedAt = at;
        } else if (status == CaseStatus.CLOSED) {
            closedAt = null;
        }
        if (status == CaseStatus.REVIEW && next == CaseStatus.NEEDS_ASSESSMENT
                || status == CaseStatus.REOPENED && next == CaseStatus.NEEDS_ASSESSMENT) {
            cycleNo++;
        }
        status = next;
    }

    void assignReference(String reference) {
        this.reference = reference;
    }

    void markRisk(boolean seriousRisk, boolean abuserIsCarer) {
        this.seriousRisk = this.seriousRisk || seriousRisk;
        this.abuserIsCarer = this.abuserIsCarer || abuserIsCarer;
    }

    void planSubmittedBy(String username) {
        this.planSubmittedBy = username;
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public long getChildPersonId() {
        return childPersonId;
    }

    public Long getIntakeId() {
        return intakeId;
    }

    public String getOwningAgencyCode() {
        return owningAgencyCode;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public int getCycleNo() {
        return cycleNo;
    }

    public boolean isSeriousRisk() {
        return seriousRisk;
    }

    public boolean isAbuserIsCarer() {
        return abuserIsCarer;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getPlanSubmittedBy() {
        return planSubmittedBy;
    }

    public long getVersion() {
        return version;
    }
}
