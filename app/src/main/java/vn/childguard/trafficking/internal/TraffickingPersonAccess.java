package vn.childguard.trafficking.internal;

import org.springframework.stereotype.Component;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.people.PersonAccess;

/** Those who may read a trafficking case may read its person in the register of people. */
@Component
class TraffickingPersonAccess implements PersonAccess {

    private final TraffickingService service;

    TraffickingPersonAccess(TraffickingService service) {
        this.service = service;
    }

    @Override
    public boolean mayRead(CurrentUser user, long personId) {
        return service.mayReadPerson(user, personId);
    }
}
