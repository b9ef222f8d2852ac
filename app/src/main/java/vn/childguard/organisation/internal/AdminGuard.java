package vn.childguard.organisation.internal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;

/**
 * The check in front of every administrative change. The controllers already refuse other roles;
 * this is the second line, so a change reached some other way is refused and the refusal survives
 * in the audit log even though the caller's transaction rolls back.
 */
@Component
class AdminGuard {

    private final OrganisationPolicy policy;
    private final AuditLog audit;

    AdminGuard(OrganisationPolicy policy, AuditLog audit) {
        this.policy = policy;
        this.audit = audit;
    }

    void check(CurrentUser user, String action, String entityType, Object entityId) {
        if (user == null || !policy.canAdminister(user)) {
            audit.recordIndependently(AuditEntry.of(action, entityType, entityId, AuditEntry.Outcome.DENIED));
            throw new AccessDeniedException("only administrators change organisation data");
        }
    }

    void recorded(String action, String entityType, Object entityId) {
        audit.record(AuditEntry.of(action, entityType, entityId, AuditEntry.Outcome.SUCCESS));
    }

    void recorded(String action, String entityType, Object entityId, String details) {
        audit.record(AuditEntry.of(action, entityType, entityId, AuditEntry.Outcome.SUCCESS).withDetails(details));
    }
}
