package vn.childguard.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentRuleTests {

    private static Consent consent(Consent.Subject subject, String recipient) {
        return new Consent(1L, subject, 2L, "Chia sẻ kế hoạch", recipient, LocalDate.of(2026, 3, 2),
                Consent.Method.SIGNED_FORM, "commune.officer", Instant.parse("2026-03-02T03:00:00Z"));
    }

    private static final Consent CHILD = consent(Consent.Subject.CHILD, "THPT-TAYNINH");
    private static final Consent PARENT = consent(Consent.Subject.LEGAL_REPRESENTATIVE, "THPT-TAYNINH");

    @Test
    void fromSevenTheChildAndTheLegalRepresentativeMustBothConsent() {
        assertThat(ConsentRule.allowsSharing(List.of(CHILD), "THPT-TAYNINH", 15)).isFalse();
        assertThat(ConsentRule.allowsSharing(List.of(PARENT), "THPT-TAYNINH", 7)).isFalse();
        assertThat(ConsentRule.allowsSharing(List.of(CHILD, PARENT), "THPT-TAYNINH", 7)).isTrue();
    }

    @Test
    void underSevenTheLegalRepresentativeAloneConsents() {
        assertThat(ConsentRule.allowsSharing(List.of(PARENT), "THPT-TAYNINH", 6)).isTrue();
        assertThat(ConsentRule.allowsSharing(List.of(), "THPT-TAYNINH", 6)).isFalse();
        assertThat(ConsentRule.childMayConsent(6)).isFalse();
        assertThat(ConsentRule.childMayConsent(7)).isTrue();
    }

    @Test
    void anUnknownAgeAsksForBothConsents() {
        assertThat(ConsentRule.allowsSharing(List.of(PARENT), "THPT-TAYNINH", null)).isFalse();
        assertThat(ConsentRule.allowsSharing(List.of(CHILD, PARENT), "THPT-TAYNINH", null)).isTrue();
    }

    @Test
    void aWithdrawnConsentOrOneForAnotherRecipientDoesNotCount() {
        Consent withdrawn = consent(Consent.Subject.LEGAL_REPRESENTATIVE, "THPT-TAYNINH");
        withdrawn.withdraw("commune.officer", Instant.parse("2026-03-03T03:00:00Z"));
        assertThat(ConsentRule.allowsSharing(List.of(CHILD, withdrawn), "THPT-TAYNINH", 12)).isFalse();
        assertThat(ConsentRule.allowsSharing(List.of(CHILD, consent(Consent.Subject.LEGAL_REPRESENTATIVE, "SYT")),
                "THPT-TAYNINH", 12)).isFalse();
    }
}
