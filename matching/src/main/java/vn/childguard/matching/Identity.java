package vn.childguard.matching;

import java.util.List;
import java.util.Objects;

/**
 * One person as a source system recorded them: a watchlist entry or a record to screen.
 *
 * @param id          caller's identifier (unique within an index)
 * @param fullName    name as written, any order, with or without diacritics
 * @param birthDate   full, year-only or unknown
 * @param sex         recorded sex
 * @param documents   document numbers (12-digit citizen ID, passport, ...), possibly empty
 * @param nationality ISO-3166 alpha-2/alpha-3 code or empty
 */
public record Identity(String id, String fullName, BirthDate birthDate, Sex sex, List<String> documents,
                       String nationality) {

    public Identity {
        Objects.requireNonNull(id, "id");
        fullName = fullName == null ? "" : fullName;
        birthDate = birthDate == null ? BirthDate.UNKNOWN : birthDate;
        sex = sex == null ? Sex.UNKNOWN : sex;
        documents = documents == null ? List.of() : documents.stream().filter(d -> d != null && !d.isBlank()).toList();
        nationality = nationality == null ? "" : nationality.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
