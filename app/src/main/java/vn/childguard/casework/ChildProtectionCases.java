package vn.childguard.casework;

import java.util.Optional;

/**
 * Child-protection cases as other modules open and name them — e.g. trafficking opens one for a
 * child victim, with the same person, owned by the commune People's Committee of the child's commune.
 */
public interface ChildProtectionCases {

    /**
     * Opens a child-protection case for a registered person on behalf of the current user (who need
     * not belong to the owning agency, but must be allowed to open a case in the commune), exactly as
     * a case opened on the casework pages: the user leads its team, its clocks start, it is audited.
     * The reason is kept as an encrypted note. Returns the case id.
     */
    long openFor(long personId, String unitCode, String owningAgencyCode, String reason);

    /**
     * Opens the child-protection case of a recorded report (e.g. a border screening referral) for a
     * registered child, as "open case" in the inbox does: the report's commune and receipt time, owned
     * by the committee the report was routed to, the report marked as opened; the current user must be
     * allowed to open a case in that commune and leads the team. Returns the case id.
     */
    long openFromReport(long intakeId, long personId, String reason);

    /** The case's reference, e.g. BVTE-2026-000012. */
    Optional<String> reference(long caseId);

    /**
     * The register id of the case's child, when the current user may see the child's identity: staff of
     * the owning agency or the case team, or the receiver of an open referral that shares the child's
     * identity with the consents the law asks for or a recorded legal basis. Audited either way; empty
     * when the case is unknown or not shared.
     */
    Optional<Long> childSharedWithCurrentUser(long caseId);

    /** The child's age in whole years on a day (empty when the case or the birth date is unknown): an age band, not an identity. */
    Optional<Integer> childAgeOn(long caseId, java.time.LocalDate day);
}
