package vn.childguard.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The one way to write to, read and verify the access log. Writing joins the caller's transaction
 * when there is one, so an access and its record commit or roll back together; a denied attempt is
 * written in its own transaction so that it survives the refusal.
 */
public interface AuditLog {

    /** Appends an entry; a missing actor, agency or client address is taken from the current request. */
    AuditEvent record(AuditEntry entry);

    /** Appends an entry in a new transaction, for refusals and failures that roll the caller back. */
    AuditEvent recordIndependently(AuditEntry entry);

    /** Filters for the auditor's search; null fields match everything. */
    record Filter(String actor, String entityType, String entityId, String action, Instant from, Instant to) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    Page<AuditEvent> search(Filter filter, Pageable pageable);

    /** Rows matching the filter in chain order, for export; at most {@code limit}. */
    List<AuditEvent> export(Filter filter, int limit);

    /** The newest rows whose action is one of {@code actions}, newest first. */
    List<AuditEvent> latest(List<String> actions, int limit);

    /** The result of re-computing the chain: {@code firstBrokenId} is null when it is intact. */
    record Verification(boolean ok, long checked, Long firstBrokenId) {
    }

    Verification verify();

    /** Well-known actions, so reports and filters agree on their names. */
    final class Actions {
        public static final String LOGIN = "LOGIN";
        public static final String LOGIN_FAILED = "LOGIN_FAILED";
        public static final String LOCKOUT = "LOCKOUT";
        public static final String LOGOUT = "LOGOUT";
        public static final String TOKEN_ISSUED = "TOKEN_ISSUED";
        public static final String TOTP_ENROLLED = "TOTP_ENROLLED";
        public static final String TOTP_RESET = "TOTP_RESET";
        public static final String READ = "READ";
        public static final String CREATE = "CREATE";
        public static final String UPDATE = "UPDATE";
        public static final String DISABLE = "DISABLE";
        public static final String EXPORT = "EXPORT";
        public static final String VERIFY = "AUDIT_VERIFY";
        /** A break-the-glass grant was opened ({@link EmergencyAccess}). */
        public static final String BREAK_GLASS = "BREAK_GLASS";

        public static final List<String> SECURITY = List.of(LOGIN, LOGIN_FAILED, LOCKOUT, LOGOUT, TOKEN_ISSUED,
                TOTP_ENROLLED, TOTP_RESET);

        private Actions() {
        }
    }
}
