package vn.childguard.intelligence.internal;

import org.springframework.stereotype.Component;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.people.PersonAccess;

/** An intelligence officer who sees a person entity may read that person in the register of people. */
@Component
class IntelligencePersonAccess implements PersonAccess {

    private final IntelligenceStore store;
    private final IntelligencePolicy policy;

    IntelligencePersonAccess(IntelligenceStore store, IntelligencePolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    @Override
    public boolean mayRead(CurrentUser user, long personId) {
        return policy.isOfficer(user)
                && store.findPersonEntity(personId).map(e -> policy.canSee(user, e)).orElse(false);
    }
}
