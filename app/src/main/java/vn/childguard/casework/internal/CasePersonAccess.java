package vn.childguard.casework.internal;

import org.springframework.stereotype.Component;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.people.PersonAccess;

/** Those who may read a case may read its child in the register of people. */
@Component
class CasePersonAccess implements PersonAccess {

    private final CaseworkService cases;

    CasePersonAccess(CaseworkService cases) {
        this.cases = cases;
    }

    @Override
    public boolean mayRead(CurrentUser user, long personId) {
        return cases.mayReadChild(user, personId);
    }
}
