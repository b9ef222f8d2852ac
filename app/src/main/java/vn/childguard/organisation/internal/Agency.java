package vn.childguard.organisation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Locale;
import org.hibernate.envers.Audited;
import vn.childguard.organisation.AgencyKind;

/**
 * An agency of the plan. Agencies are never deleted: a reorganised one gets a last day and a
 * successor, so old records still name the body that acted at the time.
 */
@Entity
@Audited
@Table(name = "agency")
public class Agency {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    @Column(name = "name_vi")
    private String nameVi;
    @Column(name = "name_en")
    private String nameEn;
    @Enumerated(EnumType.STRING)
    private AgencyKind kind;
    @Column(name = "parent_id")
    private Long parentId;
    @Column(name = "area_code")
    private String areaCode;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;
    @Column(name = "successor_id")
    private Long successorId;
    @Version
    private long version;

    protected Agency() {
    }

    Agency(String code) {
        this.code = code;
    }

    void update(String nameVi, String nameEn, AgencyKind kind, Long parentId, String areaCode, LocalDate validFrom,
                LocalDate validTo, Long successorId) {
        this.nameVi = nameVi;
        this.nameEn = nameEn;
        this.kind = kind;
        this.parentId = parentId;
        this.areaCode = areaCode;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.successorId = successorId;
    }

    /** Disabling an agency ends its validity today; it stays for the records that name it. */
    void disable(LocalDate today) {
        if (validTo == null || validTo.isAfter(today)) {
            validTo = today;
        }
    }

    public boolean isActive(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getNameVi() {
        return nameVi;
    }

    public String getNameEn() {
        return nameEn;
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }

    public AgencyKind getKind() {
        return kind;
    }

    public Long getParentId() {
        return parentId;
    }

    public String getAreaCode() {
        return areaCode;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public Long getSuccessorId() {
        return successorId;
    }

    public long getVersion() {
        return version;
    }
}
