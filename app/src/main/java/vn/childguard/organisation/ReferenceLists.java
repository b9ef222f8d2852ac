package vn.childguard.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Code lists (support services, countries…) as other modules offer them in forms. */
public interface ReferenceLists {

    /** An enabled item of a list. */
    record Entry(String code, String nameVi, String nameEn) {
        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
        }
    }

    /** The enabled items of the list valid on the day, ordered by code. */
    List<Entry> items(String listCode, LocalDate day);
}
