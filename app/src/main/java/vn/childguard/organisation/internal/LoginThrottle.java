package vn.childguard.organisation.internal;

import java.time.Clock;
import org.springframework.stereotype.Component;
import vn.childguard.shared.RateLimiter;

/**
 * Failed sign-ins per client address, on the form and the token API alike: past the limit in the
 * window, the address may not try again (not even with a right password) until old failures age
 * out. Against credential stuffing, and it bounds how many accounts one address can lock out. In
 * memory, so per node; behind a proxy set {@code server.forward-headers-strategy} so the address is
 * the client's.
 */
@Component
class LoginThrottle {

    private final RateLimiter failures;

    LoginThrottle(SecuritySettings settings, Clock clock) {
        this.failures = new RateLimiter(settings.maxFailedLoginsPerAddress(), settings.addressWindow(), clock);
    }

    boolean allows(String clientAddress) {
        return failures.allows(clientAddress);
    }

    void failed(String clientAddress) {
        failures.record(clientAddress);
    }
}
