package vn.childguard.matching;

/**
 * Packed-date arithmetic ({@code yyyymmdd}) without allocating {@code LocalDate}s in the hot path.
 * Day numbers use Howard Hinnant's {@code days_from_civil} algorithm (proleptic Gregorian).
 */
final class Dates {

    private Dates() {
    }

    static int year(int packed) {
        return packed / 10000;
    }

    static int month(int packed) {
        return packed / 100 % 100;
    }

    static int day(int packed) {
        return packed % 100;
    }

    static boolean isFull(int packed) {
        return month(packed) != 0;
    }

    static long toDays(int packed) {
        int y = year(packed);
        int m = month(packed);
        int d = day(packed);
        y -= m <= 2 ? 1 : 0;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yoe = y - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097L + doe - 719468;
    }

    static int fromDays(long z) {
        z += 719468;
        long era = (z >= 0 ? z : z - 146096) / 146097;
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp + (mp < 10 ? 3 : -9);
        y += m <= 2 ? 1 : 0;
        return (int) (y * 10000 + m * 100 + d);
    }

    /** The date with day and month swapped, or 0 when that is the same date or not a date. */
    static int swapped(int packed) {
        int m = month(packed);
        int d = day(packed);
        if (d == m || d > 12) {
            return 0;
        }
        int y = year(packed);
        int candidate = y * 10000 + d * 100 + m;
        return fromDays(toDays(candidate)) == candidate ? candidate : 0;
    }
}
