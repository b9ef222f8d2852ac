package vn.childguard.intake.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code childguard.intake.*}: how many public tips (and status look-ups) one client address may send
 * in a window. The limiter is in memory, so the limits hold per node.
 */
@ConfigurationProperties("childguard.intake")
public record IntakeSettings(@DefaultValue("5") int tipSubmissions, @DefaultValue("30") int tipLookups,
                             @DefaultValue("10m") Duration tipWindow) {
}
