package vn.childguard.people;

import java.util.List;

/**
 * What the user typed when looking for a person: any of name (any order, with or without
 * diacritics), birth date ({@code YYYY-MM-DD}, {@code YYYY} or blank) and document numbers.
 */
public record PersonQuery(String fullName, String birthDate, String sex, List<String> documents) {

    public PersonQuery {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
