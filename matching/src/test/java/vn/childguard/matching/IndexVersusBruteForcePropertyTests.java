package vn.childguard.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The blocking index must never lose an alert: on random watchlists and random queries (labelled
 * variants of every kind, hard negatives, strangers), {@link MatchIndex#match} returns exactly the
 * alerts of scoring every entry with the same scorer.
 */
class IndexVersusBruteForcePropertyTests {

    @Property(tries = 40)
    void indexReturnsTheSameAlertsAsBruteForce(@ForAll long seed, @ForAll @IntRange(min = 50, max = 1500) int size,
                                               @ForAll @DoubleRange(min = 0.0, max = 0.99) double threshold) {
        SyntheticIdentities gen = new SyntheticIdentities(seed);
        List<Identity> watchlist = gen.watchlist(size);
        MatchIndex index = MatchIndex.build(watchlist);
        List<Identity> queries = new ArrayList<>();
        for (SyntheticIdentities.Labelled v : gen.variants(watchlist, 60, SyntheticIdentities.defaultMix())) {
            queries.add(v.record());
        }
        for (SyntheticIdentities.Labelled v : gen.hardNegatives(watchlist, 10)) {
            queries.add(v.record());
        }
        queries.addAll(gen.travellers(10));
        for (Identity q : queries) {
            assertThat(index.match(q, threshold)).as(q.toString()).isEqualTo(index.scanAll(q, threshold));
        }
    }

    @Property(tries = 15)
    void incrementalChangesEqualARebuild(@ForAll long seed, @ForAll @IntRange(min = 20, max = 400) int size) {
        SyntheticIdentities gen = new SyntheticIdentities(seed);
        List<Identity> watchlist = gen.watchlist(size + 10);
        List<Identity> base = watchlist.subList(0, size);
        List<Identity> added = watchlist.subList(size, size + 10);
        List<String> removed = List.of(base.get(0).id(), base.get(size / 2).id());
        MatchIndex changed = MatchIndex.build(base).withChanges(added, removed);
        List<Identity> expected = new ArrayList<>(watchlist);
        expected.removeIf(i -> removed.contains(i.id()));
        MatchIndex rebuilt = MatchIndex.build(expected);
        for (SyntheticIdentities.Labelled v : gen.variants(expected, 30, SyntheticIdentities.defaultMix())) {
            assertThat(changed.match(v.record(), 0.3)).isEqualTo(rebuilt.match(v.record(), 0.3));
        }
    }
}
