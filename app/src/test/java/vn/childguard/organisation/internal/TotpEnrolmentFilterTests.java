package vn.childguard.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;

class TotpEnrolmentFilterTests {

    static final SecuritySettings PRODUCTION = new SecuritySettings(true, 5, Duration.ofMinutes(15),
            Duration.ofHours(1), 12, 20, Duration.ofMinutes(15));
    static final SecuritySettings DEMO = new SecuritySettings(false, 5, Duration.ofMinutes(15), Duration.ofHours(1), 12, 20,
            Duration.ofMinutes(15));

    static AccountDetails account(Role role, String totpSecret) {
        var user = new CurrentUser(1, "u", "U", 1, "SYT", "", "", "80", Set.of(role));
        return new AccountDetails(user, "hash", true, false, totpSecret);
    }

    @Test
    void productionMakesRolesThatSeePersonalDataEnrolFirst() {
        assertThat(TotpEnrolmentFilter.mustEnrol(PRODUCTION, account(Role.CASE_WORKER, null))).isTrue();
        assertThat(TotpEnrolmentFilter.mustEnrol(PRODUCTION, account(Role.CASE_WORKER, "v1:secret"))).isFalse();
        assertThat(TotpEnrolmentFilter.mustEnrol(PRODUCTION, account(Role.LEADERSHIP_VIEWER, null))).isFalse();
    }

    @Test
    void theDemoRelaxesIt() {
        assertThat(TotpEnrolmentFilter.mustEnrol(DEMO, account(Role.CASE_WORKER, null))).isFalse();
    }
}
