package vn.childguard.casework.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import vn.childguard.casework.DeadlineStatus;
import vn.childguard.organisation.WorkingCalendar;

/**
 * When each Decree 56 deadline falls, and how it stands at a moment; pure, so the arithmetic is
 * unit-tested. Clocks in calendar hours run from an instant; clocks in working days end at the end
 * (midnight, Vietnam time) of the last working day.
 * <p>
 * Our reading of Decree 56/2017 (unconfirmed against the primary text, hence every figure is
 * configurable): the commune officer assesses the report (Form 02) and the procedure then runs; the
 * support/intervention plan (Form 04), which rests on the detailed needs assessment (Form 03), is due
 * within 5 working days <em>counted from the day the initial assessment (Form 02) opened the
 * procedure</em> — so the detailed assessment runs inside those 5 days and a late Form 03 cannot push
 * the plan back. Approval by the commune chairman is due within 2 working days of the plan's
 * submission; emergency intervention or temporary separation within 12 hours of reception when the
 * child is at serious risk or the abuser is the parent or carer; separation lasts at most 15 days
 * unless extended with a recorded reason.
 *
 * @param emergencyHours             calendar hours for the emergency action (12)
 * @param planWorkingDays            working days for the support plan (5)
 * @param approvalWorkingDays        working days for the approval (2)
 * @param separationDays             calendar days of temporary separation (15)
 * @param referralResponseWorkingDays working days for a referral's answer (2)
 */
public record DeadlineRules(int emergencyHours, int planWorkingDays, int approvalWorkingDays, int separationDays,
                            int referralResponseWorkingDays, WorkingCalendar calendar, ZoneId zone) {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public static DeadlineRules decree56(WorkingCalendar calendar) {
        return new DeadlineRules(12, 5, 2, 15, 2, calendar, VIETNAM);
    }

    /** Due 12 hours after reception when the risk is serious or the abuser is the carer; else none. */
    public Optional<Instant> emergencyAction(Instant receivedAt, boolean seriousRisk, boolean abuserIsCarer) {
        return seriousRisk || abuserIsCarer ? Optional.of(receivedAt.plus(Duration.ofHours(emergencyHours)))
                : Optional.empty();
    }

    /** The end of the 5th working day after the day of the initial assessment. */
    public Instant supportPlan(Instant initialAssessmentAt) {
        return endOfWorkingDays(initialAssessmentAt, planWorkingDays);
    }

    public Instant planApproval(Instant submittedAt) {
        return endOfWorkingDays(submittedAt, approvalWorkingDays);
    }

    /** The end of the separation: start + 15 days + the days of every extension. */
    public Instant separationEnd(Instant startedAt, int extensionDays) {
        return startedAt.plus(Duration.ofDays((long) separationDays + extensionDays));
    }

    public Instant referralResponse(Instant sentAt) {
        return endOfWorkingDays(sentAt, referralResponseWorkingDays);
    }

    private Instant endOfWorkingDays(Instant from, int days) {
        LocalDate start = from.atZone(zone).toLocalDate();
        return calendar.plusWorkingDays(start, days).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The deadline's status at {@code now}: met and waived first, then overdue, due today, open. */
    public DeadlineStatus status(Instant dueAt, Instant metAt, Instant waivedAt, Instant now) {
        if (waivedAt != null) {
            return DeadlineStatus.WAIVED;
        }
        if (metAt != null) {
            return DeadlineStatus.MET;
        }
        if (!now.isBefore(dueAt)) {
            return DeadlineStatus.OVERDUE;
        }
        // a deadline at midnight belongs to the day before it
        LocalDate dueDay = dueAt.minusNanos(1).atZone(zone).toLocalDate();
        return dueDay.equals(now.atZone(zone).toLocalDate()) ? DeadlineStatus.DUE_TODAY : DeadlineStatus.OPEN;
    }

    /** Whether a met deadline was met in time. */
    public static boolean metInTime(Instant dueAt, Instant metAt) {
        return metAt != null && !metAt.isAfter(dueAt);
    }
}
