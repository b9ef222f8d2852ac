package vn.childguard.organisation;

import java.util.Locale;

/** One entry of a reference list: its stable code and its names in both languages. */
public record ReferenceEntry(String code, String nameVi, String nameEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }
}
