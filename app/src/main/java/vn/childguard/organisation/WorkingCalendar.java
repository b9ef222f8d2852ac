package vn.childguard.organisation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * Working days in Vietnam: Monday to Friday except public holidays (the reference list
 * {@code public_holiday}, edited by administrators). Deadlines of Decree 56 in working days use it.
 * The arithmetic is here; which days are holidays is data ({@link #isHoliday}).
 */
public interface WorkingCalendar {

    /** True when the day is a public holiday (a day off in lieu counts as one). */
    boolean isHoliday(LocalDate day);

    default boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isHoliday(day);
    }

    /**
     * The {@code n}-th working day after {@code from} ({@code from} itself not counted); for
     * {@code n == 0}, {@code from} when it is a working day, else the next one.
     */
    default LocalDate plusWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        LocalDate day = from;
        if (n == 0) {
            while (!isWorkingDay(day)) {
                day = day.plusDays(1);
            }
            return day;
        }
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Working days after {@code from} up to and including {@code to}; negative when {@code to} is before {@code from}. */
    default long workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        long count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** A calendar with a fixed set of holidays, for tests and tools. */
    static WorkingCalendar withHolidays(Collection<LocalDate> holidays) {
        Set<LocalDate> days = Set.copyOf(holidays);
        return days::contains;
    }
}
