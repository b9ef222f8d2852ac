package vn.childguard.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.childguard.shared.Csv;

/** Working-day arithmetic over the public holidays shipped in reference-lists.csv. */
class WorkingCalendarTests {

    private final WorkingCalendar calendar = WorkingCalendar.withHolidays(shippedHolidays());

    private static List<LocalDate> shippedHolidays() {
        try (InputStream in = WorkingCalendarTests.class.getResourceAsStream("/reference/reference-lists.csv")) {
            return Csv.read(in).stream().filter(r -> "public_holiday".equals(r.require("list_code")))
                    .map(r -> LocalDate.parse(r.require("code"))).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void weekendsAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 6, 6))).isFalse(); // Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 6, 7))).isFalse(); // Sunday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 6, 8))).isTrue();
        // Friday + 1 working day = Monday
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 6, 5), 1)).isEqualTo(LocalDate.of(2026, 6, 8));
        // Wednesday + 5 working days = next Wednesday
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 6, 3), 5)).isEqualTo(LocalDate.of(2026, 6, 10));
    }

    @Test
    void tetHolidaysAreSkipped() {
        // Friday 13 Feb 2026 + 2 working days: 16-20 Feb is Tết, so Tuesday 24 Feb
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 13), 2)).isEqualTo(LocalDate.of(2026, 2, 24));
        // Tết 2027: 5-10 Feb; Thursday 4 Feb + 1 = Thursday 11 Feb
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse();
        assertThat(calendar.plusWorkingDays(LocalDate.of(2027, 2, 4), 1)).isEqualTo(LocalDate.of(2027, 2, 11));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 24))).isEqualTo(2);
    }

    @Test
    void crossingTheYearEndSkipsNewYearsDay() {
        // Wednesday 30 Dec 2026 + 2: Thursday 31 Dec, (1 Jan holiday, weekend) Monday 4 Jan 2027
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 30), 2)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 4))).isEqualTo(2);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2027, 1, 4), LocalDate.of(2026, 12, 30))).isEqualTo(-2);
    }

    @Test
    void aDeadlineThatWouldFallOnAHolidayMovesToTheNextWorkingDay() {
        // Tuesday 28 Apr 2026 + 2 working days would be 30 Apr (holiday), 1 May (holiday): Monday 4 May
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 4, 28), 2)).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 4, 28), 1)).isEqualTo(LocalDate.of(2026, 4, 29));
        // Hùng Kings 2027 on Friday 16 Apr: Thursday 15 Apr + 1 = Monday 19 Apr
        assertThat(calendar.plusWorkingDays(LocalDate.of(2027, 4, 15), 1)).isEqualTo(LocalDate.of(2027, 4, 19));
        // zero days from a holiday is the next working day
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 1), 0)).isEqualTo(LocalDate.of(2026, 9, 3));
    }
}
