package vn.childguard.matching;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation behind the threshold and the README numbers: builds a synthetic watchlist, screens
 * labelled variants, hard negatives and non-listed travellers, and prints precision, recall and F1
 * overall and per corruption kind, plus alerts per 1,000 non-listed travellers.
 *
 * <p>"Eligible" variants are those that keep decisive evidence: a full birth date on both sides
 * (possibly swapped or a day off) or the listed document (exact or one digit wrong). The issue's
 * recall/precision target is stated on those; all-variant numbers are printed too.
 */
final class Evaluation {

    record Settings(int entries, int variants, int negatives, int travellers, long seed, double threshold,
                    Map<Corruption, Double> mix) {
    }

    private Evaluation() {
    }

    static void run(Settings s, PrintStream out) {
        SyntheticIdentities gen = new SyntheticIdentities(s.seed());
        List<Identity> watchlist = gen.watchlist(s.entries());
        List<SyntheticIdentities.Labelled> variants = gen.variants(watchlist, s.variants(), s.mix());
        List<SyntheticIdentities.Labelled> negatives = gen.hardNegatives(watchlist, s.negatives());
        List<Identity> travellers = gen.travellers(s.travellers());
        // The same non-listed travellers with one typo in one name token: the rules that weigh a
        // one-edit agreement must not turn them into alerts (the clean travellers cannot show that).
        List<Identity> typoTravellers = new ArrayList<>(travellers.size());
        for (Identity t : travellers) {
            typoTravellers.add(gen.variant(t, Corruption.TYPO, "TT" + typoTravellers.size()).record());
        }

        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        MatchIndex index = MatchIndex.build(watchlist);
        long buildNanos = System.nanoTime() - t0;
        long heapAfter = usedHeap();
        Map<String, Identity> byId = new java.util.HashMap<>();
        for (Identity w : watchlist) {
            byId.put(w.id(), w);
        }

        List<List<Match>> variantAlerts = new ArrayList<>(variants.size());
        List<List<Match>> negativeAlerts = new ArrayList<>(negatives.size());
        List<List<Match>> travellerAlerts = new ArrayList<>(travellers.size());
        long screenStart = System.nanoTime();
        // Threshold 0 keeps every pair with decisive evidence, so one pass serves every threshold below.
        for (SyntheticIdentities.Labelled v : variants) {
            variantAlerts.add(index.match(v.record(), 0.0));
        }
        for (SyntheticIdentities.Labelled n : negatives) {
            negativeAlerts.add(index.match(n.record(), 0.0));
        }
        for (Identity t : travellers) {
            travellerAlerts.add(index.match(t, 0.0));
        }
        double seconds = (System.nanoTime() - screenStart) / 1e9;
        List<List<Match>> typoTravellerAlerts = new ArrayList<>(typoTravellers.size());
        for (Identity t : typoTravellers) {
            typoTravellerAlerts.add(index.match(t, 0.0));
        }
        int screened = variants.size() + negatives.size() + travellers.size();

        out.printf(Locale.ROOT, "watchlist %d entries, seed %d, %d variants, %d hard negatives, %d travellers%n",
                s.entries(), s.seed(), variants.size(), negatives.size(), travellers.size());
        out.printf(Locale.ROOT, "index build %.0f ms, heap %.0f bytes/entry (Runtime used-heap delta after GC), %d keys, %d postings%n",
                buildNanos / 1e6, (heapAfter - heapBefore) / (double) s.entries(), index.keyCount(), index.postingCount());
        out.printf(Locale.ROOT, "screened %d records in %.2f s single-threaded at threshold 0 (every decisive pair, with reasons;"
                + " cold JIT; the benchmark is MatchingBenchmark): %.0f records/s%n", screened, seconds, screened / seconds);

        out.printf(Locale.ROOT, "%nthreshold sweep (eligible = keeps a full birth date or the document)%n");
        out.printf(Locale.ROOT, "%9s %6s %10s %10s %10s %10s %12s %14s%n", "threshold", "bits", "elig.prec", "elig.rec",
                "all.rec", "neg.alert%", "trav/1000", "typo.trav/1000");
        for (double bits = 18; bits <= 25.01; bits += 0.25) {
            double t = 1.0 / (1.0 + Math.pow(2.0, Scorer.MIDPOINT_BITS - bits));
            Tally tally = tally(variants, variantAlerts, negativeAlerts, travellerAlerts, byId, t);
            int typoAlerts = 0;
            for (List<Match> alerts : typoTravellerAlerts) {
                typoAlerts += count(alerts, t);
            }
            out.printf(Locale.ROOT, "%9.4f %6.1f %10.4f %10.4f %10.4f %10.2f %12.2f %14.2f%n", t, bits,
                    precision(tally.eligible), recall(tally.eligible), recall(tally.all),
                    100.0 * tally.negativesAlerted / Math.max(1, negatives.size()),
                    1000.0 * tally.travellerAlerts / Math.max(1, travellers.size()),
                    1000.0 * typoAlerts / Math.max(1, typoTravellers.size()));
        }

        Tally tally = tally(variants, variantAlerts, negativeAlerts, travellerAlerts, byId, s.threshold());
        out.printf(Locale.ROOT, "%nat threshold %.4f%n", s.threshold());
        out.printf(Locale.ROOT, "%-28s %7s %7s %7s %7s %9s %7s %7s %8s %9s%n", "kind", "n", "tp", "fn", "fp", "precision",
                "recall", "f1", "elig.n", "elig.rec");
        for (Map.Entry<Corruption, int[]> e : tally.perKind.entrySet()) {
            int[] el = tally.perKindEligible.getOrDefault(e.getKey(), new int[4]);
            line(out, e.getKey().name(), e.getValue(), el);
        }
        line(out, "ALL variants", tally.all);
        line(out, "ELIGIBLE (+hard negatives)", tally.eligible);
        out.printf(Locale.ROOT, "hard negatives: %d records, %d alerted (%.2f%%), %d alerts%n", negatives.size(),
                tally.negativesAlerted, 100.0 * tally.negativesAlerted / Math.max(1, negatives.size()), tally.negativeAlerts);
        out.printf(Locale.ROOT, "non-listed travellers with full birth dates: %d records, %d alerts = %.2f per 1,000%n",
                travellers.size(), tally.travellerAlerts, 1000.0 * tally.travellerAlerts / Math.max(1, travellers.size()));
        // The floor no engine can beat while alerting on an exact copy: different people with the
        // same folded name and the same full birth date as a listed person.
        Map<String, Integer> nameDate = new java.util.HashMap<>();
        for (Identity w : watchlist) {
            if (w.birthDate().isFull()) {
                nameDate.merge(NameNormalizer.normalize(w.fullName()) + "|" + w.birthDate(), 1, Integer::sum);
            }
        }
        int twins = 0;
        for (Identity t : travellers) {
            twins += nameDate.getOrDefault(NameNormalizer.normalize(t.fullName()) + "|" + t.birthDate(), 0);
        }
        out.printf(Locale.ROOT, "collision floor: entries with the same folded name and full birth date as a non-listed traveller = %.2f per 1,000%n",
                1000.0 * twins / Math.max(1, travellers.size()));
    }

    private static final class Tally {
        final Map<Corruption, int[]> perKind = new EnumMap<>(Corruption.class); // tp, fn, fp, n
        final Map<Corruption, int[]> perKindEligible = new EnumMap<>(Corruption.class);
        final int[] eligible = new int[4];
        final int[] all = new int[4];
        int negativeAlerts;
        int negativesAlerted;
        int travellerAlerts;
    }

    private static Tally tally(List<SyntheticIdentities.Labelled> variants, List<List<Match>> variantAlerts,
                               List<List<Match>> negativeAlerts, List<List<Match>> travellerAlerts,
                               Map<String, Identity> byId, double threshold) {
        Tally t = new Tally();
        for (int i = 0; i < variants.size(); i++) {
            SyntheticIdentities.Labelled v = variants.get(i);
            boolean found = false;
            int fp = 0;
            for (Match m : variantAlerts.get(i)) {
                if (m.score() < threshold) {
                    continue;
                }
                if (m.entryId().equals(v.sourceId())) {
                    found = true;
                } else {
                    fp++;
                }
            }
            add(t.perKind.computeIfAbsent(v.corruption(), c -> new int[4]), found, fp);
            add(t.all, found, fp);
            if (isEligible(v, byId.get(v.sourceId()))) {
                add(t.eligible, found, fp);
                add(t.perKindEligible.computeIfAbsent(v.corruption(), c -> new int[4]), found, fp);
            }
        }
        for (List<Match> alerts : negativeAlerts) {
            int a = count(alerts, threshold);
            t.negativeAlerts += a;
            t.negativesAlerted += a > 0 ? 1 : 0;
        }
        // Hard negatives' alerts are false positives of the labelled set.
        t.eligible[2] += t.negativeAlerts;
        for (List<Match> alerts : travellerAlerts) {
            t.travellerAlerts += count(alerts, threshold);
        }
        return t;
    }

    private static int count(List<Match> alerts, double threshold) {
        int n = 0;
        for (Match m : alerts) {
            n += m.score() >= threshold ? 1 : 0;
        }
        return n;
    }

    private static double precision(int[] k) {
        return k[0] + k[2] == 0 ? 1.0 : k[0] / (double) (k[0] + k[2]);
    }

    private static double recall(int[] k) {
        return k[0] + k[1] == 0 ? 1.0 : k[0] / (double) (k[0] + k[1]);
    }

    static boolean isEligible(SyntheticIdentities.Labelled v, Identity entry) {
        boolean dates = v.record().birthDate().isFull() && entry.birthDate().isFull();
        boolean docs = !entry.documents().isEmpty() && !v.record().documents().isEmpty()
                && (v.record().documents().equals(entry.documents()) || v.corruption() == Corruption.DOCUMENT_ONE_DIGIT);
        return dates || docs;
    }

    private static void add(int[] k, boolean found, int fp) {
        k[0] += found ? 1 : 0;
        k[1] += found ? 0 : 1;
        k[2] += fp;
        k[3]++;
    }

    private static void line(PrintStream out, String label, int[] k) {
        double p = precision(k);
        double r = recall(k);
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        out.printf(Locale.ROOT, "%-28s %7d %7d %7d %7d %9.4f %7.4f %7.4f%n", label, k[3], k[0], k[1], k[2], p, r, f);
    }

    /** A per-kind line with the kind's eligible subset (count and recall) appended. */
    private static void line(PrintStream out, String label, int[] k, int[] eligible) {
        double p = precision(k);
        double r = recall(k);
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        out.printf(Locale.ROOT, "%-28s %7d %7d %7d %7d %9.4f %7.4f %7.4f %8d %9s%n", label, k[3], k[0], k[1], k[2], p, r, f,
                eligible[3], eligible[3] == 0 ? "-" : String.format(Locale.ROOT, "%.4f", recall(eligible)));
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    static List<Identity> records(List<SyntheticIdentities.Labelled> labelled) {
        List<Identity> out = new ArrayList<>(labelled.size());
        for (SyntheticIdentities.Labelled l : labelled) {
            out.add(l.record());
        }
        return out;
    }
}
