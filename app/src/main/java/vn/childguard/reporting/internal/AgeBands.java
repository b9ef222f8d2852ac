package vn.childguard.reporting.internal;

import java.util.List;

/**
 * Age in completed years rolled up to the Vietnamese bands (under 16, 16–17, 18 and over: the law's
 * thresholds for children and minors) and to the IOM CTDC bands (0–8, 9–17, 18–20, 21–23, 24–26,
 * 27–29, 30–38, 39–47, 48+). Unknown ages stay {@code UNKNOWN}, never guessed.
 */
public final class AgeBands {

    public static final String UNKNOWN = "UNKNOWN";
    public static final List<String> VN = List.of("LT16", "16_17", "GE18", UNKNOWN);
    public static final List<String> CTDC = List.of("0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47",
            "48+", UNKNOWN);
    private static final int[] CTDC_UPPER = {8, 17, 20, 23, 26, 29, 38, 47};

    private AgeBands() {
    }

    public static String vietnamese(Integer age) {
        if (age == null || age < 0) {
            return UNKNOWN;
        }
        return age < 16 ? "LT16" : age < 18 ? "16_17" : "GE18";
    }

    public static String ctdc(Integer age) {
        if (age == null || age < 0) {
            return UNKNOWN;
        }
        for (int i = 0; i < CTDC_UPPER.length; i++) {
            if (age <= CTDC_UPPER[i]) {
                return CTDC.get(i);
            }
        }
        return "48+";
    }
}
