package vn.childguard.organisation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Locale;
import org.hibernate.envers.Audited;

/** One entry of a code list (a country, a border gate, a form of exploitation, a holiday...). */
@Entity
@Audited
@Table(name = "reference_item")
public class ReferenceItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "list_code")
    private String listCode;
    private String code;
    @Column(name = "name_vi")
    private String nameVi;
    @Column(name = "name_en")
    private String nameEn;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;
    private boolean enabled = true;
    @Version
    private long version;

    protected ReferenceItem() {
    }

    ReferenceItem(String listCode, String code) {
        this.listCode = listCode;
        this.code = code;
    }

    void update(String nameVi, String nameEn, LocalDate validFrom, LocalDate validTo) {
        this.nameVi = nameVi;
        this.nameEn = nameEn;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Long getId() {
        return id;
    }

    public String getListCode() {
        return listCode;
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

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public long getVersion() {
        return version;
    }
}
