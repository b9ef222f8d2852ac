package vn.childguard.audit;

import java.util.Objects;

/**
 * What happened, to be appended to the log. {@code details} is free text for the auditor and must
 * never carry personal data of children or victims: refer to records by type and id.
 */
public record AuditEntry(
        String actor,
        String agencyCode,
        String action,
        String entityType,
        String entityId,
        String purpose,
        Outcome outcome,
        String clientAddress,
        String details) {

    /** Whether the access was carried out. */
    public enum Outcome { SUCCESS, DENIED, FAILURE }

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** An entry about a record, by the actor and agency taken from the security context. */
    public static AuditEntry of(String action, String entityType, Object entityId, Outcome outcome) {
        return new AuditEntry("?", null, action, entityType, entityId == null ? null : entityId.toString(),
                null, outcome, null, null);
    }

    public AuditEntry withActor(String actor, String agencyCode) {
        return new AuditEntry(actor, agencyCode, action, entityType, entityId, purpose, outcome, clientAddress, details);
    }

    public AuditEntry withPurpose(String purpose) {
        return new AuditEntry(actor, agencyCode, action, entityType, entityId, purpose, outcome, clientAddress, details);
    }

    public AuditEntry withDetails(String details) {
        return new AuditEntry(actor, agencyCode, action, entityType, entityId, purpose, outcome, clientAddress, details);
    }

    public AuditEntry withClientAddress(String clientAddress) {
        return new AuditEntry(actor, agencyCode, action, entityType, entityId, purpose, outcome, clientAddress, details);
    }
}
