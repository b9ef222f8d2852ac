package vn.childguard.people.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import vn.childguard.matching.BirthDate;
import vn.childguard.people.NewPerson;

/**
 * The rules a new person must meet, without Spring so they are unit-tested directly: a name; a birth
 * date {@code YYYY-MM-DD} or {@code YYYY} not in the future, or an estimated age 0–120; sex F, M or
 * blank; documents of a known kind, a citizen ID of 12 digits; a commune that exists.
 */
public final class PersonValidation {

    public static final Set<String> DOCUMENT_KINDS = Set.of("CITIZEN_ID", "PASSPORT", "BIRTH_CERTIFICATE");
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 2000;

    private PersonValidation() {
    }

    /** What a valid person is stored as: birth date text and whether it was estimated from an age. */
    public record Birth(String date, boolean estimated) {
    }

    /** Field name to message key for every rule broken, in form order; empty when the person is valid. */
    public static Map<String, String> errors(NewPerson p, LocalDate today, Predicate<String> unitExists) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(p.fullName())) {
            errors.put("fullName", "people.error.fullName.required");
        } else if (p.fullName().strip().length() > MAX_NAME) {
            errors.put("fullName", "people.error.fullName.long");
        }
        if (!blank(p.birthDate())) {
            try {
                BirthDate d = BirthDate.parse(p.birthDate());
                if (d.year() > today.getYear() || d.isFull() && LocalDate.of(d.year(), d.month(), d.day()).isAfter(today)) {
                    errors.put("birthDate", "people.error.birthDate.future");
                } else if (d.year() < today.getYear() - 130) {
                    errors.put("birthDate", "people.error.birthDate.old");
                }
            } catch (IllegalArgumentException e) {
                errors.put("birthDate", "people.error.birthDate.format");
            }
        } else if (p.estimatedAge() != null && (p.estimatedAge() < 0 || p.estimatedAge() > 120)) {
            errors.put("estimatedAge", "people.error.estimatedAge.range");
        }
        if (!blank(p.sex()) && !Set.of("F", "M").contains(p.sex().strip().toUpperCase(Locale.ROOT))) {
            errors.put("sex", "people.error.sex");
        }
        for (int i = 0; i < p.documents().size(); i++) {
            NewPerson.PersonDocument d = p.documents().get(i);
            if (d == null || blank(d.kind()) && blank(d.number())) {
                continue;
            }
            String field = "documents[" + i + "]";
            if (blank(d.kind()) || !DOCUMENT_KINDS.contains(d.kind().strip())) {
                errors.put(field + ".kind", "people.error.document.kind");
            } else if (blank(d.number())) {
                errors.put(field + ".number", "people.error.document.number");
            } else if ("CITIZEN_ID".equals(d.kind().strip()) && !normaliseDocument(d.number()).matches("\\d{12}")) {
                errors.put(field + ".number", "people.error.document.citizenId");
            } else if (normaliseDocument(d.number()).isEmpty() || normaliseDocument(d.number()).length() > 30) {
                errors.put(field + ".number", "people.error.document.number");
            }
        }
        if (!blank(p.nationality()) && !p.nationality().strip().matches("[A-Za-z]{2,3}")) {
            errors.put("nationality", "people.error.nationality");
        }
        if (!blank(p.unitCode()) && !unitExists.test(p.unitCode().strip())) {
            errors.put("unitCode", "people.error.unitCode");
        }
        if (!blank(p.addressText()) && p.addressText().length() > MAX_TEXT) {
            errors.put("addressText", "people.error.text.long");
        }
        if (!blank(p.contacts()) && p.contacts().length() > MAX_TEXT) {
            errors.put("contacts", "people.error.text.long");
        }
        return errors;
    }

    /** The birth date to store: the date as given, or the year an estimated age points to. */
    public static Birth birth(NewPerson p, LocalDate today) {
        if (!blank(p.birthDate())) {
            return new Birth(BirthDate.parse(p.birthDate()).toString(), false);
        }
        if (p.estimatedAge() != null) {
            return new Birth(String.valueOf(today.getYear() - p.estimatedAge()), true);
        }
        return new Birth(null, false);
    }

    /** Letters and digits only, upper case: how document numbers are compared and hashed. */
    public static String normaliseDocument(String number) {
        if (number == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(number.length());
        for (char c : number.toCharArray()) {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    /** "Nguyễn Thị Ánh, 2011": the name as written and the birth year when known. */
    public static String label(String fullName, String birthDate) {
        String name = fullName == null ? "" : fullName.strip();
        return birthDate == null || birthDate.length() < 4 ? name : name + ", " + birthDate.substring(0, 4);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
