package vn.childguard.planning.internal;

import org.springframework.stereotype.Component;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;

/**
 * Who may do what with plans and progress reports: reporters write their own agency's reports,
 * coordinators review, return, accept and urge, leadership and auditors read everything.
 */
@Component
public class PlanningPolicy {

    public boolean canImport(CurrentUser user) {
        return user.has(Role.PLAN_COORDINATOR) || user.has(Role.SYSTEM_ADMIN);
    }

    public boolean canReadAll(CurrentUser user) {
        return user.has(Role.PLAN_COORDINATOR) || user.has(Role.LEADERSHIP_VIEWER) || user.has(Role.AUDITOR);
    }

    public boolean canRead(CurrentUser user, ProgressReport report) {
        return canReadAll(user) || user.agencyCode().equals(report.getAgencyCode());
    }

    public boolean canWrite(CurrentUser user, String agencyCode) {
        return user.has(Role.PLAN_REPORTER) && user.agencyCode().equals(agencyCode);
    }

    public boolean canReview(CurrentUser user) {
        return user.has(Role.PLAN_COORDINATOR);
    }
}
