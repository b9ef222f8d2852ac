package vn.childguard.trafficking.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.audit.EmergencyAccess;
import vn.childguard.casework.ActionNeededSource;
import vn.childguard.casework.DeadlineStatus;
import vn.childguard.organisation.CurrentUser;

/**
 * Break-the-glass on trafficking cases: a user whose role allows it and who cannot read a case opens a
 * time-limited grant with a reason ({@link EmergencyAccess}); {@link TraffickingPolicy} then lets them
 * read it (level EMERGENCY). The lead and partner staff of the case see the grants in their inbox.
 */
@Service
public class TraffickingEmergencyAccess {

    private final TraffickingStore store;
    private final TraffickingPolicy policy;
    private final EmergencyAccess emergency;
    private final AuditLog audit;

    TraffickingEmergencyAccess(TraffickingStore store, TraffickingPolicy policy, EmergencyAccess emergency,
                               AuditLog audit) {
        this.store = store;
        this.policy = policy;
        this.emergency = emergency;
        this.audit = audit;
    }

    public boolean mayBreakGlass(CurrentUser user) {
        return policy.mayBreakGlass(user);
    }

    /** How long a grant runs, in whole hours (at least one), for the form's warning. */
    public long hours() {
        return Math.max(1, emergency.duration().toHours());
    }

    /**
     * Opens a grant on the case for the user; a missing case or a role that does not allow it is refused
     * (403, audited) alike, so case ids cannot be probed.
     *
     * @throws EmergencyAccess.InvalidReason without a reason (field {@code reason})
     */
    @Transactional
    public EmergencyAccess.Grant breakGlass(CurrentUser user, long caseId, String reason) {
        Optional<TraffickingStore.CaseRow> found = store.findCase(caseId);
        if (found.isEmpty() || !policy.mayBreakGlass(user)) {
            audit.recordIndependently(AuditEntry.of(AuditLog.Actions.BREAK_GLASS, TraffickingService.ENTITY, caseId,
                    AuditEntry.Outcome.DENIED));
            throw new AccessDeniedException("emergency access refused");
        }
        TraffickingStore.CaseRow c = found.get();
        return emergency.open(user.username(), user.agencyCode(), user.roles().stream().map(Enum::name).toList(),
                TraffickingService.ENTITY, String.valueOf(c.id()), c.reference(), reason);
    }

    /** The user's running grant on the case (for the page's banner). */
    @Transactional(readOnly = true)
    public Optional<EmergencyAccess.Grant> myGrant(CurrentUser user, long caseId) {
        return store.findCase(caseId).flatMap(c -> policy.emergencyGrant(user, c));
    }

    /** Grants by others on cases the user leads or partners, as inbox items. */
    @Transactional(readOnly = true)
    List<ActionNeededSource.Item> inboxItems(CurrentUser user) {
        return emergency.recent(TraffickingService.ENTITY).stream()
                .filter(g -> !g.username().equals(user.username()))
                .filter(g -> store.findCase(Long.parseLong(g.entityId())).filter(c -> policy.isLeadOrPartner(user, c))
                        .isPresent())
                .map(g -> new ActionNeededSource.Item(g.reference(), "trafficking.inbox.emergencyAccess",
                        g.username() + " (" + g.agencyCode() + "): " + g.reason(), "/trafficking-cases/" + g.entityId(),
                        g.openedAt(), DeadlineStatus.OPEN))
                .toList();
    }
}
