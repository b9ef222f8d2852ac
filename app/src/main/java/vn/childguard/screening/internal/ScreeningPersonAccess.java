package vn.childguard.screening.internal;

import org.springframework.stereotype.Component;
import vn.childguard.casework.AtRiskChildren;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;
import vn.childguard.people.PersonAccess;

/**
 * Border screening must recognise children of open cases at the gate: screening and intelligence
 * officers may read their identity in the register (each read is audited by the register).
 */
@Component
class ScreeningPersonAccess implements PersonAccess {

    private final AtRiskChildren atRisk;

    ScreeningPersonAccess(AtRiskChildren atRisk) {
        this.atRisk = atRisk;
    }

    @Override
    public boolean mayRead(CurrentUser user, long personId) {
        return (user.has(Role.SCREENING_OFFICER) || user.has(Role.INTELLIGENCE_OFFICER)) && atRisk.isAtRisk(personId);
    }
}
