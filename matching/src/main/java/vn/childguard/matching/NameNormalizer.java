package vn.childguard.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Folds a written name to comparable tokens.
 *
 * <p>Contract: the result depends only on the letters of the name, not on diacritics (precomposed
 * or decomposed NFD), case, or separators. {@code Nguyễn Thị Ánh}, {@code NGUYEN THI ANH},
 * {@code nguyễn thị ánh} in NFD and the MRZ form {@code NGUYEN<<THI<ANH} all give
 * {@code [NGUYEN, THI, ANH]}.
 *
 * <p>Implementation: a 64K-entry table, filled once from {@link Normalizer} (NFD, keep the base
 * letter, drop the combining marks), maps every BMP character to an upper-case ASCII letter, to
 * "skip" (combining marks U+0300–U+036F, so NFD input folds like NFC input) or to "separator".
 * {@code đ/Đ} have no Unicode decomposition and are mapped to {@code D} explicitly. A table
 * lookup per character is several times faster than calling {@code Normalizer} per name.
 */
public final class NameNormalizer {

    private static final char SEPARATOR = 0;
    private static final char SKIP = 1;
    private static final char[] FOLD = buildFoldTable();

    /**
     * Regional spellings of one family name share one key: Huỳnh is the southern pronunciation of
     * Hoàng (a 15th-century naming taboo), Võ of Vũ. Only the family names with a documented
     * regional split are listed: folding more (e.g. given names) would merge distinct names.
     */
    private static final Map<String, String> REGIONAL = Map.of(
            "HUYNH", "HOANG",
            "VO", "VU");

    private NameNormalizer() {
    }

    private static char[] buildFoldTable() {
        char[] table = new char[65536];
        for (int c = 0; c < 65536; c++) {
            table[c] = foldOne((char) c);
        }
        table['đ'] = 'D';
        table['Đ'] = 'D';
        // Other Latin letters without a decomposition that foreign passports use.
        table['ø'] = 'O';
        table['Ø'] = 'O';
        table['ł'] = 'L';
        table['Ł'] = 'L';
        table['ß'] = 'S';
        return table;
    }

    private static char foldOne(char c) {
        if (c >= 'a' && c <= 'z') {
            return (char) (c - 32);
        }
        if (c >= 'A' && c <= 'Z') {
            return c;
        }
        if (c < 128) {
            return SEPARATOR;
        }
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
            return SKIP;
        }
        if (Character.isSurrogate(c) || !Character.isLetter(c)) {
            return SEPARATOR;
        }
        String nfd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = nfd.charAt(0);
        if (base < 128 && Character.isLetter(base)) {
            return Character.toUpperCase(base);
        }
        // A letter of another script: keep it, upper-cased, so such names still compare to themselves.
        String upper = String.valueOf(c).toUpperCase(Locale.ROOT);
        return upper.length() == 1 ? upper.charAt(0) : c;
    }

    /**
     * Splits a name into folded tokens in written order.
     *
     * @param name any written name; {@code null} is treated as empty
     * @return upper-case tokens; empty when the name has no letters
     */
    public static List<String> tokens(String name) {
        if (name == null || name.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(4);
        char[] buf = new char[name.length()];
        int len = 0;
        for (int i = 0; i < name.length(); i++) {
            char f = FOLD[name.charAt(i)];
            if (f == SKIP) {
                continue;
            }
            if (f == SEPARATOR) {
                if (len > 0) {
                    out.add(new String(buf, 0, len));
                    len = 0;
                }
            } else {
                buf[len++] = f;
            }
        }
        if (len > 0) {
            out.add(new String(buf, 0, len));
        }
        return out;
    }

    /** Folded tokens joined by single spaces: the display form used in reasons. */
    public static String normalize(String name) {
        return String.join(" ", tokens(name));
    }

    /** The regional key of a folded token: {@code HUYNH -> HOANG}, {@code VO -> VU}, otherwise itself. */
    public static String regionalKey(String token) {
        return REGIONAL.getOrDefault(token, token);
    }

    /**
     * Upper-case letters and digits of a document number: {@code "C 123-4567"} becomes
     * {@code "C1234567"}.
     */
    static String normalizeDocument(String doc) {
        StringBuilder sb = new StringBuilder(doc.length());
        for (int i = 0; i < doc.length(); i++) {
            char c = doc.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else {
                char f = FOLD[c];
                if (f >= 'A' && f <= 'Z') {
                    sb.append(f);
                }
            }
        }
        return sb.toString();
    }

    // ---- hashing shared by the index keys and the scorer (so both agree by construction) ----

    /** 64-bit hash of {@code s} with one character (at {@code skip}, or none if -1) left out. */
    static long hash(long seed, String s, int skip) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < s.length(); i++) {
            if (i != skip) {
                h = (h ^ s.charAt(i)) * 0x100000001B3L;
            }
        }
        return mix(h ^ (s.length() - (skip >= 0 ? 1 : 0)));
    }

    /** SplitMix64 finaliser: spreads FNV's weak low bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The deletion neighbourhood of {@code s} (Mor and Fraenkel 1982; as in SymSpell): the hash of
     * {@code s} and of each string obtained by deleting one character, sorted and de-duplicated.
     * Two strings share a member iff one substitution, insertion, deletion or adjacent
     * transposition (or a one-character rotation) turns one into the other.
     */
    static long[] deletionNeighbourhood(long seed, String s) {
        long[] out = new long[s.length() + 1];
        out[0] = hash(seed, s, -1);
        if (s.length() > 1) {
            for (int i = 0; i < s.length(); i++) {
                out[i + 1] = hash(seed, s, i);
            }
        } else {
            return new long[] {out[0]};
        }
        Arrays.sort(out);
        int n = 1;
        for (int i = 1; i < out.length; i++) {
            if (out[i] != out[n - 1]) {
                out[n++] = out[i];
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** True if the two sorted arrays share a value. */
    static boolean intersects(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }
}
