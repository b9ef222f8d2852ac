package vn.childguard.trafficking;

import java.time.Instant;
import java.util.List;

/**
 * Anonymous facts about trafficking cases for statistics (reporting's read model): codes, dates, the
 * birth year and age at exploitation, the HTCDS lists (forms of exploitation, means of control,
 * destination and transit countries, how the person returned) and the benefits delivered. Never a
 * name, document, address, summary or other free text; the person is named by their register id only.
 */
public interface TraffickingFacts {

    /** Every case, one row each. */
    List<CaseFact> cases();

    /**
     * @param birthYear         year of birth, null when unknown
     * @param ageAtExploitation completed years on the exploitation (or reporting) day, null when unknown
     * @param supportsDelivered benefit codes with at least one delivery
     */
    record CaseFact(long caseId, long personId, TraffickingStatus status, String leadAgencyCode, String unitCode,
                    String countryCode, Integer birthYear, Integer ageAtExploitation, List<String> exploitationTypes,
                    List<String> meansOfControl, List<String> destinationCountries, List<String> transitCountries,
                    String returnMode, String recruiterRelationship, Instant reportedAt, Instant identifiedAt,
                    Instant closedAt, List<String> supportsDelivered) {

        public CaseFact {
            exploitationTypes = List.copyOf(exploitationTypes);
            meansOfControl = List.copyOf(meansOfControl);
            destinationCountries = List.copyOf(destinationCountries);
            transitCountries = List.copyOf(transitCountries);
            supportsDelivered = List.copyOf(supportsDelivered);
        }
    }
}
