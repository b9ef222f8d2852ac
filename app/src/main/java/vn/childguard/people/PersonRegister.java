package vn.childguard.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The register of people as other modules use it. Every method checks the current user's access and
 * writes the audit log; a refusal throws {@link org.springframework.security.access.AccessDeniedException}.
 */
public interface PersonRegister {

    /** Registers a new person (after search-before-create) and returns its id. */
    long register(NewPerson person);

    /** The person's identity, for a user allowed to see it. */
    PersonView read(long personId);

    /**
     * A short label safe to show wherever the person is named in a record the user may already read
     * (e.g. "Nguyễn Thị Ánh, 2011"); empty when the person does not exist.
     */
    Optional<String> label(long personId);

    /**
     * Likely existing people for search-before-create, best first, with the matching engine's
     * score and reasons. Needs the INTAKE_OPERATOR or CASE_WORKER role.
     */
    List<PersonCandidate> candidates(PersonQuery query, int limit);

    /**
     * Whether the current user may already read the person's identity (no audit, nothing revealed):
     * for modules that must not let a user gain access by merely naming an id.
     */
    boolean mayRead(long personId);

    /**
     * The person's age in whole years on the day, empty when unknown or no such person. Reveals the age
     * only (no identity) and needs no access: for rules the law ties to age, such as whose consent counts.
     */
    java.util.Optional<Integer> ageOn(long personId, LocalDate day);

    /** The id a merged person now lives on (itself when never merged). */
    long survivorOf(long personId);
}
