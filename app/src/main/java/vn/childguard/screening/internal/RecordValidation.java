package vn.childguard.screening.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import vn.childguard.matching.BirthDate;
import vn.childguard.matching.Sex;

/** Checks one row's fields and builds the record; every problem is collected, not just the first. */
public final class RecordValidation {

    private static final java.util.regex.Pattern DOCUMENT = java.util.regex.Pattern.compile("[A-Za-z0-9 -]+");
    private static final java.util.regex.Pattern COUNTRY = java.util.regex.Pattern.compile("[A-Z]{2,3}");
    private static final java.util.regex.Pattern COUNTRY2 = java.util.regex.Pattern.compile("[A-Z]{2}");

    private RecordValidation() {
    }

    /** The result: a record when {@code errors} is empty. */
    public record Result(TravelRecord record, List<RowError> errors) {
    }

    public static Result validate(int line, Function<String, String> field) {
        List<RowError> errors = new ArrayList<>();
        String recordId = trim(field.apply("record_id"));
        if (recordId == null) {
            errors.add(new RowError(line, "record_id", "screening.error.required", null));
        } else if (recordId.length() > 100) {
            errors.add(new RowError(line, "record_id", "screening.error.tooLong", "100"));
        }
        String fullName = trim(field.apply("full_name"));
        if (fullName == null) {
            errors.add(new RowError(line, "full_name", "screening.error.required", null));
        } else if (fullName.length() > 200) {
            errors.add(new RowError(line, "full_name", "screening.error.tooLong", "200"));
        }
        BirthDate birth = BirthDate.UNKNOWN;
        try {
            birth = BirthDate.parse(field.apply("birth_date"));
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(line, "birth_date", "screening.error.birthDate", null));
        }
        Sex sex = Sex.UNKNOWN;
        try {
            sex = Sex.parse(field.apply("sex"));
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(line, "sex", "screening.error.sex", null));
        }
        String document = trim(field.apply("document_number"));
        if (document != null && (document.length() > 30 || !DOCUMENT.matcher(document).matches())) {
            errors.add(new RowError(line, "document_number", "screening.error.document", null));
        }
        String nationality = upper(field.apply("nationality"));
        if (nationality != null && !COUNTRY.matcher(nationality).matches()) {
            errors.add(new RowError(line, "nationality", "screening.error.country", null));
        }
        LocalDate travelDate = null;
        String travel = trim(field.apply("travel_date"));
        if (travel == null) {
            errors.add(new RowError(line, "travel_date", "screening.error.required", null));
        } else {
            try {
                travelDate = LocalDate.parse(travel);
            } catch (DateTimeParseException e) {
                errors.add(new RowError(line, "travel_date", "screening.error.travelDate", null));
            }
        }
        if (travelDate != null && birth.isKnown() && birth.year() > travelDate.getYear()) {
            errors.add(new RowError(line, "birth_date", "screening.error.bornAfterTravel", null));
        }
        String direction = upper(field.apply("direction"));
        if (!"EXIT".equals(direction) && !"ENTRY".equals(direction)) {
            errors.add(new RowError(line, "direction", "screening.error.direction", null));
        }
        String destination = upper(field.apply("destination_country"));
        if (destination != null && !COUNTRY2.matcher(destination).matches()) {
            errors.add(new RowError(line, "destination_country", "screening.error.country", null));
        }
        List<String> transit = List.of();
        String transitText = upper(field.apply("transit_countries"));
        if (transitText != null) {
            transit = Arrays.stream(transitText.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (transit.stream().anyMatch(c -> !COUNTRY2.matcher(c).matches()) || transit.size() > 10) {
                errors.add(new RowError(line, "transit_countries", "screening.error.countries", null));
            }
        }
        String booking = trim(field.apply("booking_ref"));
        String purpose = upper(field.apply("travel_purpose"));
        String visa = upper(field.apply("visa_type"));
        String gate = trim(field.apply("border_gate"));
        for (var e : Map.of("booking_ref", booking == null ? "" : booking, "travel_purpose", purpose == null ? "" : purpose,
                "visa_type", visa == null ? "" : visa, "border_gate", gate == null ? "" : gate).entrySet()) {
            if (e.getValue().length() > 50) {
                errors.add(new RowError(line, e.getKey(), "screening.error.tooLong", "50"));
            }
        }
        List<String> companions = List.of();
        String companionText = trim(field.apply(TravelRecord.COMPANIONS));
        if (companionText != null) {
            companions = Arrays.stream(companionText.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (companions.size() > 20 || companionText.length() > 1000) {
                errors.add(new RowError(line, TravelRecord.COMPANIONS, "screening.error.tooLong", "20"));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new TravelRecord(recordId, fullName, birth, sex, document, nationality, travelDate, direction,
                gate, destination, transit, booking, purpose, visa, companions), List.of());
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        // most fields are ASCII, which is already NFC: normalising them was a good part of the validation time
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) >= 0x80) {
                return java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFC);
            }
        }
        return t;
    }

    private static String upper(String s) {
        String t = trim(s);
        return t == null ? null : t.toUpperCase(Locale.ROOT);
    }
}
