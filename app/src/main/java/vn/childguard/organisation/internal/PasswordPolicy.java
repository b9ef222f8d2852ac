package vn.childguard.organisation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an initial or new password must satisfy: a minimum length, not containing the username, and
 * at least three of the four character classes (lower case, upper case, digit, symbol). Returns
 * message keys rather than throwing, so a form can show every reason at once.
 */
public final class PasswordPolicy {

    static final String TOO_SHORT = "organisation.admin.password.tooShort";
    static final String CONTAINS_USERNAME = "organisation.admin.password.containsUsername";
    static final String TOO_SIMPLE = "organisation.admin.password.tooSimple";

    private final int minLength;

    PasswordPolicy(int minLength) {
        this.minLength = minLength;
    }

    int minLength() {
        return minLength;
    }

    /** The message keys of every rule the password breaks; empty when it is acceptable. */
    List<String> violations(String password, String username) {
        List<String> violations = new ArrayList<>();
        String candidate = password == null ? "" : password;
        if (candidate.codePointCount(0, candidate.length()) < minLength) {
            violations.add(TOO_SHORT);
        }
        if (username != null && !username.isBlank()
                && candidate.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            violations.add(CONTAINS_USERNAME);
        }
        if (characterClasses(candidate) < 3) {
            violations.add(TOO_SIMPLE);
        }
        return violations;
    }

    private static int characterClasses(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); ) {
            int c = password.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else if (!Character.isLetter(c)) {
                symbol = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
}
