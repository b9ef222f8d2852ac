package vn.childguard.matching;

import java.util.HashMap;
import java.util.Map;

/**
 * Population shares of common Vietnamese name syllables (folded), used as a prior for token
 * rarity so that weights are sensible for a small index too: with a 3-entry watchlist the index's
 * own counts say nothing about how common Nguyễn is. Family-name shares are the published ones
 * (Nguyễn 38.4%, Trần 11%, Lê 9.5%, ...); middle-name shares are per person (Thị: about 60% of
 * women, Văn: 40% of men). Syllables not listed get {@link #DEFAULT_SHARE}.
 */
final class NamePriors {

    /** Weight of the prior in pseudo-entries: the index's own counts dominate beyond this size. */
    static final double PSEUDO_ENTRIES = 10_000;
    /** Share of a syllable not in the table: a typical given name. */
    static final double DEFAULT_SHARE = 0.003;

    private static final Map<String, Double> SHARES = new HashMap<>();

    static {
        put(0.384, "NGUYEN");
        put(0.11, "TRAN");
        put(0.095, "LE");
        put(0.07, "PHAM");
        put(0.051, "HOANG");
        put(0.045, "PHAN");
        put(0.039, "VU");
        put(0.021, "DANG");
        put(0.02, "BUI");
        put(0.014, "DO");
        put(0.013, "HO", "NGO");
        put(0.01, "DUONG");
        put(0.005, "LY");
        put(0.30, "THI");
        put(0.20, "VAN");
        put(0.05, "MINH", "NGOC", "THANH", "ANH");
        put(0.03, "DUC", "QUANG", "HUU", "THU", "HONG", "KIM", "LINH", "HUONG", "TRANG");
        put(0.02, "CONG", "QUOC", "XUAN", "THUY", "PHUONG", "BAO", "MAI", "KHANH", "GIA", "DINH", "HA", "NAM", "HUNG",
                "DUNG", "TUAN", "HAI", "LAN", "THAO");
    }

    private static void put(double share, String... tokens) {
        for (String t : tokens) {
            SHARES.put(t, share);
        }
    }

    private NamePriors() {
    }

    /** Prior share of people whose name contains this regional key. */
    static double share(String canonicalToken) {
        return SHARES.getOrDefault(canonicalToken, DEFAULT_SHARE);
    }

    /**
     * Rarity in bits of a token found in {@code df} of {@code n} entries, smoothed towards its
     * population share: {@code log2((n + K) / (df + K * share + 0.5))}, clamped to [0.5, 12].
     */
    static double bits(int n, int df, String canonicalToken) {
        double bits = Math.log((n + PSEUDO_ENTRIES) / (df + PSEUDO_ENTRIES * share(canonicalToken) + 0.5)) / Math.log(2);
        return Math.max(0.5, Math.min(12.0, bits));
    }
}
