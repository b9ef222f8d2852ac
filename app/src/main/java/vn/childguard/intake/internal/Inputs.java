package vn.childguard.intake.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** Parsing of what people type, shared by the operator's form, the public form and the API. */
public final class Inputs {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .()-]{8,20}");
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private Inputs() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    public static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A phone number: 9 to 15 digits, with an optional leading + and spaces, dots, dashes or brackets. */
    public static boolean isPhone(String text) {
        if (text == null || !PHONE.matcher(text.strip()).matches()) {
            return false;
        }
        long digits = text.chars().filter(Character::isDigit).count();
        return digits >= 9 && digits <= 15;
    }

    /** A date typed as {@code 15/3/2026} (or {@code 2026-03-15}); null when it is not one. */
    public static LocalDate date(String text) {
        String t = clean(text);
        if (t == null) {
            return null;
        }
        try {
            return t.contains("-") ? LocalDate.parse(t) : LocalDate.parse(t.replace('.', '/'), DMY);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A whole number, or null when the text is not one. */
    public static Integer integer(String text) {
        String t = clean(text);
        if (t == null || !t.matches("\\d{1,4}")) {
            return null;
        }
        return Integer.valueOf(t);
    }
}
