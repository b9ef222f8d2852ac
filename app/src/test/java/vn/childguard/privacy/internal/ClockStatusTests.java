package vn.childguard.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.childguard.organisation.WorkingCalendar;

/** The legal clocks of privacy: working-day deadlines per kind of request, and how a clock stands. */
class ClockStatusTests {

    /** The 2026 holidays around Reunification Day and Labour Day. */
    static final WorkingCalendar CALENDAR = WorkingCalendar.withHolidays(List.of(LocalDate.parse("2026-04-27"),
            LocalDate.parse("2026-04-30"), LocalDate.parse("2026-05-01")));

    @Test
    void eachKindOfRequestHasItsWorkingDaysCountedOverHolidaysAndWeekends() {
        LocalDate received = LocalDate.parse("2026-04-28");
        assertThat(CALENDAR.plusWorkingDays(received, RequestKind.FIRST_ANSWER_DAYS)).isEqualTo("2026-05-04");
        assertThat(CALENDAR.plusWorkingDays(received, RequestKind.ACCESS.workingDays())).isEqualTo("2026-05-14");
        assertThat(CALENDAR.plusWorkingDays(received, RequestKind.CORRECTION.workingDays())).isEqualTo("2026-05-14");
        assertThat(CALENDAR.plusWorkingDays(received, RequestKind.RESTRICTION.workingDays())).isEqualTo("2026-05-21");
        assertThat(CALENDAR.plusWorkingDays(received, RequestKind.WITHDRAWAL.workingDays())).isEqualTo("2026-05-21");
        assertThat(CALENDAR.plusWorkingDays(received, RequestKind.DELETION.workingDays())).isEqualTo("2026-05-28");
    }

    @Test
    void aDayClockIsDueUntilTheEndOfItsDayInVietnam() {
        LocalDate due = LocalDate.parse("2026-05-04");
        // 23:30 on 4 May in Vietnam is 16:30 UTC: still due, not overdue
        assertThat(ClockStatus.ofDay(due, null, Instant.parse("2026-05-04T16:30:00Z"))).isEqualTo(ClockStatus.DUE_TODAY);
        assertThat(ClockStatus.ofDay(due, null, Instant.parse("2026-05-04T17:30:00Z"))).isEqualTo(ClockStatus.OVERDUE);
        assertThat(ClockStatus.ofDay(due, null, Instant.parse("2026-05-01T00:00:00Z"))).isEqualTo(ClockStatus.OPEN);
        assertThat(ClockStatus.ofDay(due, Instant.parse("2026-05-04T16:00:00Z"), Instant.parse("2026-06-01T00:00:00Z")))
                .isEqualTo(ClockStatus.MET);
        assertThat(ClockStatus.ofDay(due, Instant.parse("2026-05-04T17:30:00Z"), Instant.parse("2026-06-01T00:00:00Z")))
                .isEqualTo(ClockStatus.MET_LATE);
    }

    @Test
    void theBreachClockIsDueInItsLastTwentyFourHoursAndOverdueAfterSeventyTwo() {
        Instant discovered = Instant.parse("2026-05-01T08:00:00Z");
        Instant due = discovered.plus(Breaches.NOTIFY_WITHIN);
        assertThat(due).isEqualTo("2026-05-04T08:00:00Z");
        assertThat(ClockStatus.ofInstant(due, null, discovered.plusSeconds(3600))).isEqualTo(ClockStatus.OPEN);
        assertThat(ClockStatus.ofInstant(due, null, Instant.parse("2026-05-03T09:00:00Z"))).isEqualTo(ClockStatus.DUE_TODAY);
        assertThat(ClockStatus.ofInstant(due, null, Instant.parse("2026-05-04T08:00:01Z"))).isEqualTo(ClockStatus.OVERDUE);
        assertThat(ClockStatus.ofInstant(due, Instant.parse("2026-05-04T07:59:00Z"), Instant.parse("2026-06-01T00:00:00Z")))
                .isEqualTo(ClockStatus.MET);
        assertThat(ClockStatus.ofInstant(due, Instant.parse("2026-05-04T09:00:00Z"), Instant.parse("2026-06-01T00:00:00Z")))
                .isEqualTo(ClockStatus.MET_LATE);
    }
}
