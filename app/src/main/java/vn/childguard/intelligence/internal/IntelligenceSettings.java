package vn.childguard.intelligence.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The compartment's configuration: the anti-trafficking unit that sees every entity, how many days
 * before expiry a watchlist owner is reminded, and the caps that keep graph queries bounded.
 */
@ConfigurationProperties("childguard.intelligence")
public record IntelligenceSettings(@DefaultValue("CA-PC02") String leadUnit,
                                   @DefaultValue("14") int reminderDaysBefore,
                                   @DefaultValue("300") int maxNodes,
                                   @DefaultValue("6") int maxPathLength,
                                   @DefaultValue("50000") int maxPathVisited) {
}
