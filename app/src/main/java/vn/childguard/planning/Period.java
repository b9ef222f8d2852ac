package vn.childguard.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a half-year ({@code 2026-H1}), a year ({@code 2026}) or a quarter
 * ({@code 2026-Q3}). Its code is how reports and URLs name it.
 */
public record Period(Kind kind, int year, int index) implements Comparable<Period> {

    /** How long a period is; plans name the kinds they report on. */
    public enum Kind { QUARTER, HALF_YEAR, YEAR }

    private static final Pattern CODE = Pattern.compile("(\\d{4})(?:-(H|Q)(\\d))?");

    public Period {
        int max = switch (kind) {
            case QUARTER -> 4;
            case HALF_YEAR -> 2;
            case YEAR -> 1;
        };
        if (index < 1 || index > max || year < 1900 || year > 9999) {
            throw new IllegalArgumentException("no such period: " + kind + " " + year + "/" + index);
        }
    }

    public static Period parse(String code) {
        Matcher m = CODE.matcher(code == null ? "" : code.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a period code: " + code);
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            return new Period(Kind.YEAR, year, 1);
        }
        return new Period("H".equals(m.group(2)) ? Kind.HALF_YEAR : Kind.QUARTER, year, Integer.parseInt(m.group(3)));
    }

    public String code() {
        return switch (kind) {
            case YEAR -> String.valueOf(year);
            case HALF_YEAR -> year + "-H" + index;
            case QUARTER -> year + "-Q" + index;
        };
    }

    public LocalDate start() {
        int months = months();
        return LocalDate.of(year, 1 + (index - 1) * months, 1);
    }

    public LocalDate end() {
        return start().plusMonths(months()).minusDays(1);
    }

    private int months() {
        return switch (kind) {
            case QUARTER -> 3;
            case HALF_YEAR -> 6;
            case YEAR -> 12;
        };
    }

    /** The period of this kind that contains the day. */
    public static Period containing(Kind kind, LocalDate day) {
        return switch (kind) {
            case YEAR -> new Period(kind, day.getYear(), 1);
            case HALF_YEAR -> new Period(kind, day.getYear(), day.getMonthValue() <= 6 ? 1 : 2);
            case QUARTER -> new Period(kind, day.getYear(), (day.getMonthValue() + 2) / 3);
        };
    }

    /** Every period of this kind from the one containing {@code from} to the one containing {@code to}. */
    public static List<Period> between(Kind kind, LocalDate from, LocalDate to) {
        List<Period> periods = new ArrayList<>();
        for (Period p = containing(kind, from); !p.start().isAfter(to); p = containing(kind, p.end().plusDays(1))) {
            periods.add(p);
        }
        return periods;
    }

    @Override
    public int compareTo(Period other) {
        int byEnd = end().compareTo(other.end());
        return byEnd != 0 ? byEnd : other.start().compareTo(start());
    }
}
