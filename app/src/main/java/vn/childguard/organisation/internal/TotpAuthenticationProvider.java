package vn.childguard.organisation.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import vn.childguard.shared.crypto.DataCipher;

/**
 * Username and password, then — for a user who has enrolled — the six-digit code from the
 * authenticator app, all in one step so a failure never tells which part was wrong.
 */
class TotpAuthenticationProvider extends DaoAuthenticationProvider {

    /** The login form's extra field. */
    static final class TotpDetails extends WebAuthenticationDetails {
        private final String code;

        TotpDetails(HttpServletRequest request) {
            super(request);
            this.code = request.getParameter("totp");
        }

        TotpDetails(String remoteAddress, String code) {
            super(remoteAddress, null);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    static final AuthenticationDetailsSource<HttpServletRequest, TotpDetails> DETAILS = TotpDetails::new;

    private final DataCipher cipher;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final UserAccountRepository users;

    TotpAuthenticationProvider(Accounts accounts, PasswordEncoder encoder, DataCipher cipher, Clock clock,
                               LoginThrottle throttle, UserAccountRepository users) {
        super(accounts);
        setPasswordEncoder(encoder);
        this.cipher = cipher;
        this.clock = clock;
        this.throttle = throttle;
        this.users = users;
    }

    /** An address past its limit of failures is refused before any account is looked at. */
    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        if (!throttle.allows(address)) {
            throw new LoginThrottledException();
        }
        return super.authenticate(authentication);
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails userDetails,
                                                  UsernamePasswordAuthenticationToken authentication) {
        super.additionalAuthenticationChecks(userDetails, authentication);
        String secret = ((AccountDetails) userDetails).totpSecret();
        if (secret == null) {
            return;
        }
        String code = authentication.getDetails() instanceof TotpDetails d ? d.code() : null;
        long step = Totp.matchingStep(cipher.decrypt(secret), code, clock.instant());
        // a code is good once: one seen (or replayed by someone who watched it typed) is refused
        if (step < 0 || users.useTotpStep(((AccountDetails) userDetails).user().id(), step) == 0) {
            throw new BadCredentialsException("bad credentials");
        }
    }
}
