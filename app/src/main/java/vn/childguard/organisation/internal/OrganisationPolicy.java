package vn.childguard.organisation.internal;

import org.springframework.stereotype.Component;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;

/**
 * Who may see and change organisation data. Administrators and auditors see everything; anyone
 * else sees the agencies inside their jurisdiction (a commune's staff see their commune, the
 * province's staff the province). Only administrators change anything.
 */
@Component
public class OrganisationPolicy {

    private final JurisdictionTree jurisdictions;

    OrganisationPolicy(JurisdictionTree jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    public boolean canRead(CurrentUser user, Agency agency) {
        return user.has(Role.SYSTEM_ADMIN) || user.has(Role.AUDITOR)
                || jurisdictions.covers(user.jurisdictionCode(), agency.getAreaCode());
    }

    public boolean canAdminister(CurrentUser user) {
        return user.has(Role.SYSTEM_ADMIN);
    }
}
