package vn.childguard.organisation.internal;

import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.CurrentUser;



/** Reading one agency and its staff, checked against the policy and written to the audit log. */
@Service
public class AgencyDirectory {

    /** An agency with the people who work for it. */
    public record AgencyView(Agency agency, Agency parent, Agency successor, List<UserAccount> staff) {
    }

    private final AgencyRepository agencies;
    private final UserAccountRepository users;
    private final OrganisationPolicy policy;
    private final AuditLog audit;

    AgencyDirectory(AgencyRepository agencies, UserAccountRepository users, OrganisationPolicy policy, AuditLog audit) {
        this.agencies = agencies;
        this.users = users;
        this.policy = policy;
        this.audit = audit;
    }

    /** Empty for an unknown id; throws {@link AccessDeniedException} (after auditing) when not allowed. */
    @Transactional(readOnly = true)
    public java.util.Optional<AgencyView> view(CurrentUser user, long id) {
        var found = agencies.findById(id);
        if (found.isEmpty()) {
            return java.util.Optional.empty();
        }
        Agency agency = found.get();
        if (!policy.canRead(user, agency)) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.READ, "agency", id, AuditEntry.Outcome.DENIED));
            throw new AccessDeniedException("agency outside the user's jurisdiction");
        }
        audit.record(AuditEntry.of(AuditLog.Actions.READ, "agency", id, AuditEntry.Outcome.SUCCESS));
        Agency parent = agency.getParentId() == null ? null : agencies.findById(agency.getParentId()).orElse(null);
        Agency successor = agency.getSuccessorId() == null ? null
                : agencies.findById(agency.getSuccessorId()).orElse(null);
        return java.util.Optional.of(new AgencyView(agency, parent, successor,
                users.findByAgencyIdOrderByUsername(agency.getId())));
    }
}
