package vn.childguard.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy(12);

    @Test
    void acceptsALongPasswordWithThreeCharacterClasses() {
        assertThat(policy.violations("Bien-gioi-2026", "nguyen.van.a")).isEmpty();
        assertThat(policy.violations("bien gioi tay ninh 2026", "teacher")).as("lower, digit, space as symbol")
                .isEmpty();
    }

    @Test
    void refusesAPasswordShorterThanTheMinimum() {
        assertThat(policy.violations("Ab1-short", "someone")).containsExactly(PasswordPolicy.TOO_SHORT);
        assertThat(policy.violations(null, "someone")).contains(PasswordPolicy.TOO_SHORT, PasswordPolicy.TOO_SIMPLE);
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertThat(new PasswordPolicy(4).violations("Đặng1", "x")).isEmpty();
        assertThat(new PasswordPolicy(6).violations("Aa1😀😀", "x")).containsExactly(PasswordPolicy.TOO_SHORT);
    }

    @Test
    void refusesAPasswordContainingTheUsernameInAnyCase() {
        assertThat(policy.violations("My-TEACHER-pass-1", "teacher"))
                .containsExactly(PasswordPolicy.CONTAINS_USERNAME);
    }

    @Test
    void refusesFewerThanThreeCharacterClasses() {
        assertThat(policy.violations("onlylowercaseletters", "user")).containsExactly(PasswordPolicy.TOO_SIMPLE);
        assertThat(policy.violations("lowercaseand12345", "user")).containsExactly(PasswordPolicy.TOO_SIMPLE);
        assertThat(policy.violations("UPPERCASE-WITH-SYMBOLS", "user")).containsExactly(PasswordPolicy.TOO_SIMPLE);
        assertThat(policy.violations("Vietnamese-Đặng", "user")).as("Vietnamese letters count as letters").isEmpty();
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        assertThat(policy.violations("admin", "admin")).containsExactlyInAnyOrder(PasswordPolicy.TOO_SHORT,
                PasswordPolicy.CONTAINS_USERNAME, PasswordPolicy.TOO_SIMPLE);
    }
}
