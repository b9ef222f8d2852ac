package vn.childguard.privacy.internal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;

/**
 * Who may do what in privacy. There is no data-protection-officer role (roles are code, not data), so
 * the duty sits with the system administrators (SYSTEM_ADMIN), who record, assign, answer and export
 * requests and record, assess and notify breaches; an assigned administrator is the request's officer.
 * Auditors (AUDITOR) read both registers, for oversight, but change and export nothing.
 */
@Component
public class PrivacyPolicy {

    private final AuditLog audit;

    PrivacyPolicy(AuditLog audit) {
        this.audit = audit;
    }

    public boolean mayManage(CurrentUser user) {
        return user.has(Role.SYSTEM_ADMIN);
    }

    public boolean mayRead(CurrentUser user) {
        return mayManage(user) || user.has(Role.AUDITOR);
    }

    void requireManage(CurrentUser user, String action, String entity, Object id) {
        if (!mayManage(user)) {
            deny(action, entity, id);
        }
    }

    void requireRead(CurrentUser user, String entity, Object id) {
        if (!mayRead(user)) {
            deny(AuditLog.Actions.READ, entity, id);
        }
    }

    void deny(String action, String entity, Object id) {
        audit.recordIndependently(AuditEntry.of(action, entity, id, AuditEntry.Outcome.DENIED));
        throw new AccessDeniedException("privacy: " + action + " refused");
    }
}
