package vn.childguard.screening.internal;

import org.springframework.stereotype.Component;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;

/** Who may do what in screening: screening and intelligence officers work the queue; administrators edit the rules. */
@Component
public class ScreeningPolicy {

    public boolean canScreen(CurrentUser user) {
        return user.has(Role.SCREENING_OFFICER) || user.has(Role.INTELLIGENCE_OFFICER);
    }

    /** Casework's roles that open cases (casework checks the commune itself). */
    public boolean canOpenCases(CurrentUser user) {
        return user.has(Role.CASE_WORKER) || user.has(Role.CASE_SUPERVISOR);
    }

    public boolean canEditRules(CurrentUser user) {
        return user.has(Role.SYSTEM_ADMIN);
    }
}
