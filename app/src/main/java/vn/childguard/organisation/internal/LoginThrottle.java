package vn.childguard.organisation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childguard.shared.PersonalData;

/**
 * Failed sign-ins per client address, on the form and the token API alike: past the limit in the
 * window, the address may not try again (not even with a right password) until old failures age
 * out. Against credential stuffing, and it bounds how many accounts one address can lock out.
 * Counted in the database ({@code login_failure}), so the limit holds for the whole cluster and an
 * attacker gains nothing from the load balancer spreading his attempts over the nodes; behind a proxy
 * set {@code server.forward-headers-strategy} so the address is the client's.
 */
@PersonalData(table = "login_failure", sensitive = false,
        category = "client address and time of failed sign-ins",
        purpose = "limiting credential stuffing across the nodes",
        legalBasis = "Law 91/2025 (security of processing)",
        retention = "the address window (15 minutes); older rows are deleted on the next failure",
        visibleTo = {})
@Component
class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final int limit;
    private final Duration window;
    private final Clock clock;

    LoginThrottle(JdbcTemplate jdbc, SecuritySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.limit = settings.maxFailedLoginsPerAddress();
        this.window = settings.addressWindow();
        this.clock = clock;
    }

    /** Whether one more failure from the address would be within the limit (checked before the attempt). */
    boolean allows(String clientAddress) {
        Integer failures = jdbc.queryForObject(
                "select count(*) from login_failure where client_address = ? and failed_at > ?", Integer.class,
                key(clientAddress), utc(clock.instant().minus(window)));
        return failures == null || failures < limit;
    }

    /** Counts a failure; failures older than the window are dropped on the way, so the table stays small. */
    void failed(String clientAddress) {
        Instant now = clock.instant();
        jdbc.update("delete from login_failure where failed_at <= ?", utc(now.minus(window)));
        jdbc.update("insert into login_failure (client_address, failed_at) values (?, ?)", key(clientAddress),
                utc(now));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String key(String clientAddress) {
        return clientAddress == null ? "?" : clientAddress;
    }
}
