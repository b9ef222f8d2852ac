package vn.childguard.casework.internal;

import java.util.Collection;

/**
 * Whose consent lets a case be shared with an agency (DOMAIN.md §6, Law on Children 2016 art. 33):
 * always the legal representative's, and from the age of 7 the child's as well; each for that
 * recipient and not withdrawn. When the child's age is unknown both are asked for.
 */
final class ConsentRule {

    /** From this age the child's own consent is needed, and only from it does it count. */
    static final int CHILD_CONSENT_AGE = 7;

    private ConsentRule() {
    }

    static boolean allowsSharing(Collection<Consent> consents, String recipientAgency, Integer childAge) {
        boolean childNeeded = childAge == null || childAge >= CHILD_CONSENT_AGE;
        return given(consents, Consent.Subject.LEGAL_REPRESENTATIVE, recipientAgency)
                && (!childNeeded || given(consents, Consent.Subject.CHILD, recipientAgency));
    }

    /** Whether a child of this age (null: unknown) may give consent. */
    static boolean childMayConsent(Integer childAge) {
        return childAge == null || childAge >= CHILD_CONSENT_AGE;
    }

    private static boolean given(Collection<Consent> consents, Consent.Subject subject, String recipientAgency) {
        return consents.stream().anyMatch(k -> k.isActive() && k.getSubject() == subject
                && recipientAgency.equals(k.getRecipientAgencyCode()));
    }
}
