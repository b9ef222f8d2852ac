package vn.childguard.organisation.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code childguard.organisation.*}: where the reference data comes from. */
@ConfigurationProperties("childguard.organisation")
record OrganisationSettings(String provinceCode, String adminUnitsFile) {
}

/** {@code childguard.security.*}: login and token rules. */
@ConfigurationProperties("childguard.security")
record SecuritySettings(boolean totpRequired, int maxFailedLogins, Duration lockout, Duration tokenLifetime,
                        int passwordMinLength, int maxFailedLoginsPerAddress, Duration addressWindow) {
}
