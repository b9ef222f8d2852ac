package vn.childguard.organisation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Locale;

/** A province, commune, ward or (historical) district, valid over a period. Loaded from reference files. */
@Entity
@Table(name = "admin_unit")
public class AdminUnit {

    @Id
    private String code;
    private String level;
    private String name;
    @Column(name = "full_name")
    private String fullName;
    @Column(name = "name_en")
    private String nameEn;
    @Column(name = "full_name_en")
    private String fullNameEn;
    @Column(name = "parent_code")
    private String parentCode;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;

    protected AdminUnit() {
    }

    AdminUnit(String code) {
        this.code = code;
    }

    void update(String level, String name, String fullName, String nameEn, String fullNameEn, String parentCode,
                LocalDate validFrom, LocalDate validTo) {
        this.level = level;
        this.name = name;
        this.fullName = fullName;
        this.nameEn = nameEn;
        this.fullNameEn = fullNameEn;
        this.parentCode = parentCode;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    void retire(LocalDate lastDay) {
        if (validTo == null) {
            validTo = lastDay;
        }
    }

    public String getCode() {
        return code;
    }

    public String getLevel() {
        return level;
    }

    public String getName() {
        return name;
    }

    public String getFullName() {
        return fullName;
    }

    public String getParentCode() {
        return parentCode;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public String displayName(Locale locale) {
        return "en".equals(locale.getLanguage()) && fullNameEn != null ? fullNameEn : fullName;
    }
}
