package vn.childguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntakeReferencesTests {

    @Test
    void referencesAreTheProvincePrefixTheYearAndSixDigits() {
        assertThat(IntakeReferences.format(2026, 123)).isEqualTo("TN-2026-000123");
        assertThat(IntakeReferences.format(2026, 1_234_567)).isEqualTo("TN-2026-1234567");
        assertThat(IntakeReferences.isReference("TN-2026-000123")).isTrue();
        assertThat(IntakeReferences.isReference("TN-26-000123")).isFalse();
    }

    @Test
    void numbersStartAtOne() {
        assertThatThrownBy(() -> IntakeReferences.format(2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
