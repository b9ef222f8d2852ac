package vn.childguard.organisation;

import java.io.Serializable;
import java.util.Set;
import vn.childguard.shared.AccountablePrincipal;

/**
 * The signed-in user as every module sees it: who, for which agency, over which area, with which
 * roles. It is the principal of the security context, for both the UI and the API; serializable
 * because the session (and so the security context) is stored in the database for every node.
 */
public record CurrentUser(
        long id,
        String username,
        String fullName,
        long agencyId,
        String agencyCode,
        String agencyNameVi,
        String agencyNameEn,
        String jurisdictionCode,
        Set<Role> roles) implements AccountablePrincipal, Serializable {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public String agencyName(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? agencyNameEn : agencyNameVi;
    }
}
