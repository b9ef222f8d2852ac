package vn.childguard.people.internal;

import org.springframework.stereotype.Component;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;

/**
 * Who may do what in the register. Intake operators and case workers search and register; a person's
 * identity is readable by the registering agency's intake operators, case workers and supervisors,
 * and by anyone a module with a stake in the person lets through ({@link vn.childguard.people.PersonAccess},
 * checked by the service); supervisors resolve duplicates among people they may read.
 */
@Component
public class PeoplePolicy {

    public boolean canRegister(CurrentUser user) {
        return user.has(Role.INTAKE_OPERATOR) || user.has(Role.CASE_WORKER);
    }

    public boolean canSearch(CurrentUser user) {
        return canRegister(user);
    }

    /** The agency rule of reading: the user's agency registered the person and the user works on cases or intake. */
    public boolean readsAsRegisteringAgency(CurrentUser user, Person person) {
        return user.agencyCode().equals(person.getRegisteringAgency())
                && (user.has(Role.INTAKE_OPERATOR) || user.has(Role.CASE_WORKER) || user.has(Role.CASE_SUPERVISOR));
    }

    /** Relationships and photo are changed by those who work on cases or intake (and may read the person). */
    public boolean canChange(CurrentUser user) {
        return user.has(Role.INTAKE_OPERATOR) || user.has(Role.CASE_WORKER) || user.has(Role.CASE_SUPERVISOR);
    }

    public boolean canDeduplicate(CurrentUser user) {
        return user.has(Role.CASE_SUPERVISOR);
    }
}
