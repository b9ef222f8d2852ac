package vn.childguard.prevention.web;

import org.springframework.stereotype.Component;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.prevention.internal.PreventionPolicy;

/**
 * What the navigation offers of prevention, decided by the same policy as the pages: a role alone
 * does not say it (a communications officer and the education department's officer hold the same role).
 */
@Component("preventionNav")
public class PreventionNav {

    private final PreventionPolicy policy;

    PreventionNav(PreventionPolicy policy) {
        this.policy = policy;
    }

    public boolean education(CurrentUser user) {
        return user != null && policy.canRecordSessions(user);
    }

    public boolean aggregates(CurrentUser user) {
        return user != null && policy.canSeeAggregates(user);
    }
}
