package vn.childguard.audit;

import java.time.Instant;

/** A row of the access log as stored, with its place in the hash chain. */
public record AuditEvent(
        long id,
        Instant occurredAt,
        String actor,
        String agencyCode,
        String action,
        String entityType,
        String entityId,
        String purpose,
        AuditEntry.Outcome outcome,
        String clientAddress,
        String details,
        String prevHash,
        String hash) {
}
