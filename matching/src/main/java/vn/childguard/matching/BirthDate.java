package vn.childguard.matching;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A birth date that may be full, year-only or unknown.
 *
 * <p>{@code month} and {@code day} are 0 when only the year is known; all three are 0 when
 * nothing is known. Values are validated so that a full date is a real calendar date.
 */
public record BirthDate(int year, int month, int day) {

    /** The unknown birth date. */
    public static final BirthDate UNKNOWN = new BirthDate(0, 0, 0);

    public BirthDate {
        if (year == 0) {
            if (month != 0 || day != 0) {
                throw new IllegalArgumentException("month/day without a year");
            }
        } else {
            if (year < 1000 || year > 9999) {
                throw new IllegalArgumentException("year out of range: " + year);
            }
            if ((month == 0) != (day == 0)) {
                throw new IllegalArgumentException("month and day must both be given or both absent");
            }
            if (month != 0) {
                try {
                    LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("not a calendar date: " + year + "-" + month + "-" + day, e);
                }
            }
        }
    }

    public static BirthDate of(int year, int month, int day) {
        return new BirthDate(year, month, day);
    }

    public static BirthDate yearOnly(int year) {
        return new BirthDate(year, 0, 0);
    }

    /**
     * Parses {@code YYYY-MM-DD}, {@code YYYY} or empty.
     *
     * @throws IllegalArgumentException with a human-readable reason otherwise
     */
    public static BirthDate parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return UNKNOWN;
        }
        if (t.length() == 4 && allDigits(t, 0, 4)) {
            return yearOnly(Integer.parseInt(t));
        }
        if (t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-'
                && allDigits(t, 0, 4) && allDigits(t, 5, 7) && allDigits(t, 8, 10)) {
            return of(Integer.parseInt(t, 0, 4, 10), Integer.parseInt(t, 5, 7, 10), Integer.parseInt(t, 8, 10, 10));
        }
        throw new IllegalArgumentException("birth date must be YYYY-MM-DD, YYYY or empty: '" + text + "'");
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public boolean isKnown() {
        return year != 0;
    }

    public boolean isFull() {
        return month != 0;
    }

    /** Packs into {@code yyyymmdd} (0 for unknown, {@code yyyy0000} for year-only). */
    int packed() {
        return year * 10000 + month * 100 + day;
    }

    static BirthDate unpack(int packed) {
        return new BirthDate(packed / 10000, packed / 100 % 100, packed % 100);
    }

    @Override
    public String toString() {
        if (!isKnown()) {
            return "";
        }
        if (!isFull()) {
            return String.format("%04d", year);
        }
        return String.format("%04d-%02d-%02d", year, month, day);
    }
}
