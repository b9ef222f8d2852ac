package vn.childguard.casework;

import java.time.Instant;
import java.util.List;

/**
 * Anonymous facts about child-protection cases for statistics (reporting's read model): ids, codes,
 * dates and counts — never a name, a form's content or a note. The child is named by their register
 * id only, so that the reader can join the non-identifying demographics of {@code people.PersonFacts}.
 */
public interface CaseFacts {

    /** Every case, one row each. */
    List<CaseFact> cases();

    /** Deadlines not yet met nor waived, with the owning agency of their case. */
    List<OpenDeadline> openDeadlines();

    /** Every referral, with its status and dates. */
    List<ReferralFact> referrals();

    /**
     * @param leadUsername    the case worker who leads the team (null when nobody leads)
     * @param firstAssessment when Form 02 was first recorded, null when not yet
     * @param firstPlan       when Form 04 was first recorded
     * @param firstApproval   when Form 05 was first recorded
     */
    record CaseFact(long caseId, long childPersonId, String agencyCode, String unitCode, CaseStatus status,
                    boolean seriousRisk, Instant receivedAt, Instant openedAt, Instant closedAt, String leadUsername,
                    Instant firstAssessment, Instant firstPlan, Instant firstApproval) {
    }

    record OpenDeadline(long caseId, String agencyCode, DeadlineKind kind, Instant dueAt) {
    }

    record ReferralFact(long referralId, long caseId, String fromAgencyCode, String toAgencyCode, String status,
                        Instant sentAt, Instant respondedAt) {
    }
}
