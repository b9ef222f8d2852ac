package vn.childguard.organisation.internal;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;


/**
 * Counts failed logins and locks an account at the limit; records every outcome as a security
 * event. The same path serves the login form and the token API, so neither can be used to guess.
 */
@Service
public class LoginAttempts {

    private final UserAccountRepository users;
    private final AuditLog audit;
    private final SecuritySettings settings;
    private final Clock clock;
    private final LoginThrottle throttle;

    LoginAttempts(UserAccountRepository users, AuditLog audit, SecuritySettings settings, Clock clock,
                  LoginThrottle throttle) {
        this.throttle = throttle;
        this.users = users;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String username, String clientAddress, String reason) {
        String actor = username == null || username.isBlank() ? "anonymous" : username.strip();
        var account = users.findByUsername(actor);
        boolean locked = false;
        boolean throttled = LoginThrottledException.class.getSimpleName().equals(reason);
        if (!throttled) {
            throttle.failed(clientAddress);
        }
        // while locked, further attempts are refused without extending the lock; a throttled address
        // was not even checked, so it cannot push an account towards its lockout
        if (!throttled && account.isPresent() && !account.get().isLocked(clock.instant())) {
            locked = account.get().recordFailedLogin(settings.maxFailedLogins(), settings.lockout(), clock.instant());
        }
        audit.record(new AuditEntry(actor, null, AuditLog.Actions.LOGIN_FAILED, "user",
                null, null, AuditEntry.Outcome.FAILURE, clientAddress, reason));
        if (locked) {
            audit.record(new AuditEntry(actor, null, AuditLog.Actions.LOCKOUT, "user",
                    String.valueOf(account.get().getId()), null, AuditEntry.Outcome.SUCCESS, clientAddress,
                    "locked for " + settings.lockout().toMinutes() + " min"));
        }
    }

    @Transactional
    public void succeeded(AccountDetails details, String clientAddress, String action) {
        users.findById(details.user().id()).ifPresent(UserAccount::recordSuccessfulLogin);
        audit.record(new AuditEntry(details.username(), details.agencyCode(), action, "user",
                String.valueOf(details.user().id()), null, AuditEntry.Outcome.SUCCESS, clientAddress, null));
    }
}
