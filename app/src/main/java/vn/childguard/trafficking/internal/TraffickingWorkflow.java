package vn.childguard.trafficking.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import vn.childguard.trafficking.TraffickingStatus;

/**
 * The trafficking procedure as a state machine, without Spring or a database:
 * <pre>
 * REPORTED → RECEIVED → UNDER_VERIFICATION → IDENTIFIED | NOT_A_VICTIM
 * IDENTIFIED → SUPPORTED → REINTEGRATING → FOLLOW_UP → CLOSED;  any of IDENTIFIED…FOLLOW_UP, NOT_A_VICTIM → CLOSED
 * CLOSED → REOPEN → UNDER_VERIFICATION (never identified) or SUPPORTED (identified before)
 * </pre>
 * Every step yields a {@link Record} of who, when, the legal basis, the Art. 32 grounds and the
 * evidence. Refused: identifying without any ground; deciding "not a victim" or reopening without
 * evidence or a reason; closing while support offered or accepted is not yet delivered.
 */
public final class TraffickingWorkflow {

    private static final Set<TraffickingStatus> CLOSABLE = EnumSet.of(TraffickingStatus.IDENTIFIED,
            TraffickingStatus.NOT_A_VICTIM, TraffickingStatus.SUPPORTED, TraffickingStatus.REINTEGRATING,
            TraffickingStatus.FOLLOW_UP);

    private static final Map<TraffickingAction, Set<TraffickingStatus>> FROM = Map.of(
            TraffickingAction.RECEIVE, EnumSet.of(TraffickingStatus.REPORTED),
            TraffickingAction.START_VERIFICATION, EnumSet.of(TraffickingStatus.RECEIVED),
            TraffickingAction.IDENTIFY, EnumSet.of(TraffickingStatus.UNDER_VERIFICATION),
            TraffickingAction.NOT_A_VICTIM, EnumSet.of(TraffickingStatus.UNDER_VERIFICATION),
            TraffickingAction.START_SUPPORT, EnumSet.of(TraffickingStatus.IDENTIFIED),
            TraffickingAction.START_REINTEGRATION, EnumSet.of(TraffickingStatus.SUPPORTED),
            TraffickingAction.START_FOLLOW_UP, EnumSet.of(TraffickingStatus.REINTEGRATING),
            TraffickingAction.CLOSE, CLOSABLE,
            TraffickingAction.REOPEN, EnumSet.of(TraffickingStatus.CLOSED));

    /** What the user asks: the step, legal basis (blank → the step's default), grounds and evidence. */
    public record Request(TraffickingAction action, String legalBasis, Set<Art32Ground> grounds, String evidence) {

        public Request {
            grounds = grounds == null || grounds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(grounds));
        }
    }

    /** Facts of the case the rules need: support pending delivery, whether it was ever identified. */
    public record Facts(long supportPending, boolean everIdentified) {
    }

    /** The recorded transition. */
    public record Record(TraffickingAction action, TraffickingStatus from, TraffickingStatus to, String actor,
                         String agencyCode, Instant at, String legalBasis, Set<Art32Ground> grounds, String evidence) {
    }

    private TraffickingWorkflow() {
    }

    /** The transition, or a {@link TraffickingRuleException} saying why it is refused. */
    public static Record next(TraffickingStatus current, Request request, Facts facts, String actor, String agencyCode,
                              Instant at) {
        TraffickingAction action = request.action();
        if (action == null) {
            throw new TraffickingRuleException("trafficking.rule.action", "action");
        }
        if (!FROM.getOrDefault(action, Set.of()).contains(current)) {
            throw new TraffickingRuleException("trafficking.rule.notNow");
        }
        String evidence = request.evidence() == null ? "" : request.evidence().strip();
        TraffickingStatus to = switch (action) {
            case REPORT -> throw new TraffickingRuleException("trafficking.rule.notNow");
            case RECEIVE -> TraffickingStatus.RECEIVED;
            case START_VERIFICATION -> TraffickingStatus.UNDER_VERIFICATION;
            case IDENTIFY -> {
                if (request.grounds().isEmpty()) {
                    throw new TraffickingRuleException("trafficking.rule.noGround", "grounds");
                }
                yield TraffickingStatus.IDENTIFIED;
            }
            case NOT_A_VICTIM -> {
                if (evidence.isEmpty()) {
                    throw new TraffickingRuleException("trafficking.rule.evidenceRequired", "evidence");
                }
                yield TraffickingStatus.NOT_A_VICTIM;
            }
            case START_SUPPORT -> TraffickingStatus.SUPPORTED;
            case START_REINTEGRATION -> TraffickingStatus.REINTEGRATING;
            case START_FOLLOW_UP -> TraffickingStatus.FOLLOW_UP;
            case CLOSE -> {
                if (facts.supportPending() > 0) {
                    throw new TraffickingRuleException("trafficking.rule.supportPending");
                }
                yield TraffickingStatus.CLOSED;
            }
            case REOPEN -> {
                if (evidence.isEmpty()) {
                    throw new TraffickingRuleException("trafficking.rule.evidenceRequired", "evidence");
                }
                yield facts.everIdentified() ? TraffickingStatus.SUPPORTED : TraffickingStatus.UNDER_VERIFICATION;
            }
        };
        String basis = request.legalBasis() == null || request.legalBasis().isBlank()
                ? action.defaultLegalBasis() : request.legalBasis().strip();
        if (basis.length() > 300) {
            throw new TraffickingRuleException("trafficking.rule.legalBasisLength", "legalBasis");
        }
        return new Record(action, current, to, actor, agencyCode, at, basis, request.grounds(), evidence);
    }

    /** The steps possible from a status, for the page's buttons. */
    public static Set<TraffickingAction> possible(TraffickingStatus status) {
        Set<TraffickingAction> actions = EnumSet.noneOf(TraffickingAction.class);
        FROM.forEach((action, from) -> {
            if (from.contains(status)) {
                actions.add(action);
            }
        });
        return actions;
    }
}
