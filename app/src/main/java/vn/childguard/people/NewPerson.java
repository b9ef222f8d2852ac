package vn.childguard.people;

import java.util.List;

/**
 * A person to register. Only {@code fullName} is required; a report about an unknown child may know
 * nothing else.
 *
 * @param birthDate    {@code YYYY-MM-DD}, {@code YYYY} or blank
 * @param estimatedAge age in years when the birth date is unknown (stored as an estimated birth year)
 * @param sex          {@code F}, {@code M} or blank
 * @param documents    citizen ID, passport or birth certificate numbers
 * @param unitCode     administrative unit of the address (a commune code), or blank
 */
public record NewPerson(String fullName, String birthDate, Integer estimatedAge, String sex, List<PersonDocument> documents,
                        String nationality, String ethnicity, String unitCode, String addressText, String contacts) {

    public NewPerson {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** A document of a person: kind (CITIZEN_ID, PASSPORT, BIRTH_CERTIFICATE) and number. */
    public record PersonDocument(String kind, String number) {
    }
}
