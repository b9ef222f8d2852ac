package vn.childguard.organisation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;



/**
 * Issues and checks bearer tokens: 256 random bits, stored as SHA-256, short-lived, revocable. A
 * verified token is remembered on this node for {@code childguard.security.token-cache} (default 10 s,
 * never past the token's expiry) so that an API client does not cost a database look-up per call.
 * Revoking on this node takes effect at once (the entry becomes a tombstone, so a look-up racing the
 * revocation cannot put it back); another node keeps accepting a revoked token, and a disabled
 * account's or changed roles' old principal, for at most that time.
 */
@Service
public class TokenService {

    /** How many verified tokens a node remembers before it drops the expired ones (or all). */
    static final int CACHE_LIMIT = 10_000;

    /** A verified token (details null: revoked here, refused until {@code until}). */
    private record Verified(AccountDetails details, long userId, Instant until) {
    }

    /** A token as handed to the client, once. */
    public record IssuedToken(String token, Instant expiresAt) {
    }

    private final ApiTokenRepository tokens;
    private final UserAccountRepository users;
    private final Accounts accounts;
    private final SecuritySettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final java.time.Duration cacheFor;
    private final org.springframework.transaction.support.TransactionTemplate readOnly;
    private final java.util.concurrent.ConcurrentHashMap<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

    private final org.springframework.security.authentication.AuthenticationManager authentication;
    private final LoginAttempts attempts;

    TokenService(ApiTokenRepository tokens, UserAccountRepository users, Accounts accounts, SecuritySettings settings,
                 Clock clock, @org.springframework.context.annotation.Lazy
                 org.springframework.security.authentication.AuthenticationManager authentication,
                 LoginAttempts attempts, org.springframework.transaction.PlatformTransactionManager transactions,
                 @org.springframework.beans.factory.annotation.Value("${childguard.security.token-cache:10s}") java.time.Duration cacheFor) {
        this.cacheFor = cacheFor;
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.authentication = authentication;
        this.attempts = attempts;
        this.tokens = tokens;
        this.users = users;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Checks username, password and (when enrolled) TOTP code exactly as the login form does, counts
     * failures towards the lockout, and issues a token. Users who must enrol TOTP first get none.
     */
    public Optional<IssuedToken> login(String username, String password, String totp, String clientAddress) {
        try {
            var request = org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                    .unauthenticated(username, password);
            request.setDetails(new TotpAuthenticationProvider.TotpDetails(clientAddress, totp));
            var details = (AccountDetails) authentication.authenticate(request).getPrincipal();
            if (TotpEnrolmentFilter.mustEnrol(settings, details)) {
                attempts.failed(username, clientAddress, "TotpEnrolmentRequired");
                return Optional.empty();
            }
            attempts.succeeded(details, clientAddress, vn.childguard.audit.AuditLog.Actions.TOKEN_ISSUED);
            return Optional.of(issue(details.user().id()));
        } catch (org.springframework.security.core.AuthenticationException e) {
            attempts.failed(username, clientAddress, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Transactional
    public IssuedToken issue(long userId) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.tokenLifetime());
        tokens.save(new ApiToken(userId, sha256(token), now, expires));
        return new IssuedToken(token, expires);
    }

    /**
     * The principal for a token that is known, unexpired, unrevoked and whose user may still sign in;
     * a token verified in the last seconds is answered from memory, without a transaction.
     */
    public Optional<AccountDetails> authenticate(String token) {
        Instant now = clock.instant();
        String hash = sha256(token);
        Verified known = verified.get(hash);
        if (known != null && now.isBefore(known.until())) {
            return Optional.ofNullable(known.details());
        }
        var lookup = readOnly.execute(status -> {
            Optional<ApiToken> t = tokens.findByTokenHash(hash).filter(x -> x.isValid(now));
            return Map.entry(t, t.flatMap(x -> users.findById(x.getUserId()))
                    .filter(u -> u.isEnabled() && !u.isLocked(now))
                    .map(accounts::details));
        });
        Optional<ApiToken> found = lookup.getKey();
        Optional<AccountDetails> details = lookup.getValue();
        if (details.isPresent() && !cacheFor.isZero()) {
            Instant until = now.plus(cacheFor);
            Instant expires = found.get().getExpiresAt();
            Verified entry = new Verified(details.get(), found.get().getUserId(), until.isAfter(expires) ? expires : until);
            if (verified.size() >= CACHE_LIMIT) {
                verified.values().removeIf(v -> !now.isBefore(v.until()));
                if (verified.size() >= CACHE_LIMIT) {
                    verified.clear();
                }
            }
            // a tombstone (revoked meanwhile) wins over what this look-up read before the revocation
            verified.compute(hash, (k, old) -> old != null && old.details() == null && now.isBefore(old.until()) ? old : entry);
        } else if (details.isEmpty()) {
            verified.remove(hash);
        }
        return details;
    }

    @Transactional
    public boolean revoke(String token) {
        String hash = sha256(token);
        return tokens.findByTokenHash(hash).map(t -> {
            Instant now = clock.instant();
            t.revoke(now);
            verified.put(hash, new Verified(null, t.getUserId(), now.plus(cacheFor).plusSeconds(1)));
            return true;
        }).orElse(false);
    }

    /** Forgets the verified tokens of a user whose account changed (disabled, roles, password), on this node. */
    public void forgetUser(long userId) {
        verified.values().removeIf(v -> v.userId() == userId && v.details() != null);
    }

    @Scheduled(fixedDelayString = "PT1H")
    @Transactional
    public void purgeExpired() {
        tokens.deleteExpiredBefore(clock.instant().minusSeconds(86_400));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
