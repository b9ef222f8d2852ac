package vn.childguard.casework.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.childguard.audit.EmergencyAccess;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.organisation.Role;
import vn.childguard.people.PersonRegister;

/**
 * Who may read or change a case — the one place casework decides it:
 * <ul>
 * <li>the case team (active members);</li>
 * <li>a CASE_WORKER or CASE_SUPERVISOR of the owning agency whose jurisdiction covers the case's unit;</li>
 * <li>a receiver of a SENT or ACCEPTED referral (SCHOOL_STAFF or CASE_WORKER of the receiving
 * agency) reads, and only the sections the referral shares, and only when the consents
 * {@link ConsentRule} asks for (the legal representative's, and from age 7 the child's) are recorded
 * for that recipient and not withdrawn, or the referral records the legal basis for sharing
 * without consent;</li>
 * <li>a user holding a running break-the-glass grant on the case ({@link EmergencyAccess}, roles and time
 * limit are settings) reads every section, changes nothing; each read is logged with the grant's reason;</li>
 * <li>nobody else (the services audit the refusal and answer 403).</li>
 * </ul>
 */
@Component
public class CasePolicy {

    /** What a user may do with one case. */
    public record Access(boolean full, Set<CaseSection> sections, List<Long> referralIds, EmergencyAccess.Grant emergency) {

        static final Access NONE = new Access(false, Set.of(), List.of(), null);

        public boolean canRead() {
            return full || emergency != null || !referralIds.isEmpty();
        }

        public boolean canChange() {
            return full;
        }

        public boolean sees(CaseSection section) {
            return full || sections.contains(section);
        }

        /** A receiver: reads through a referral only. */
        public boolean isReceiver() {
            return !full && !referralIds.isEmpty();
        }
    }

    private final CaseTeamRepository team;
    private final ReferralRepository referrals;
    private final ConsentRepository consents;
    private final OrganisationDirectory directory;
    private final ObjectProvider<PersonRegister> people;
    private final Clock clock;
    private final EmergencyAccess emergency;

    CasePolicy(CaseTeamRepository team, ReferralRepository referrals, ConsentRepository consents,
               OrganisationDirectory directory, ObjectProvider<PersonRegister> people, Clock clock,
               EmergencyAccess emergency) {
        this.emergency = emergency;
        this.team = team;
        this.referrals = referrals;
        this.consents = consents;
        this.directory = directory;
        this.people = people;
        this.clock = clock;
    }

    /** The child's age on the day (no identity read), null when unknown. */
    Integer childAgeOn(CpCase c, LocalDate day) {
        PersonRegister register = people.getIfAvailable();
        return register == null ? null : register.ageOn(c.getChildPersonId(), day).orElse(null);
    }

    public Access access(CurrentUser user, CpCase c) {
        Access regular = regularAccess(user, c);
        if (regular.canRead() || !mayBreakGlass(user)) {
            return regular;
        }
        return emergency.active(user.username(), CaseworkService.ENTITY, String.valueOf(c.getId()))
                .map(g -> new Access(false, EnumSet.allOf(CaseSection.class), List.of(), g))
                .orElse(Access.NONE);
    }

    /** Whether the user's role allows break-the-glass at all. */
    public boolean mayBreakGlass(CurrentUser user) {
        return emergency.allows(user.roles().stream().map(Enum::name).toList());
    }

    private Access regularAccess(CurrentUser user, CpCase c) {
        if (isOwnerStaff(user, c) || team.existsByCaseIdAndUsernameAndRemovedAtIsNull(c.getId(), user.username())) {
            return new Access(true, EnumSet.allOf(CaseSection.class), List.of(), null);
        }
        if (!user.has(Role.SCHOOL_STAFF) && !user.has(Role.CASE_WORKER)) {
            return Access.NONE;
        }
        Set<CaseSection> sections = EnumSet.noneOf(CaseSection.class);
        List<Long> ids = new ArrayList<>();
        List<Consent> given = null;
        Integer age = null;
        for (Referral r : referrals.findByCaseIdOrderBySentAt(c.getId())) {
            if (!r.isOpen() || !r.getToAgencyCode().equals(user.agencyCode())) {
                continue;
            }
            boolean lawful = r.getLegalBasis() != null && !r.getLegalBasis().isBlank();
            if (!lawful) {
                if (given == null) {
                    given = consents.findByCaseIdOrderByRecordedAt(c.getId());
                    age = childAgeOn(c, LocalDate.now(clock.withZone(CaseworkService.VIETNAM)));
                }
                lawful = ConsentRule.allowsSharing(given, r.getToAgencyCode(), age);
            }
            if (lawful) {
                ids.add(r.getId());
                sections.addAll(r.sections());
            }
        }
        return ids.isEmpty() ? Access.NONE : new Access(false, sections, List.copyOf(ids), null);
    }

    /** A case worker or supervisor of the owning agency whose jurisdiction covers the case's unit. */
    public boolean isOwnerStaff(CurrentUser user, CpCase c) {
        return isOwnerStaff(user, c.getOwningAgencyCode(), c.getUnitCode());
    }

    /** Whether the user works as owner staff on the agency's cases in the unit. */
    public boolean isOwnerStaff(CurrentUser user, String owningAgencyCode, String unitCode) {
        return (user.has(Role.CASE_WORKER) || user.has(Role.CASE_SUPERVISOR))
                && user.agencyCode().equals(owningAgencyCode)
                && directory.covers(user.jurisdictionCode(), unitCode);
    }

    /** Whether the user may open a case for their agency in the unit. */
    public boolean canOpen(CurrentUser user, String unitCode) {
        return (user.has(Role.CASE_WORKER) || user.has(Role.CASE_SUPERVISOR))
                && directory.covers(user.jurisdictionCode(), unitCode);
    }

    /** Whether the user answers referrals sent to their agency. */
    public boolean isReceiverOf(CurrentUser user, Referral referral) {
        return (user.has(Role.SCHOOL_STAFF) || user.has(Role.CASE_WORKER))
                && referral.getToAgencyCode().equals(user.agencyCode());
    }
}
