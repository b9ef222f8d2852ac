package vn.childguard.trafficking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.childguard.casework.DeadlineStatus;
import vn.childguard.trafficking.TraffickingStatus;

/**
 * A case as one user may see it: the parts beyond the level are empty (null or empty lists), never
 * filled and hidden by the page.
 */
public record CaseDetail(long id, String reference, TraffickingStatus status, TraffickingPolicy.Level level,
                         long personId, String personLabel, String leadAgency, String leadAgencyName,
                         String partnerAgency, String partnerAgencyName, String unitCode, String unitName,
                         String countryCode, boolean abroad, boolean foreignResident, boolean accompanyingMinor,
                         Instant reportedAt, Instant receivedAt, Verification verification, Ages ages,
                         Map<String, Object> data, List<Transition> transitions, List<Entitlement> entitlements,
                         List<Delivery> deliveries, List<Step> repatriation, Map<String, Object> plan,
                         List<FollowUp> followUps, List<Note> notes, List<Referral> referrals, Long childProtectionCaseId,
                         String childProtectionReference, Set<TraffickingAction> possible) {

    public record Verification(Instant dueAt, Instant metAt, DeadlineStatus status, long minutesLeft) {
    }

    /** Ages in whole years (null when the birth date is unknown) and the two legal thresholds. */
    public record Ages(Integer atExploitation, Integer today, boolean under16AtExploitation, boolean under18AtExploitation,
                       boolean under16Today, boolean under18Today) {
    }

    public record Transition(TraffickingAction action, TraffickingStatus from, TraffickingStatus to, String actor,
                             String agencyCode, Instant at, String legalBasis, List<Art32Ground> grounds, String evidence) {
    }

    /** One benefit: whether the matrix entitles the person now, what was decided, the amount in force. */
    public record Entitlement(Entitlements.Benefit benefit, boolean entitled, String basis, String state, String reason,
                              LocalDate decidedOn, Long amountVnd, String amountUnit) {
    }

    public record Delivery(long id, Entitlements.Benefit benefit, String provider, LocalDate deliveredOn, Long amountVnd,
                           String evidence, String recordedBy) {
    }

    public record Step(long id, RepatriationStep step, String status, LocalDate date, Map<String, Object> details,
                       String recordedBy, Instant recordedAt) {
    }

    public record FollowUp(long id, int month, LocalDate dueOn, LocalDate doneOn, String outcome, String note,
                           boolean due) {
    }

    public record Note(long id, String body, String author, Instant at) {
    }

    public record Referral(long id, String toAgency, String reason, String legalBasis, String sentBy, Instant sentAt) {
    }
}
