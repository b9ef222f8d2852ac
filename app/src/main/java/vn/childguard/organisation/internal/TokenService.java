package vn.childguard.organisation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;



/** Issues and checks bearer tokens: 256 random bits, stored as SHA-256, short-lived, revocable. */
@Service
public class TokenService {

    /** A token as handed to the client, once. */
    public record IssuedToken(String token, Instant expiresAt) {
    }

    private final ApiTokenRepository tokens;
    private final UserAccountRepository users;
    private final Accounts accounts;
    private final SecuritySettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final org.springframework.security.authentication.AuthenticationManager authentication;
    private final LoginAttempts attempts;

    TokenService(ApiTokenRepository tokens, UserAccountRepository users, Accounts accounts, SecuritySettings settings,
                 Clock clock, @org.springframework.context.annotation.Lazy
                 org.springframework.security.authentication.AuthenticationManager authentication,
                 LoginAttempts attempts) {
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

    /** The principal for a token that is known, unexpired, unrevoked and whose user may still sign in. */
    @Transactional(readOnly = true)
    public Optional<AccountDetails> authenticate(String token) {
        Instant now = clock.instant();
        return tokens.findByTokenHash(sha256(token))
                .filter(t -> t.isValid(now))
                .flatMap(t -> users.findById(t.getUserId()))
                .filter(u -> u.isEnabled() && !u.isLocked(now))
                .map(accounts::details);
    }

    @Transactional
    public boolean revoke(String token) {
        return tokens.findByTokenHash(sha256(token)).map(t -> {
            t.revoke(clock.instant());
            return true;
        }).orElse(false);
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
