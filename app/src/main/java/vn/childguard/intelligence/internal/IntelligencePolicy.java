package vn.childguard.intelligence.internal;

import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.AgencyKind;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;

/**
 * Who may see what in the intelligence compartment — the one place it is decided:
 * <ul>
 * <li>only an INTELLIGENCE_OFFICER of a police agency uses the module at all;</li>
 * <li>an officer of the anti-trafficking unit ({@link IntelligenceSettings#leadUnit()}) sees every entity;</li>
 * <li>an officer of another police unit sees the entities their unit created and those shared with it,
 * and links only between entities they see (need to know).</li>
 * </ul>
 * Screening officers hand in leads through {@code IntelligenceLeads} but read nothing here.
 */
@Component
public class IntelligencePolicy {

    private final IntelligenceSettings settings;
    private final AgencyCatalogue agencies;
    private final IntelligenceStore store;

    IntelligencePolicy(IntelligenceSettings settings, AgencyCatalogue agencies, IntelligenceStore store) {
        this.settings = settings;
        this.agencies = agencies;
        this.store = store;
    }

    /** A police intelligence officer: may use the module. */
    public boolean isOfficer(CurrentUser user) {
        return user != null && user.has(Role.INTELLIGENCE_OFFICER)
                && agencies.byCode(user.agencyCode()).map(a -> a.kind() == AgencyKind.POLICE).orElse(false);
    }

    /** An officer of the anti-trafficking unit: sees every entity. */
    public boolean seesAll(CurrentUser user) {
        return isOfficer(user) && settings.leadUnit().equals(user.agencyCode());
    }

    boolean canSee(CurrentUser user, IntelligenceStore.EntityRow entity) {
        if (!isOfficer(user)) {
            return false;
        }
        return seesAll(user) || entity.ownerAgency().equals(user.agencyCode())
                || store.isShared(entity.id(), user.agencyCode());
    }

    /** The subset of {@code ids} the user sees. */
    Set<Long> visible(CurrentUser user, Collection<Long> ids) {
        if (!isOfficer(user)) {
            return Set.of();
        }
        if (seesAll(user)) {
            return Set.copyOf(ids);
        }
        return store.visibleTo(user.agencyCode(), ids);
    }

    /** Who may hand in a lead from a screening alert. */
    boolean mayHandInLead(CurrentUser user) {
        return user != null && (isOfficer(user) || user.has(Role.SCREENING_OFFICER));
    }

    String leadUnit() {
        return settings.leadUnit();
    }
}
