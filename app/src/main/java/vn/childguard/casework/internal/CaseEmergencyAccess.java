package vn.childguard.casework.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.audit.EmergencyAccess;
import vn.childguard.organisation.CurrentUser;

/**
 * Break-the-glass on child-protection cases: a user whose role allows it and who cannot read a case
 * opens a time-limited grant with a reason ({@link EmergencyAccess}); {@link CasePolicy} then lets them
 * read it. The case's owners — its team and the owning agency's case workers and supervisors covering
 * its commune — see the grants in their "action needed" inbox.
 */
@Service
public class CaseEmergencyAccess {

    private final CaseRepository cases;
    private final CaseTeamRepository team;
    private final CasePolicy policy;
    private final EmergencyAccess emergency;
    private final AuditLog audit;

    CaseEmergencyAccess(CaseRepository cases, CaseTeamRepository team, CasePolicy policy, EmergencyAccess emergency,
                        AuditLog audit) {
        this.cases = cases;
        this.team = team;
        this.policy = policy;
        this.emergency = emergency;
        this.audit = audit;
    }

    /** Whether the user may ask for emergency access (the form is shown instead of a bare refusal). */
    public boolean mayBreakGlass(CurrentUser user) {
        return policy.mayBreakGlass(user);
    }

    /** How long a grant runs, in whole hours (at least one), for the form's warning. */
    public long hours() {
        return Math.max(1, emergency.duration().toHours());
    }

    /**
     * Opens a grant on the case for the user. A missing case or a role that does not allow it is refused
     * (403, audited) the same way, so case ids cannot be probed.
     *
     * @throws EmergencyAccess.InvalidReason without a reason (field {@code reason})
     */
    @Transactional
    public EmergencyAccess.Grant breakGlass(CurrentUser user, long caseId, String reason) {
        Optional<CpCase> found = cases.findById(caseId);
        if (found.isEmpty() || !policy.mayBreakGlass(user)) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.BREAK_GLASS, CaseworkService.ENTITY, caseId,
                    AuditEntry.Outcome.DENIED));
            throw new AccessDeniedException("emergency access refused");
        }
        CpCase c = found.get();
        return emergency.open(user.username(), user.agencyCode(), user.roles().stream().map(Enum::name).toList(),
                CaseworkService.ENTITY, String.valueOf(c.getId()), c.getReference(), reason);
    }

    /** Grants on the cases the user owns, opened by someone else in the notification window, newest first. */
    @Transactional(readOnly = true)
    public List<EmergencyAccess.Grant> onMyCases(CurrentUser user) {
        return emergency.recent(CaseworkService.ENTITY).stream()
                .filter(g -> !g.username().equals(user.username()))
                .filter(g -> cases.findById(Long.parseLong(g.entityId()))
                        .filter(c -> policy.isOwnerStaff(user, c)
                                || team.existsByCaseIdAndUsernameAndRemovedAtIsNull(c.getId(), user.username()))
                        .isPresent())
                .toList();
    }
}
