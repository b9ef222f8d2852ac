package vn.childguard.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReminderScheduleTests {

    static final LocalDate DUE = LocalDate.of(2026, 7, 15);
    final ReminderSchedule schedule = new ReminderSchedule(PlanningSettings.defaults());

    Optional<Reminder.Kind> on(LocalDate day) {
        return schedule.kindOn(DUE, day);
    }

    @Test
    void remindsExactlySevenAndOneDaysBeforeTheDueDate() {
        assertThat(on(DUE.minusDays(7))).contains(Reminder.Kind.BEFORE_DUE);
        assertThat(on(DUE.minusDays(1))).contains(Reminder.Kind.BEFORE_DUE);
        for (int days : new int[] {30, 8, 6, 5, 4, 3, 2}) {
            assertThat(on(DUE.minusDays(days))).as("%d days before", days).isEmpty();
        }
    }

    @Test
    void saysNothingOnTheDueDateItself() {
        assertThat(on(DUE)).isEmpty();
    }

    @Test
    void remindsTheDayAfterTheDueDateAndThenEverySevenDays() {
        for (int after = 1; after <= 60; after++) {
            boolean expected = after == 1 || after == 8 || after == 15 || after == 22 || after == 29 || after == 36
                    || after == 43 || after == 50 || after == 57;
            assertThat(on(DUE.plusDays(after)).isPresent()).as("%d days after", after).isEqualTo(expected);
        }
        assertThat(on(DUE.plusDays(8))).contains(Reminder.Kind.OVERDUE);
    }

    @Test
    void followsTheConfiguredDaysAndInterval() {
        var custom = new ReminderSchedule(new PlanningSettings(List.of(14, 3), Duration.ofDays(3), null, null));
        assertThat(custom.kindOn(DUE, DUE.minusDays(14))).contains(Reminder.Kind.BEFORE_DUE);
        assertThat(custom.kindOn(DUE, DUE.minusDays(3))).contains(Reminder.Kind.BEFORE_DUE);
        assertThat(custom.kindOn(DUE, DUE.minusDays(7))).isEmpty();
        assertThat(custom.kindOn(DUE, DUE.plusDays(1))).contains(Reminder.Kind.OVERDUE);
        assertThat(custom.kindOn(DUE, DUE.plusDays(4))).contains(Reminder.Kind.OVERDUE);
        assertThat(custom.kindOn(DUE, DUE.plusDays(5))).isEmpty();
        assertThat(custom.lookahead(DUE)).isEqualTo(DUE.plusDays(14));
    }

    @Test
    void ignoresDueDatesMoreThanAYearBack() {
        assertThat(on(DUE.plusDays(1 + 51 * 7))).as("51 weeks on, within the year").contains(Reminder.Kind.OVERDUE);
        assertThat(on(DUE.plusDays(1 + 53 * 7))).as("53 weeks on, past the year").isEmpty();
        assertThat(on(DUE.plusYears(6).plusDays(1))).isEmpty();
    }

    @Test
    void refusesNonsensicalSettings() {
        assertThatThrownBy(() -> new PlanningSettings(List.of(0), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlanningSettings(null, Duration.ofHours(12), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
