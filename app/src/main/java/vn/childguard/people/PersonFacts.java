package vn.childguard.people;

import java.time.LocalDate;
import java.util.Map;

/**
 * The non-identifying demographics statistics need — sex, birth year, age on a given day,
 * nationality, ethnicity — by register id, without a name, document, address or full birth date,
 * so no access check or audit: on their own they identify nobody. A merged person answers with the
 * survivor's values.
 */
public interface PersonFacts {

    /**
     * Demographics of the given people, each with the age on its day; ids that do not exist are left out.
     *
     * @param ageOn person id → the day on which their age is wanted
     */
    Map<Long, Demographics> demographics(Map<Long, LocalDate> ageOn);

    /**
     * @param sex         {@code M}, {@code F} or null
     * @param birthYear   null when the birth date is unknown
     * @param age         completed years on the requested day, null when unknown
     * @param nationality code of the country list or null
     * @param ethnicity   code of the ethnicity list or null
     */
    record Demographics(String sex, Integer birthYear, Integer age, String nationality, String ethnicity) {
    }
}
