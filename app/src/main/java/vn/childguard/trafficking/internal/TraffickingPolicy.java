package vn.childguard.trafficking.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.childguard.audit.EmergencyAccess;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.organisation.Role;
import vn.childguard.trafficking.ProceedingLinks;

/**
 * Who may read or change a trafficking case — the one place trafficking decides it:
 * <ul>
 * <li>{@link Level#FULL}: a CASE_WORKER or CASE_SUPERVISOR of the lead agency (health department) or of
 * the partner agency (provincial police), each taken as the agency responsible today for the code
 * recorded on the case (so a case of the labour department under the 2011 law is read by its
 * successor), whose jurisdiction covers the case's commune;</li>
 * <li>{@link Level#REPATRIATION}: a CASE_WORKER or CASE_SUPERVISOR of the foreign-affairs department:
 * the repatriation record and the minimum of the case (reference, status, person, country) — never
 * the social-work notes, the HTCDS data or the support;</li>
 * <li>{@link Level#REFERRAL}: a CASE_WORKER or CASE_SUPERVISOR of an agency the case was referred to
 * (not revoked), or a user whom a {@link ProceedingLinks} implementation lets through: reads the case
 * and its data, never the notes, changes nothing;</li>
 * <li>{@link Level#EMERGENCY}: a user holding a running break-the-glass grant on the case
 * ({@link EmergencyAccess}; roles and time limit are settings): reads like a referral, changes nothing,
 * each read is logged with the grant's reason;</li>
 * <li>nobody else (the service audits the refusal and answers 403).</li>
 * </ul>
 */
@Component
public class TraffickingPolicy {

    /** What a user may do with one case. */
    public enum Level {
        NONE, REPATRIATION, REFERRAL, EMERGENCY, FULL;

        public boolean canRead() {
            return this != NONE;
        }

        public boolean canChange() {
            return this == FULL;
        }

        public boolean seesNotes() {
            return this == FULL;
        }

        public boolean seesCaseData() {
            return this == FULL || this == REFERRAL || this == EMERGENCY;
        }

        public boolean seesSupport() {
            return this == FULL || this == REFERRAL || this == EMERGENCY;
        }

        public boolean recordsRepatriation() {
            return this == FULL || this == REPATRIATION;
        }
    }

    private final TraffickingStore store;
    private final TraffickingSettings settings;
    private final AgencyCatalogue agencies;
    private final OrganisationDirectory directory;
    private final ObjectProvider<ProceedingLinks> proceedings;
    private final Clock clock;
    private final EmergencyAccess emergency;

    TraffickingPolicy(TraffickingStore store, TraffickingSettings settings, AgencyCatalogue agencies,
                      OrganisationDirectory directory, ObjectProvider<ProceedingLinks> proceedings, Clock clock,
                      EmergencyAccess emergency) {
        this.emergency = emergency;
        this.store = store;
        this.settings = settings;
        this.agencies = agencies;
        this.directory = directory;
        this.proceedings = proceedings;
        this.clock = clock;
    }

    Level level(CurrentUser user, TraffickingStore.CaseRow c) {
        Level regular = regularLevel(user, c);
        if (regular != Level.NONE || !mayBreakGlass(user)) {
            return regular;
        }
        return emergencyGrant(user, c).isPresent() ? Level.EMERGENCY : Level.NONE;
    }

    /** Whether the user's role allows break-the-glass at all. */
    boolean mayBreakGlass(CurrentUser user) {
        return emergency.allows(user.roles().stream().map(Enum::name).toList());
    }

    /** The user's running break-the-glass grant on the case, if any. */
    Optional<EmergencyAccess.Grant> emergencyGrant(CurrentUser user, TraffickingStore.CaseRow c) {
        return emergency.active(user.username(), TraffickingService.ENTITY, String.valueOf(c.id()));
    }

    private Level regularLevel(CurrentUser user, TraffickingStore.CaseRow c) {
        if (!isCaseStaff(user)) {
            return Level.NONE;
        }
        if (isLeadOrPartner(user, c)) {
            return Level.FULL;
        }
        if (responsible(settings.foreignAffairsAgency()).equals(user.agencyCode())) {
            return Level.REPATRIATION;
        }
        if (store.hasOpenReferral(c.id(), user.agencyCode())
                || proceedings.orderedStream().anyMatch(p -> p.grantsAccess(user, c.id()))) {
            return Level.REFERRAL;
        }
        return Level.NONE;
    }

    /** Lead or partner staff (as responsible today) whose jurisdiction covers the case's commune. */
    boolean isLeadOrPartner(CurrentUser user, TraffickingStore.CaseRow c) {
        return isCaseStaff(user)
                && (responsible(c.leadAgencyCode()).equals(user.agencyCode())
                || responsible(c.partnerAgencyCode()).equals(user.agencyCode()))
                && directory.covers(user.jurisdictionCode(), c.unitCode());
    }

    /** The agencies whose cases the user works on as lead or partner staff (their duties are the user's agency's). */
    Set<String> agenciesActedForBy(CurrentUser user) {
        return isCaseStaff(user) ? agencies.dutiesCarriedBy(user.agencyCode(), LocalDate.now(clock)) : Set.of();
    }

    /** Case workers of the lead, partner or foreign-affairs agency open cases (in their jurisdiction). */
    boolean canOpen(CurrentUser user, String unitCode) {
        if (!isCaseStaff(user) || !directory.covers(user.jurisdictionCode(), unitCode)) {
            return false;
        }
        String agency = user.agencyCode();
        return agency.equals(responsible(settings.leadAgency())) || agency.equals(responsible(settings.partnerAgency()))
                || agency.equals(responsible(settings.foreignAffairsAgency()));
    }

    /** Administrators edit the amounts of the support. */
    boolean canEditAmounts(CurrentUser user) {
        return user.has(Role.SYSTEM_ADMIN);
    }

    /** The code of the agency carrying the duties of {@code code} today. */
    String responsible(String code) {
        LocalDate today = LocalDate.now(clock);
        try {
            return agencies.responsibleOn(code, today).code();
        } catch (RuntimeException e) {
            return code;
        }
    }

    private static boolean isCaseStaff(CurrentUser user) {
        return user.has(Role.CASE_WORKER) || user.has(Role.CASE_SUPERVISOR);
    }
}
