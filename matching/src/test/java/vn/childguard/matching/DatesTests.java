package vn.childguard.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatesTests {

    @Test
    void dayNumbersAgreeWithJavaTime() {
        for (LocalDate d = LocalDate.of(1899, 12, 25); d.isBefore(LocalDate.of(2031, 1, 5)); d = d.plusDays(13)) {
            int packed = d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
            assertThat(Dates.toDays(packed)).isEqualTo(d.toEpochDay());
            assertThat(Dates.fromDays(d.toEpochDay())).isEqualTo(packed);
        }
    }

    @Test
    void swappedOnlyWhenItIsAnotherRealDate() {
        assertThat(Dates.swapped(19900304)).isEqualTo(19900403);
        assertThat(Dates.swapped(19900303)).isZero();
        assertThat(Dates.swapped(19900314)).isZero();
    }

    @Test
    void birthDatesParseFullYearOnlyOrEmpty() {
        assertThat(BirthDate.parse("2010-07-09")).isEqualTo(BirthDate.of(2010, 7, 9));
        assertThat(BirthDate.parse("2010")).isEqualTo(BirthDate.yearOnly(2010));
        assertThat(BirthDate.parse(" ")).isEqualTo(BirthDate.UNKNOWN);
        assertThat(BirthDate.parse("2010-07-09").toString()).isEqualTo("2010-07-09");
        assertThatThrownBy(() -> BirthDate.parse("2010-02-30")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BirthDate.parse("09/07/2010")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sex.parse("X")).isInstanceOf(IllegalArgumentException.class);
    }
}
