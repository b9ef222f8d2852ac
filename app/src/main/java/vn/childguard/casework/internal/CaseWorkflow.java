package vn.childguard.casework.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import vn.childguard.casework.CaseStatus;
import vn.childguard.organisation.Role;

/**
 * The Decree 56 procedure as a state machine, without Spring or a database:
 * <pre>
 * REPORTED → INITIAL_ASSESSMENT (F02) → [EMERGENCY (F07)] → NEEDS_ASSESSMENT (F03) → PLAN_SUBMITTED (F04)
 *   → PLAN_APPROVED (F05 by the approver, never the submitter; or back to NEEDS_ASSESSMENT when returned)
 *   → IMPLEMENTATION → REVIEW (F06) → CLOSED, or a new cycle (F03 again); CLOSED → REOPENED → F03
 * </pre>
 * An emergency decision may be recorded whenever the child is found in danger while the case is
 * open (a new version of Form 07 each time). Closing needs no open referral.
 */
public final class CaseWorkflow {

    private static final Map<CaseAction, Set<CaseStatus>> FROM = Map.of(
            CaseAction.INITIAL_ASSESSMENT, EnumSet.of(CaseStatus.REPORTED, CaseStatus.INITIAL_ASSESSMENT),
            CaseAction.EMERGENCY_DECISION, EnumSet.of(CaseStatus.INITIAL_ASSESSMENT, CaseStatus.EMERGENCY,
                    CaseStatus.NEEDS_ASSESSMENT, CaseStatus.PLAN_SUBMITTED, CaseStatus.PLAN_APPROVED,
                    CaseStatus.IMPLEMENTATION, CaseStatus.REVIEW, CaseStatus.REOPENED),
            CaseAction.NEEDS_ASSESSMENT, EnumSet.of(CaseStatus.INITIAL_ASSESSMENT, CaseStatus.EMERGENCY,
                    CaseStatus.NEEDS_ASSESSMENT, CaseStatus.REVIEW, CaseStatus.REOPENED),
            CaseAction.SUBMIT_PLAN, EnumSet.of(CaseStatus.NEEDS_ASSESSMENT),
            CaseAction.APPROVE_PLAN, EnumSet.of(CaseStatus.PLAN_SUBMITTED),
            CaseAction.RETURN_PLAN, EnumSet.of(CaseStatus.PLAN_SUBMITTED),
            CaseAction.START_IMPLEMENTATION, EnumSet.of(CaseStatus.PLAN_APPROVED),
            CaseAction.REVIEW, EnumSet.of(CaseStatus.IMPLEMENTATION),
            CaseAction.CLOSE, EnumSet.of(CaseStatus.REVIEW),
            CaseAction.REOPEN, EnumSet.of(CaseStatus.CLOSED));

    /** Who asks, and the facts of the case the rules need. */
    public record Context(String actor, Set<Role> actorRoles, boolean actorInOwningAgency, String planSubmitter,
                          Role approverRole, long openReferrals) {
    }

    private CaseWorkflow() {
    }

    /** The status after the step, or a {@link CaseRuleException} saying why it is refused. */
    public static CaseStatus next(CaseStatus current, CaseAction action, Context context) {
        if (!FROM.get(action).contains(current)) {
            throw new CaseRuleException("casework.rule.notNow");
        }
        return switch (action) {
            case INITIAL_ASSESSMENT -> CaseStatus.INITIAL_ASSESSMENT;
            // an emergency after the plan stage keeps the case where it is: Form 07 is recorded beside it
            case EMERGENCY_DECISION -> current == CaseStatus.INITIAL_ASSESSMENT || current == CaseStatus.EMERGENCY
                    ? CaseStatus.EMERGENCY : current;
            case NEEDS_ASSESSMENT -> CaseStatus.NEEDS_ASSESSMENT;
            case SUBMIT_PLAN -> CaseStatus.PLAN_SUBMITTED;
            case APPROVE_PLAN, RETURN_PLAN -> {
                checkApprover(context);
                yield action == CaseAction.APPROVE_PLAN ? CaseStatus.PLAN_APPROVED : CaseStatus.NEEDS_ASSESSMENT;
            }
            case START_IMPLEMENTATION -> CaseStatus.IMPLEMENTATION;
            case REVIEW -> CaseStatus.REVIEW;
            case CLOSE -> {
                if (context.openReferrals() > 0) {
                    throw new CaseRuleException("casework.rule.openReferrals");
                }
                yield CaseStatus.CLOSED;
            }
            case REOPEN -> CaseStatus.REOPENED;
        };
    }

    private static void checkApprover(Context context) {
        if (!context.actorRoles().contains(context.approverRole()) || !context.actorInOwningAgency()) {
            throw new CaseRuleException("casework.rule.notApprover");
        }
        if (context.actor().equals(context.planSubmitter())) {
            throw new CaseRuleException("casework.rule.selfApproval");
        }
    }

    /** A referral goes to another agency: referring to the case's own agency is refused. */
    public static void checkReferral(String owningAgency, String toAgency) {
        if (toAgency == null || toAgency.isBlank()) {
            throw new CaseRuleException("casework.referral.error.toAgency", "toAgency");
        }
        if (toAgency.equals(owningAgency)) {
            throw new CaseRuleException("casework.rule.referralToSelf", "toAgency");
        }
    }

    /** The steps possible from a status, for the page's buttons. */
    public static Set<CaseAction> possible(CaseStatus status) {
        Set<CaseAction> actions = EnumSet.noneOf(CaseAction.class);
        FROM.forEach((action, from) -> {
            if (from.contains(status)) {
                actions.add(action);
            }
        });
        return actions;
    }
}
