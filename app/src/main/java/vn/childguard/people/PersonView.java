package vn.childguard.people;

import java.time.LocalDate;
import java.util.List;

/** A person's identity, decrypted for a user allowed to see it. */
public record PersonView(long id, String fullName, String birthDate, boolean birthDateEstimated, String sex,
                         List<NewPerson.PersonDocument> documents, String nationality, String ethnicity,
                         String unitCode, String addressText, String contacts, List<Relationship> relationships) {

    public PersonView {
        documents = List.copyOf(documents);
        relationships = List.copyOf(relationships);
    }

    /** Age in whole years on the day, or null when the birth year is unknown (year-only dates count from 1 July). */
    public Integer ageOn(LocalDate day) {
        return ageOn(birthDate, day);
    }

    /** Age in whole years on the day of someone born on {@code birthDate} ({@code YYYY-MM-DD}, {@code YYYY} or blank). */
    public static Integer ageOn(String birthDate, LocalDate day) {
        if (birthDate == null || birthDate.isBlank()) {
            return null;
        }
        LocalDate born = birthDate.length() == 4 ? LocalDate.of(Integer.parseInt(birthDate), 7, 1) : LocalDate.parse(birthDate);
        return java.time.Period.between(born, day).getYears();
    }

    /**
     * A relationship with another registered person. {@code outgoing}: this person is KIND of the
     * other (this person is the MOTHER of the other); otherwise the other is KIND of this person
     * (the other is this child's MOTHER).
     */
    public record Relationship(String kind, long otherPersonId, String otherLabel, boolean outgoing) {
    }
}
