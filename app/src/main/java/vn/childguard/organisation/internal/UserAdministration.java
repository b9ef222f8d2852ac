package vn.childguard.organisation.internal;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;
import vn.childguard.shared.VietnameseText;

/**
 * The administrator's work on user accounts: find, create with an initial password, edit, disable
 * and enable, unlock after failed logins, reset a lost second factor. Accounts are never deleted, so
 * the audit trail keeps naming a real account. Every change is checked and audited in its transaction.
 */
@Service
public class UserAdministration {

    /** What an administrator may set on an account besides its username and password. */
    public record UserData(String fullName, String email, Long agencyId, String jurisdictionCode, Set<Role> roles) {
    }

    /** One account as the list shows it, with its agency and whether it is locked out right now. */
    public record UserRow(UserAccount account, Agency agency, boolean locked) {
    }

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private static final Map<String, Comparator<UserRow>> SORTABLE = Map.of(
            "username", Comparator.comparing(r -> r.account().getUsername()),
            "fullName", InMemoryPages.byText(r -> r.account().getFullName()));

    private final UserAccountRepository users;
    private final AgencyRepository agencies;
    private final AdminUnitRepository units;
    private final PasswordEncoder encoder;
    private final TotpEnrolment totp;
    private final AdminGuard guard;
    private final PasswordPolicy passwords;
    private final Clock clock;
    private final TokenService tokens;

    UserAdministration(UserAccountRepository users, AgencyRepository agencies, AdminUnitRepository units,
                       PasswordEncoder encoder, TotpEnrolment totp, AdminGuard guard, SecuritySettings settings,
                       Clock clock, TokenService tokens) {
        this.tokens = tokens;
        this.users = users;
        this.agencies = agencies;
        this.units = units;
        this.encoder = encoder;
        this.totp = totp;
        this.guard = guard;
        this.passwords = new PasswordPolicy(settings.passwordMinLength());
        this.clock = clock;
    }

    public int passwordMinLength() {
        return passwords.minLength();
    }

    /** The message keys of every password rule {@code password} breaks, so a form can show them with its other errors. */
    public List<String> passwordViolations(String password, String username) {
        return passwords.violations(password, username);
    }

    /** Accounts whose username or full name contain every word of {@code query}, ignoring diacritics. */
    @Transactional(readOnly = true)
    public Page<UserRow> search(String query, Long agencyId, Role role, Pageable pageable) {
        Map<Long, Agency> byId = agencies.findAll().stream()
                .collect(java.util.stream.Collectors.toMap(Agency::getId, a -> a));
        List<UserRow> rows = users.findAll().stream()
                .filter(u -> agencyId == null || agencyId.equals(u.getAgencyId()))
                .filter(u -> role == null || u.getRoles().contains(role))
                .filter(u -> query == null || query.isBlank()
                        || VietnameseText.matches(u.getUsername() + " " + u.getFullName(), query))
                .map(this::row)
                .toList();
        return InMemoryPages.page(rows, pageable, SORTABLE, Sort.by("username"));
    }

    @Transactional(readOnly = true)
    public Optional<UserRow> find(long id) {
        return users.findById(id).map(this::row);
    }

    private UserRow row(UserAccount account) {
        return new UserRow(account, agencies.findById(account.getAgencyId()).orElse(null),
                account.isLocked(clock.instant()));
    }

    @Transactional
    public UserAccount create(CurrentUser user, String username, UserData data, String password) {
        guard.check(user, AuditLog.Actions.CREATE, "user", null);
        var problems = new RejectedInput.Collector();
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            problems.reject("username", "organisation.admin.users.error.username");
        } else if (users.findByUsername(name).isPresent()) {
            problems.reject("username", "organisation.admin.users.error.usernameTaken");
        }
        for (String violation : passwords.violations(password, name)) {
            problems.reject("password", violation);
        }
        check(data, problems);
        problems.throwIfAny();
        UserAccount account = new UserAccount(name, encoder.encode(password), clock.instant());
        apply(account, data);
        users.saveAndFlush(account);
        guard.recorded(AuditLog.Actions.CREATE, "user", account.getId());
        return account;
    }

    /** Refused with an optimistic-locking failure when someone saved the account after {@code version}. */
    @Transactional
    public UserAccount update(CurrentUser user, long id, long version, UserData data) {
        guard.check(user, AuditLog.Actions.UPDATE, "user", id);
        UserAccount account = users.findById(id).orElseThrow();
        if (account.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(UserAccount.class, id);
        }
        var problems = new RejectedInput.Collector();
        check(data, problems);
        problems.throwIfAny();
        apply(account, data);
        users.saveAndFlush(account);
        tokens.forgetUser(id);
        guard.recorded(AuditLog.Actions.UPDATE, "user", id);
        return account;
    }

    /** Disabling keeps the account and refuses every login; an administrator cannot disable themselves. */
    @Transactional
    public void setEnabled(CurrentUser user, long id, boolean enabled) {
        String action = enabled ? AuditLog.Actions.UPDATE : AuditLog.Actions.DISABLE;
        guard.check(user, action, "user", id);
        if (!enabled && user.id() == id) {
            new RejectedInput.Collector().reject(null, "organisation.admin.users.error.disableSelf").throwIfAny();
        }
        UserAccount account = users.findById(id).orElseThrow();
        account.setEnabled(enabled);
        users.saveAndFlush(account);
        tokens.forgetUser(id);
        guard.recorded(action, "user", id, enabled ? "enabled" : "disabled");
    }

    /** Lifts a lockout after too many failed logins, and forgets the failures counted so far. */
    @Transactional
    public void unlock(CurrentUser user, long id) {
        guard.check(user, AuditLog.Actions.UPDATE, "user", id);
        UserAccount account = users.findById(id).orElseThrow();
        account.unlock();
        users.saveAndFlush(account);
        guard.recorded(AuditLog.Actions.UPDATE, "user", id, "unlocked");
    }

    /** Removes a lost second factor; the user enrols a new one at the next sign-in. */
    @Transactional
    public void resetTotp(CurrentUser user, long id) {
        guard.check(user, AuditLog.Actions.TOTP_RESET, "user", id);
        totp.reset(id);
    }

    private void apply(UserAccount account, UserData data) {
        String jurisdiction = data.jurisdictionCode() == null || data.jurisdictionCode().isBlank() ? null
                : data.jurisdictionCode().strip();
        String email = data.email() == null || data.email().isBlank() ? null : data.email().strip();
        account.update(VietnameseText.nfc(data.fullName().strip()), email, data.agencyId(), jurisdiction,
                data.roles() == null ? Set.of() : data.roles());
    }

    private void check(UserData data, RejectedInput.Collector problems) {
        if (data.agencyId() != null && !agencies.existsById(data.agencyId())) {
            problems.reject("agencyId", "organisation.admin.users.error.agency");
        }
        if (data.jurisdictionCode() != null && !data.jurisdictionCode().isBlank()
                && !units.existsById(data.jurisdictionCode().strip())) {
            problems.reject("jurisdictionCode", "organisation.admin.error.unknownUnit");
        }
    }
}
