package vn.childguard.matching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The one data set every benchmark and the baseline comparison use: a 100,000-entry synthetic
 * watchlist (seed 42) and a screening stream of labelled variants (1 in 4) among non-listed
 * travellers, built once per JVM.
 */
final class BenchData {

    static final int ENTRIES = Integer.getInteger("bench.entries", 100_000);
    static final int VARIANTS = 1_000;
    static final int TRAVELLERS = 3_000;

    final List<Identity> watchlist;
    final List<SyntheticIdentities.Labelled> variants;
    final List<Identity> travellers;
    final Identity[] stream;

    private static BenchData instance;

    private BenchData() {
        SyntheticIdentities gen = new SyntheticIdentities(42);
        watchlist = gen.watchlist(ENTRIES);
        variants = gen.variants(watchlist, VARIANTS, SyntheticIdentities.defaultMix());
        travellers = gen.travellers(TRAVELLERS);
        List<Identity> all = new ArrayList<>(Evaluation.records(variants));
        all.addAll(travellers);
        Collections.shuffle(all, new Random(42));
        stream = all.toArray(Identity[]::new);
    }

    static synchronized BenchData get() {
        if (instance == null) {
            instance = new BenchData();
        }
        return instance;
    }
}
