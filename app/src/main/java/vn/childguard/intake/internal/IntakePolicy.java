package vn.childguard.intake.internal;

import java.util.Set;
import org.springframework.stereotype.Component;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.AgencyKind;
import vn.childguard.organisation.AgencyRef;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.organisation.Role;

/**
 * Who may do what with reports and tips. A report is read by the intake and case roles of the agency
 * that received it, the committee it was routed to and the competent agency named on it; nobody
 * else. Tips are handled by intake operators of the hotline (all tips) and of the committee whose
 * area holds the commune the tip names.
 */
@Component
class IntakePolicy {

    static final Set<Role> READERS = Set.of(Role.INTAKE_OPERATOR, Role.CASE_WORKER, Role.CASE_SUPERVISOR);

    private final AgencyCatalogue agencies;
    private final OrganisationDirectory directory;

    IntakePolicy(AgencyCatalogue agencies, OrganisationDirectory directory) {
        this.agencies = agencies;
        this.directory = directory;
    }

    boolean mayRecord(CurrentUser user) {
        return user != null && user.has(Role.INTAKE_OPERATOR);
    }

    boolean mayList(CurrentUser user) {
        return user != null && READERS.stream().anyMatch(user::has);
    }

    boolean mayRead(CurrentUser user, IntakeRecord report) {
        return mayList(user) && involves(user.agencyCode(), report);
    }

    static boolean involves(String agencyCode, IntakeRecord report) {
        return agencyCode != null && (agencyCode.equals(report.receivingAgencyCode())
                || agencyCode.equals(report.routedAgencyCode()) || agencyCode.equals(report.competentAgencyCode()));
    }

    /** The routed committee's case roles open cases from a report. */
    boolean mayOpenCase(CurrentUser user, IntakeRecord report) {
        return user != null && (user.has(Role.CASE_WORKER) || user.has(Role.CASE_SUPERVISOR))
                && (user.agencyCode().equals(report.routedAgencyCode())
                || user.agencyCode().equals(report.competentAgencyCode()));
    }

    boolean mayHandleTips(CurrentUser user) {
        return user != null && user.has(Role.INTAKE_OPERATOR);
    }

    boolean mayHandleTip(CurrentUser user, String unitCode) {
        AgencyRef agency = agencies.byCode(user.agencyCode()).orElse(null);
        if (agency == null) {
            return false;
        }
        return agency.kind() == AgencyKind.HOTLINE
                || agency.kind() == AgencyKind.PEOPLES_COMMITTEE && directory.covers(agency.areaCode(), unitCode);
    }
}
