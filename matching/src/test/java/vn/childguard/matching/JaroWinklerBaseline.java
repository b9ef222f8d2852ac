package vn.childguard.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Baseline (a): brute-force Jaro-Winkler (Winkler 1990) of the folded full name against every
 * entry, alerting when similarity reaches {@link #NAME_THRESHOLD} and the birth date or a document
 * agrees exactly, the rule a team would write first.
 */
final class JaroWinklerBaseline {

    static final double NAME_THRESHOLD = 0.90;

    private final String[] ids;
    private final String[] names;
    private final int[] dates;
    private final String[][] docs;

    JaroWinklerBaseline(List<Identity> entries) {
        int n = entries.size();
        ids = new String[n];
        names = new String[n];
        dates = new int[n];
        docs = new String[n][];
        for (int e = 0; e < n; e++) {
            Identity i = entries.get(e);
            ids[e] = i.id();
            names[e] = NameNormalizer.normalize(i.fullName());
            dates[e] = i.birthDate().packed();
            docs[e] = i.documents().stream().map(NameNormalizer::normalizeDocument).toArray(String[]::new);
        }
    }

    List<String> match(Identity q) {
        String name = NameNormalizer.normalize(q.fullName());
        int date = q.birthDate().packed();
        String[] qd = q.documents().stream().map(NameNormalizer::normalizeDocument).toArray(String[]::new);
        List<String> out = new ArrayList<>(2);
        for (int e = 0; e < ids.length; e++) {
            double sim = similarity(name, names[e]);
            if (sim < NAME_THRESHOLD) {
                continue;
            }
            boolean decisive = date != 0 && Dates.isFull(date) && date == dates[e];
            for (String d : qd) {
                for (String ed : docs[e]) {
                    decisive |= d.equals(ed);
                }
            }
            if (decisive) {
                out.add(ids[e]);
            }
        }
        return out;
    }

    static double similarity(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0;
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        long matchedA = 0;
        long matchedB = 0;
        boolean[] ma = la > 64 ? new boolean[la] : null;
        boolean[] mb = lb > 64 ? new boolean[lb] : null;
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                boolean used = mb != null ? mb[j] : (matchedB & (1L << j)) != 0;
                if (!used && a.charAt(i) == b.charAt(j)) {
                    if (mb != null) {
                        mb[j] = true;
                        ma[i] = true;
                    } else {
                        matchedB |= 1L << j;
                        matchedA |= 1L << i;
                    }
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int t = 0;
        int k = 0;
        for (int i = 0; i < la; i++) {
            boolean mi = ma != null ? ma[i] : (matchedA & (1L << i)) != 0;
            if (mi) {
                while (!(mb != null ? mb[k] : (matchedB & (1L << k)) != 0)) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    t++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - t / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(la, lb)) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
