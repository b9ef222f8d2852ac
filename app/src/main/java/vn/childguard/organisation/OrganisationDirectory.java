package vn.childguard.organisation;

import java.util.Optional;

/** Read-only questions other modules ask about the organisation. */
public interface OrganisationDirectory {

    /** Counts for dashboards. */
    record Counts(long agencies, long users, long adminUnits, long referenceItems) {
    }

    Counts counts();

    /**
     * True when {@code unitCode} lies inside {@code jurisdictionCode} (the unit itself, one of its
     * descendants, or — for a historical unit — one whose successor lies inside).
     */
    boolean covers(String jurisdictionCode, String unitCode);

    /** The unit's full name in the given language, e.g. "Xã Tân Biên". */
    Optional<String> unitName(String code, java.util.Locale locale);

    /** The current user of this thread, if one is signed in. */
    Optional<CurrentUser> currentUser();

    /** E-mail addresses of the agency's enabled users who hold the role; for notifications, never to be logged. */
    java.util.List<String> emailsOf(String agencyCode, Role role);

    /** Usernames of the agency's enabled users who hold the role, ordered (e.g. who may take over a case). */
    java.util.List<String> usernamesOf(String agencyCode, Role role);
}
