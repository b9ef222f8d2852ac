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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A referral of a case to another agency: what is asked (services), what is shared (sections), and
 * the receiver's answer. {@code reportBack} is encrypted.
 */
@Entity
@Table(name = "referral")
public class Referral {

    public enum Status { SENT, ACCEPTED, DECLINED, COMPLETED, REVOKED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private long caseId;
    @Column(name = "from_agency_code")
    private String fromAgencyCode;
    @Column(name = "to_agency_code")
    private String toAgencyCode;
    private String reason;
    @Column(name = "requested_services")
    private String requestedServices;
    @Column(name = "shared_sections")
    private String sharedSections;
    @Column(name = "legal_basis")
    private String legalBasis;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "response_reason")
    private String responseReason;
    @Column(name = "report_back")
    private String reportBack;
    @Column(name = "respond_by")
    private Instant respondBy;
    @Column(name = "sent_by")
    private String sentBy;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "responded_by")
    private String respondedBy;
    @Column(name = "responded_at")
    private Instant respondedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Version
    private long version;

    protected Referral() {
    }

    Referral(long caseId, String fromAgencyCode, String toAgencyCode, String reason, List<String> services,
             Set<CaseSection> sections, String legalBasis, Instant respondBy, String sentBy, Instant sentAt) {
        this.caseId = caseId;
        this.fromAgencyCode = fromAgencyCode;
        this.toAgencyCode = toAgencyCode;
        this.reason = reason;
        this.requestedServices = String.join(",", services);
        this.sharedSections = String.join(",", sections.stream().map(Enum::name).sorted().toList());
        this.legalBasis = legalBasis;
        this.status = Status.SENT;
        this.respondBy = respondBy;
        this.sentBy = sentBy;
        this.sentAt = sentAt;
    }

    /** Still needs something from someone: sent and unanswered, or accepted and not completed. */
    public boolean isOpen() {
        return status == Status.SENT || status == Status.ACCEPTED;
    }

    void respond(Status status, String reason, String by, Instant at) {
        this.status = status;
        this.responseReason = reason;
        this.respondedBy = by;
        this.respondedAt = at;
    }

    void reportBack(String encrypted) {
        this.reportBack = encrypted;
    }

    void close(Status status, Instant at) {
        this.status = status;
        this.closedAt = at;
    }

    public Set<CaseSection> sections() {
        Set<CaseSection> set = EnumSet.noneOf(CaseSection.class);
        if (sharedSections != null && !sharedSections.isBlank()) {
            Arrays.stream(sharedSections.split(",")).map(CaseSection::valueOf).forEach(set::add);
        }
        return set;
    }

    public List<String> services() {
        return requestedServices == null || requestedServices.isBlank() ? List.of()
                : List.of(requestedServices.split(","));
    }

    public Long getId() {
        return id;
    }

    public long getCaseId() {
        return caseId;
    }

    public String getFromAgencyCode() {
        return fromAgencyCode;
    }

    public String getToAgencyCode() {
        return toAgencyCode;
    }

    public String getReason() {
        return reason;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public Status getStatus() {
        return status;
    }

    public String getResponseReason() {
        return responseReason;
    }

    String getReportBack() {
        return reportBack;
    }

    public Instant getRespondBy() {
        return respondBy;
    }

    public String getSentBy() {
        return sentBy;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getRespondedBy() {
        return respondedBy;
    }

    public Instant getRespondedAt() {
        return respondedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public long getVersion() {
        return version;
    }
}
