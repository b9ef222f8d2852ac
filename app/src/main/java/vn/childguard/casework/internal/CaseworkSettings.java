package vn.childguard.casework.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.childguard.organisation.Role;

/**
 * Casework figures that are data, not law written in code (DOMAIN.md marks some unconfirmed):
 * deadline lengths, the approver role and how often overdue deadlines are escalated.
 */
@ConfigurationProperties("childguard.casework")
public record CaseworkSettings(@DefaultValue("12") int emergencyHours, @DefaultValue("5") int planWorkingDays,
                               @DefaultValue("2") int approvalWorkingDays, @DefaultValue("15") int separationDays,
                               @DefaultValue("2") int referralResponseWorkingDays,
                               @DefaultValue("CASE_SUPERVISOR") Role approverRole,
                               @DefaultValue("0 */15 * * * *") String escalationCron) {
}
