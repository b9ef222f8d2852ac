package vn.childguard.organisation;

import java.time.LocalDate;
import java.util.Locale;

/** An agency as other modules see it: referred to by its stable code, never by a JPA association. */
public record AgencyRef(long id, String code, String nameVi, String nameEn, AgencyKind kind, String areaCode, String parentCode,
                        LocalDate validFrom, LocalDate validTo, String successorCode) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }

    public boolean isActive(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }
}
