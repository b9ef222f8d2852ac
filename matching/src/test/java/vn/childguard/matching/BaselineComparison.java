package vn.childguard.matching;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Accuracy side of the benchmark (JMH measures speed): recall and precision of the three
 * approaches on the benchmark's labelled data, index build time and heap per entry. Run by
 * {@code -Pbench} before JMH; see docs/benchmarks.md.
 */
public final class BaselineComparison {

    /** The comparison is a console report of the -Pbench run, read by people, so it goes to standard output. */
    private static final java.io.PrintStream REPORT = System.out;

    private BaselineComparison() {
    }

    public static void main(String[] args) throws Exception {
        BenchData data = BenchData.get();
        Map<String, Identity> byId = new java.util.HashMap<>();
        for (Identity w : data.watchlist) {
            byId.put(w.id(), w);
        }
        long before = usedHeap();
        long t0 = System.nanoTime();
        MatchIndex index = MatchIndex.build(data.watchlist);
        double buildMs = (System.nanoTime() - t0) / 1e6;
        long after = usedHeap();
        REPORT.printf(Locale.ROOT, "engine: build %.0f ms (cold, first build in this JVM), heap %.0f bytes/entry%n",
                buildMs, (after - before) / (double) data.watchlist.size());
        t0 = System.nanoTime();
        try (LuceneBaseline lucene = new LuceneBaseline(data.watchlist, index)) {
            REPORT.printf(Locale.ROOT, "lucene: build %.0f ms, index %.0f bytes/entry%n",
                    (System.nanoTime() - t0) / 1e6, lucene.indexBytes() / (double) data.watchlist.size());
            JaroWinklerBaseline jw = new JaroWinklerBaseline(data.watchlist);
            REPORT.printf(Locale.ROOT, "%-14s %9s %9s %9s %12s%n", "approach", "elig.rec", "all.rec", "precision", "trav/1000");
            report("engine", data, byId, q -> ids(index.match(q)), data.variants.size());
            report("lucene", data, byId, q -> ids(lucene.match(q, MatchIndex.DEFAULT_THRESHOLD)), data.variants.size());
            // Brute force is ~100x slower: a quarter of the labelled records is enough for its recall.
            report("jaro-winkler", data, byId, jw::match, data.variants.size() / 4);
        }
    }

    private static List<String> ids(List<Match> matches) {
        return matches.stream().map(Match::entryId).toList();
    }

    private static void report(String name, BenchData data, Map<String, Identity> byId,
                               Function<Identity, List<String>> matcher, int variants) {
        int tp = 0;
        int fp = 0;
        int eligible = 0;
        int eligibleFound = 0;
        for (int i = 0; i < variants; i++) {
            SyntheticIdentities.Labelled v = data.variants.get(i);
            List<String> alerts = matcher.apply(v.record());
            boolean found = alerts.contains(v.sourceId());
            tp += found ? 1 : 0;
            fp += alerts.size() - (found ? 1 : 0);
            if (Evaluation.isEligible(v, byId.get(v.sourceId()))) {
                eligible++;
                eligibleFound += found ? 1 : 0;
            }
        }
        int travellers = Math.min(data.travellers.size(), variants);
        int travellerAlerts = 0;
        for (int i = 0; i < travellers; i++) {
            travellerAlerts += matcher.apply(data.travellers.get(i)).size();
        }
        REPORT.printf(Locale.ROOT, "%-14s %9.4f %9.4f %9.4f %12.2f%n", name, eligibleFound / (double) eligible,
                tp / (double) variants, tp / (double) Math.max(1, tp + fp), 1000.0 * travellerAlerts / travellers);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
