package vn.childguard.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Break-the-glass: a user whose role allows it ({@code childguard.emergency-access.roles}) and who is
 * normally refused one child's or victim's record states a reason and reads that record for a limited
 * time ({@code childguard.emergency-access.duration}). Opening a grant is itself logged (action
 * {@code BREAK_GLASS}); the modules holding the records let grant holders read, log every read with
 * the reason as its purpose, and show the grants to the record's owners in their inbox; auditors list
 * all grants ({@code /audit/emergency-access}).
 */
public interface EmergencyAccess {

    /** Whether a user with these role names (without {@code ROLE_}) may break the glass at all. */
    boolean allows(Collection<String> roleNames);

    /** How long a grant runs. */
    Duration duration();

    /**
     * Opens a grant for the user on one record, logged in the same transaction.
     *
     * @throws InvalidReason when the reason is missing or too long (field {@code reason})
     * @throws IllegalStateException when no role of the user allows it
     */
    Grant open(String username, String agencyCode, Collection<String> roleNames, String entityType, String entityId,
               String reference, String reason);

    /** The user's grant on the record that is running now, if any. */
    Optional<Grant> active(String username, String entityType, String entityId);

    /** Grants on records of a type opened in the notification window, newest first (owners' inboxes). */
    List<Grant> recent(String entityType);

    /** The newest grants of every type with the number of reads made under each, for auditors. */
    List<Use> latest(int limit);

    /** A grant and how many successful reads of its record its holder made while it ran. */
    record Use(Grant grant, long reads) {
    }

    /** One grant: who, on which record (type, id and reference), why, and for how long. */
    record Grant(long id, String username, String agencyCode, String entityType, String entityId, String reference,
                 String reason, Instant openedAt, Instant expiresAt) {

        public boolean activeAt(Instant moment) {
            return moment.isBefore(expiresAt);
        }
    }

    /** A reason that cannot be accepted; {@code field} names the form field, {@code messageKey} says why. */
    final class InvalidReason extends IllegalArgumentException {
        private final String messageKey;

        public InvalidReason(String messageKey) {
            super("reason: " + messageKey);
            this.messageKey = messageKey;
        }

        public String field() {
            return "reason";
        }

        public String messageKey() {
            return messageKey;
        }
    }
}
