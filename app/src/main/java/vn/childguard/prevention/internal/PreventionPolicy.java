package vn.childguard.prevention.internal;

import org.springframework.stereotype.Component;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.AgencyKind;
import vn.childguard.organisation.AgencyRef;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.organisation.Role;

/**
 * Who may do what in prevention. Campaigns are public work: prevention officers, leadership and
 * auditors read them, the owner agency's officers record them. Students in special circumstances are
 * seen by name only by their school and by the child-protection officer (CASE_WORKER) of the commune
 * committee whose area holds the school; the education department sees counts only.
 */
@Component
public class PreventionPolicy {

    private final AgencyCatalogue agencies;
    private final OrganisationDirectory directory;

    PreventionPolicy(AgencyCatalogue agencies, OrganisationDirectory directory) {
        this.agencies = agencies;
        this.directory = directory;
    }

    public boolean canReadCampaigns(CurrentUser user) {
        return user.has(Role.PREVENTION_OFFICER) || user.has(Role.LEADERSHIP_VIEWER) || user.has(Role.AUDITOR);
    }

    public boolean canCreateCampaign(CurrentUser user) {
        return user.has(Role.PREVENTION_OFFICER);
    }

    public boolean canRecordActivity(CurrentUser user, String ownerAgency) {
        return user.has(Role.PREVENTION_OFFICER) && user.agencyCode().equals(ownerAgency);
    }

    /** Education sessions: the education department's officers and school staff. */
    public boolean canRecordSessions(CurrentUser user) {
        return user.has(Role.SCHOOL_STAFF) || (user.has(Role.PREVENTION_OFFICER) && kindOf(user) == AgencyKind.EDUCATION);
    }

    public boolean isSchool(CurrentUser user) {
        return user.has(Role.SCHOOL_STAFF) && kindOf(user) == AgencyKind.SCHOOL;
    }

    /** A child-protection officer of a commune (or ward) committee. */
    public boolean isCommuneOfficer(CurrentUser user) {
        return user.has(Role.CASE_WORKER) && kindOf(user) == AgencyKind.PEOPLES_COMMITTEE
                && user.jurisdictionCode() != null && user.jurisdictionCode().length() == 5;
    }

    public boolean canListStudents(CurrentUser user) {
        return isSchool(user) || isCommuneOfficer(user);
    }

    public boolean canReadStudent(CurrentUser user, String schoolCode, String schoolUnit) {
        if (isSchool(user)) {
            return user.agencyCode().equals(schoolCode);
        }
        return isCommuneOfficer(user) && directory.covers(user.jurisdictionCode(), schoolUnit);
    }

    public boolean canFollowUp(CurrentUser user, String schoolCode, String schoolUnit) {
        return canReadStudent(user, schoolCode, schoolUnit);
    }

    /** Counts per school and category, never names. */
    public boolean canSeeAggregates(CurrentUser user) {
        return (user.has(Role.PREVENTION_OFFICER) && kindOf(user) == AgencyKind.EDUCATION)
                || user.has(Role.LEADERSHIP_VIEWER);
    }

    public boolean canReview(CurrentUser user, String schoolCode) {
        return (isSchool(user) && user.agencyCode().equals(schoolCode))
                || (user.has(Role.PREVENTION_OFFICER) && kindOf(user) == AgencyKind.EDUCATION);
    }

    public AgencyKind kindOf(CurrentUser user) {
        return agencies.byCode(user.agencyCode()).map(AgencyRef::kind).orElse(null);
    }
}
