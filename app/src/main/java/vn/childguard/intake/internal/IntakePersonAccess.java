package vn.childguard.intake.internal;

import org.springframework.stereotype.Component;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.people.PersonAccess;

/**
 * Lets the intake and case roles of the agencies a report involves (receiving, routed to,
 * competent) see the identity of the people it names.
 */
@Component
class IntakePersonAccess implements PersonAccess {

    private final IntakeService intake;

    IntakePersonAccess(IntakeService intake) {
        this.intake = intake;
    }

    @Override
    public boolean mayRead(CurrentUser user, long personId) {
        return user != null && intake.namesPersonFor(user, personId);
    }
}
