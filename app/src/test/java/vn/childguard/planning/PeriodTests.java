package vn.childguard.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTests {

    @Test
    void codesRoundTripAndKnowTheirDays() {
        Period h2 = Period.parse("2025-H2");
        assertThat(h2.code()).isEqualTo("2025-H2");
        assertThat(h2.start()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(h2.end()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(Period.parse("2026").end()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(Period.parse("2026-Q1").end()).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void refusesCodesThatNameNoPeriod() {
        assertThatThrownBy(() -> Period.parse("2026-H3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.parse("last year")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsEveryHalfYearFromThePlansIssueToToday() {
        var periods = Period.between(Period.Kind.HALF_YEAR, LocalDate.of(2020, 1, 20), LocalDate.of(2026, 11, 28));
        assertThat(periods).hasSize(14);
        assertThat(periods.getFirst().code()).isEqualTo("2020-H1");
        assertThat(periods.getLast().code()).isEqualTo("2026-H2");
    }

    @Test
    void aHalfYearSortsBeforeTheYearThatEndsWithIt() {
        assertThat(Period.parse("2025-H2")).isLessThan(Period.parse("2025"));
        assertThat(Period.parse("2025-H1")).isLessThan(Period.parse("2025-H2"));
    }
}
