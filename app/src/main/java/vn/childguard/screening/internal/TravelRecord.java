package vn.childguard.screening.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import vn.childguard.matching.BirthDate;
import vn.childguard.matching.Identity;
import vn.childguard.matching.NameNormalizer;
import vn.childguard.matching.Sex;

/** One validated exit or entry record, as read from a file or the API. */
public record TravelRecord(String recordId, String fullName, BirthDate birthDate, Sex sex, String documentNumber,
                           String nationality, LocalDate travelDate, String direction, String borderGate,
                           String destinationCountry, List<String> transitCountries, String bookingRef,
                           String travelPurpose, String visaType, List<String> companionRecordIds) {

    public static final List<String> COLUMNS = List.of("record_id", "full_name", "birth_date", "sex", "document_number",
            "nationality", "travel_date", "direction", "border_gate", "destination_country", "transit_countries",
            "booking_ref", "travel_purpose", "visa_type");
    public static final String COMPANIONS = "companion_record_ids";

    public TravelRecord {
        transitCountries = transitCountries == null ? List.of() : List.copyOf(transitCountries);
        companionRecordIds = companionRecordIds == null ? List.of() : List.copyOf(companionRecordIds);
    }

    /** Age in whole years on the travel date; null when the birth date is unknown (a year counts from 1 July). */
    public Integer ageOnTravel() {
        if (!birthDate.isKnown()) {
            return null;
        }
        LocalDate born = birthDate.isFull() ? LocalDate.of(birthDate.year(), birthDate.month(), birthDate.day())
                : LocalDate.of(birthDate.year(), 7, 1);
        return Math.max(0, Period.between(born, travelDate).getYears());
    }

    public boolean minor() {
        Integer age = ageOnTravel();
        return age != null && age < 18;
    }

    public Identity identity() {
        return new Identity(recordId, fullName, birthDate, sex,
                documentNumber == null ? List.of() : List.of(documentNumber), nationality);
    }

    /** The family name as folded by the matching engine (first token of a Vietnamese name). */
    public String familyName() {
        List<String> tokens = NameNormalizer.tokens(fullName);
        return tokens.isEmpty() ? "" : NameNormalizer.regionalKey(tokens.get(0));
    }

    /** What identifies the traveller across trips before hashing: the document, else name and birth date. */
    public String travellerKeySource() {
        if (documentNumber != null && !documentNumber.isBlank()) {
            return "D:" + documentNumber.replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT);
        }
        return "N:" + String.join(" ", NameNormalizer.tokens(fullName)) + "|" + birthDate;
    }

    /** The same record with another destination (tests and the demo generator). */
    public TravelRecord withDestination(String country) {
        return new TravelRecord(recordId, fullName, birthDate, sex, documentNumber, nationality, travelDate, direction, borderGate,
                country, transitCountries, bookingRef, travelPurpose, visaType, companionRecordIds);
    }

    /** The trip, for de-duplicating alerts per person and trip. */
    public String tripKey() {
        return travelDate + "|" + direction + "|" + (bookingRef == null ? "" : bookingRef);
    }
}
