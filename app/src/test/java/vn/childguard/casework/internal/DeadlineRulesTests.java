package vn.childguard.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.childguard.casework.DeadlineStatus;
import vn.childguard.organisation.WorkingCalendar;

class DeadlineRulesTests {

    private final DeadlineRules rules = DeadlineRules.decree56(WorkingCalendar.withHolidays(List.of(
            LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2))));

    private static Instant vn(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(DeadlineRules.VIETNAM).toInstant();
    }

    @Test
    void emergencyActionIsDueTwelveCalendarHoursAfterReceptionOnlyWhenRiskIsSeriousOrTheAbuserIsTheCarer() {
        Instant received = vn(2026, 5, 2, 20, 15); // a Saturday evening: calendar hours, weekends count
        assertThat(rules.emergencyAction(received, true, false)).contains(vn(2026, 5, 3, 8, 15));
        assertThat(rules.emergencyAction(received, false, true)).contains(vn(2026, 5, 3, 8, 15));
        assertThat(rules.emergencyAction(received, false, false)).isEmpty();
    }

    @Test
    void thePlanIsDueAtTheEndOfTheFifthWorkingDayAfterTheInitialAssessment() {
        // Monday 27 Apr 2026: 28, 29, (30 Apr, 1 May holidays, weekend) 4, 5, 6 May
        assertThat(rules.supportPlan(vn(2026, 4, 27, 10, 0))).isEqualTo(vn(2026, 5, 7, 0, 0));
    }

    @Test
    void approvalIsDueTwoWorkingDaysAfterSubmissionSkippingNationalDay() {
        // Monday 31 Aug 2026: 1-2 Sep holidays, so Thursday 3 and Friday 4 Sep
        assertThat(rules.planApproval(vn(2026, 8, 31, 16, 0))).isEqualTo(vn(2026, 9, 5, 0, 0));
    }

    @Test
    void separationLastsFifteenDaysUnlessExtended() {
        Instant start = vn(2026, 6, 1, 9, 0);
        assertThat(rules.separationEnd(start, 0)).isEqualTo(vn(2026, 6, 16, 9, 0));
        assertThat(rules.separationEnd(start, 10)).isEqualTo(vn(2026, 6, 26, 9, 0));
    }

    @Test
    void referralResponseDaysAreConfigurable() {
        var slower = new DeadlineRules(12, 5, 2, 15, 3, rules.calendar(), DeadlineRules.VIETNAM);
        assertThat(rules.referralResponse(vn(2026, 6, 5, 9, 0))).isEqualTo(vn(2026, 6, 10, 0, 0));
        assertThat(slower.referralResponse(vn(2026, 6, 5, 9, 0))).isEqualTo(vn(2026, 6, 11, 0, 0));
    }

    @Test
    void statusIsOpenDueTodayOverdueMetOrWaived() {
        Instant due = vn(2026, 6, 10, 0, 0); // end of 9 June
        assertThat(rules.status(due, null, null, vn(2026, 6, 8, 12, 0))).isEqualTo(DeadlineStatus.OPEN);
        assertThat(rules.status(due, null, null, vn(2026, 6, 9, 8, 0))).isEqualTo(DeadlineStatus.DUE_TODAY);
        assertThat(rules.status(due, null, null, vn(2026, 6, 10, 0, 0))).isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(rules.status(due, vn(2026, 6, 11, 0, 0), null, vn(2026, 6, 12, 0, 0))).isEqualTo(DeadlineStatus.MET);
        assertThat(rules.status(due, null, vn(2026, 6, 9, 0, 0), vn(2026, 6, 12, 0, 0))).isEqualTo(DeadlineStatus.WAIVED);
        assertThat(DeadlineRules.metInTime(due, vn(2026, 6, 9, 23, 0))).isTrue();
        assertThat(DeadlineRules.metInTime(due, vn(2026, 6, 10, 1, 0))).isFalse();
    }
}
