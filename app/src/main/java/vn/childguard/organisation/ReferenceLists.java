package vn.childguard.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Read-only access to the code lists loaded from {@code reference/reference-lists.csv} (relationship
 * kinds, document kinds, countries, ethnicities...), for modules that offer them as choices.
 */
public interface ReferenceLists {

    /** One entry of a list, with its names in both languages and its validity. */
    record Item(String listCode, String code, String nameVi, String nameEn, LocalDate validFrom, LocalDate validTo) {

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
        }

        public boolean isValidOn(LocalDate day) {
            return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
        }
    }

    /** The enabled entries of a list, ordered by code (empty for an unknown list). */
    List<Item> items(String listCode);

    /** One enabled entry of a list. */
    Optional<Item> item(String listCode, String code);
}
