package vn.childguard.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Immutable, thread-safe index of identities (a watchlist, or the people already in casework)
 * that finds the entries matching one query identity.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #match(Identity)} returns every entry the engine alerts on, sorted by score
 *       descending (ties by entry id); it is exactly what scoring every entry would give
 *       ({@link #scanAll(Identity, double)}), only faster.</li>
 *   <li>Scores are in [0,1]. An alert needs {@code score >= threshold} <em>and</em> decisive
 *       evidence: a full birth date that agrees (exactly, day/month swapped or one day apart), a
 *       document that agrees (exactly or within one edit), or a year-only birth date that agrees
 *       together with an agreeing name token rarer than {@value Scorer#STRONG_TOKEN_BITS} bits.
 *       A name alone never alerts, whatever the threshold.</li>
 *   <li>{@link #candidates(Identity, int)} also returns non-alerting candidates, including those
 *       that share only the name (for search-before-create).</li>
 *   <li>Updates: {@link #withChanges(Collection, Collection)} returns a new index; the old one
 *       stays valid. It re-indexes from the already-folded entries (no re-normalisation), which is
 *       fast enough (well under the 2 s build target at 100,000 entries) to make a mutable overlay
 *       unnecessary.</li>
 * </ul>
 *
 * <h2>Implementation notes</h2>
 * Candidate generation is blocking on keys that every alertable pair shares, so it loses no alert
 * (the property tests check this against the brute-force scan):
 * <ul>
 *   <li>full birth date: exact, day/month swapped, and ±1 day probes;</li>
 *   <li>documents: deletion neighbourhood of the normalised number (one substitution, insertion,
 *       deletion or transposition), as in SymSpell;</li>
 *   <li>year-only dates: birth year × deletion neighbourhood of each name token's regional key,
 *       probed only for query tokens rare enough to open an alert;</li>
 *   <li>names only (for {@link #candidates}): the set of regional keys and its drop-one subsets.</li>
 * </ul>
 * Postings are {@code int[]} in a {@link KeyTable}; entries are stored as parallel primitive
 * arrays (tokens as vocabulary numbers) so that a 100,000-entry index stays well under 1.5 KB
 * per entry. Scoring is in {@link Scorer}.
 */
public final class MatchIndex {

    /**
     * Default alert threshold on the score, chosen with the evaluation command on synthetic data
     * (see README): 0.5 is a total evidence of {@value Scorer#MIDPOINT_BITS} bits, the point that keeps
     * alerts on non-listed travellers under 2 per 1,000 at 100,000 entries.
     */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private static final long K_DATE = 0x1000_0000_0000_0001L;
    private static final long K_YEAR_ONLY_TOKEN = 0x2000_0000_0000_0003L;
    private static final long K_YEAR_TOKEN = 0x3000_0000_0000_0005L;
    private static final long K_DOCUMENT = 0x4000_0000_0000_0007L;
    private static final long K_NAME = 0x5000_0000_0000_0009L;
    /** Name-only keys are for browsing: a few hundred per key is all a caseworker would look at. */
    private static final int NAME_POSTINGS_CAP = 256;
    private static final Sex[] SEXES = Sex.values();

    // ---- entries (parallel arrays) ----
    private final String[] ids;
    private final int[] tokenOffsets;
    private final int[] tokens;
    private final int[] dates;
    private final byte[] sexes;
    private final short[] nationalities;
    private final String[] nationalityCodes;
    private final int[] docOffsets;
    private final String[] docs;
    private final long[][] docNeighbourhoods;
    // ---- vocabulary: folded token -> number; regional key ("canonical") -> number ----
    private final Map<String, Integer> tokenIds;
    private final String[] tokenText;
    private final int[] tokenCanon;
    private final Map<String, Integer> canonIds;
    private final String[] canonText;
    private final long[][] canonNeighbourhoods;
    private final double[] canonWeight;
    private final double[] canonTypoWeight;
    /** Rarity in bits of agreeing within one edit of this token: {@code -log2} of its neighbours' total share. */
    private final double[] canonNeighbourBits;
    /** Token deletion-neighbourhood member -> canonical tokens that have it (for query tokens unknown here). */
    private final Map<Long, int[]> canonsByNeighbour;
    private final int[] canonDf;
    /** Token present in enough entries to be a name in its own right rather than a misspelling. */
    private final boolean[] canonEstablished;
    private final KeyTable keys;
    private final Map<String, Integer> entryById;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(this::newScratch);

    private MatchIndex(List<Prepared> entries) {
        int n = entries.size();
        ids = new String[n];
        tokenOffsets = new int[n + 1];
        dates = new int[n];
        sexes = new byte[n];
        nationalities = new short[n];
        docOffsets = new int[n + 1];
        entryById = HashMap.newHashMap(n);
        tokenIds = new HashMap<>();
        canonIds = new HashMap<>();
        List<String> tokenList = new ArrayList<>();
        List<Integer> tokenCanonList = new ArrayList<>();
        List<String> canonList = new ArrayList<>();
        Map<String, Integer> natIds = new HashMap<>();
        List<String> natList = new ArrayList<>();
        natList.add("");
        natIds.put("", 0);
        int tokenCount = 0;
        int docCount = 0;
        for (Prepared p : entries) {
            tokenCount += p.tokens.length;
            docCount += p.documents.length;
        }
        tokens = new int[tokenCount];
        docs = new String[docCount];
        docNeighbourhoods = new long[docCount][];
        int[] df = new int[16];
        int t = 0;
        int d = 0;
        int[] seenCanon = new int[Prepared.MAX_TOKENS];
        for (int e = 0; e < n; e++) {
            Prepared p = entries.get(e);
            if (entryById.putIfAbsent(p.id, e) != null) {
                throw new IllegalArgumentException("duplicate id: " + p.id);
            }
            ids[e] = p.id;
            tokenOffsets[e] = t;
            int distinct = 0;
            for (int i = 0; i < p.tokens.length; i++) {
                String canon = p.canonical[i];
                Integer c = canonIds.get(canon);
                if (c == null) {
                    c = canonList.size();
                    canonIds.put(canon, c);
                    canonList.add(canon);
                    if (c == df.length) {
                        df = Arrays.copyOf(df, c * 2);
                    }
                }
                Integer id = tokenIds.get(p.tokens[i]);
                if (id == null) {
                    id = tokenList.size();
                    tokenIds.put(p.tokens[i], id);
                    tokenList.add(p.tokens[i]);
                    tokenCanonList.add(c);
                }
                tokens[t++] = id;
                boolean counted = false;
                for (int k = 0; k < distinct; k++) {
                    counted |= seenCanon[k] == c;
                }
                if (!counted) {
                    seenCanon[distinct++] = c;
                    df[c]++;
                }
            }
            dates[e] = p.date;
            sexes[e] = (byte) p.sex.ordinal();
            nationalities[e] = natIds.computeIfAbsent(p.nationality, k -> {
                natList.add(k);
                return natList.size() - 1;
            }).shortValue();
            docOffsets[e] = d;
            for (int i = 0; i < p.documents.length; i++) {
                docs[d] = p.documents[i];
                docNeighbourhoods[d++] = p.documentNeighbourhoods[i];
            }
        }
        tokenOffsets[n] = t;
        docOffsets[n] = d;
        if (natList.size() > Short.MAX_VALUE) {
            throw new IllegalArgumentException("too many distinct nationalities");
        }
        nationalityCodes = natList.toArray(String[]::new);
        tokenText = tokenList.toArray(String[]::new);
        tokenCanon = tokenCanonList.stream().mapToInt(Integer::intValue).toArray();
        canonText = canonList.toArray(String[]::new);
        int cn = canonText.length;
        canonNeighbourhoods = new long[cn][];
        canonWeight = new double[cn];
        canonTypoWeight = new double[cn];
        canonNeighbourBits = new double[cn];
        canonEstablished = new boolean[cn];
        int establishedDf = establishedDf(n);
        Map<Long, List<Integer>> byNeighbour = new HashMap<>();
        for (int c = 0; c < cn; c++) {
            canonNeighbourhoods[c] = NameNormalizer.deletionNeighbourhood(Prepared.TOKEN_SEED, canonText[c]);
            canonWeight[c] = NamePriors.bits(n, df[c], canonText[c]);
            canonEstablished[c] = df[c] >= establishedDf;
            for (long h : canonNeighbourhoods[c]) {
                byNeighbour.computeIfAbsent(h, k -> new ArrayList<>(2)).add(c);
            }
        }
        // Typo weight: how rare is agreement within one edit of this token? Short syllables have
        // many neighbours (TRAN/TRANG, LE/LY/LAN...), so a one-edit agreement on them says little.
        int[] mark = new int[cn];
        Arrays.fill(mark, -1);
        for (int c = 0; c < cn; c++) {
            long neighbourDf = 0;
            for (long h : canonNeighbourhoods[c]) {
                for (int o : byNeighbour.get(h)) {
                    if (mark[o] != c) {
                        mark[o] = c;
                        neighbourDf += df[o];
                    }
                }
            }
            double factor = canonText[c].length() <= 3 ? Scorer.TYPO_FACTOR_SHORT : Scorer.TYPO_FACTOR_LONG;
            canonNeighbourBits[c] = NamePriors.bits(n, (int) Math.min(Integer.MAX_VALUE, neighbourDf), canonText[c]);
            canonTypoWeight[c] = Math.max(0.0, Math.min(canonWeight[c] * factor, canonNeighbourBits[c] - Scorer.TYPO_DISCOUNT));
        }
        canonsByNeighbour = new HashMap<>(byNeighbour.size() * 2);
        for (Map.Entry<Long, List<Integer>> en : byNeighbour.entrySet()) {
            canonsByNeighbour.put(en.getKey(), en.getValue().stream().mapToInt(Integer::intValue).toArray());
        }
        canonDf = df;
        keys = KeyTable.build(indexKeys(entries));
    }

    /** An established name occurs in at least 1 in 10,000 entries, and at least 3. */
    private static int establishedDf(int n) {
        return Math.max(3, n / 10_000);
    }

    private KeyTable.Pairs indexKeys(List<Prepared> entries) {
        // Sized in a first pass: growing by doubling would copy ~3 M pairs several times at 100k entries.
        long expected = 0;
        for (Prepared p : entries) {
            int perYear = 0;
            for (long[] nb : p.tokenNeighbourhoods) {
                perYear += nb.length;
            }
            expected += 1 + (p.date == 0 ? 0 : Dates.isFull(p.date) ? perYear : 2L * perYear);
            for (long[] nb : p.documentNeighbourhoods) {
                expected += nb.length;
            }
            expected += p.tokens.length + 1;
        }
        KeyTable.Pairs pairs = new KeyTable.Pairs((int) Math.min(Integer.MAX_VALUE - 8, expected));
        for (int e = 0; e < entries.size(); e++) {
            Prepared p = entries.get(e);
            int date = p.date;
            if (date != 0 && Dates.isFull(date)) {
                pairs.add(dateKey(date), e);
            }
            if (date != 0) {
                int year = Dates.year(date);
                for (long[] nb : p.tokenNeighbourhoods) {
                    for (long h : nb) {
                        pairs.add(yearTokenKey(K_YEAR_TOKEN, year, h), e);
                        if (!Dates.isFull(date)) {
                            pairs.add(yearTokenKey(K_YEAR_ONLY_TOKEN, year, h), e);
                        }
                    }
                }
            }
            for (long[] nb : p.documentNeighbourhoods) {
                for (long h : nb) {
                    pairs.add(NameNormalizer.mix(K_DOCUMENT ^ h), e);
                }
            }
            for (long k : nameKeys(p.canonical)) {
                pairs.add(k, e);
            }
        }
        return pairs;
    }

    private static long dateKey(int packed) {
        return NameNormalizer.mix(K_DATE + packed * 0x9E3779B97F4A7C15L);
    }

    private static long yearTokenKey(long type, int year, long tokenHash) {
        return NameNormalizer.mix(type ^ (tokenHash + year * 0xC2B2AE3D27D4EB4FL));
    }

    /** The sorted set of regional keys, and each subset with one token dropped (3+ tokens). */
    private static long[] nameKeys(String[] canonical) {
        int m = canonical.length;
        if (m == 0) {
            return new long[0];
        }
        long[] h = new long[m];
        for (int i = 0; i < m; i++) {
            h[i] = NameNormalizer.hash(K_NAME, canonical[i], -1);
        }
        Arrays.sort(h);
        long[] out = new long[m >= 3 ? m + 1 : 1];
        out[0] = combine(h, -1);
        if (m >= 3) {
            for (int drop = 0; drop < m; drop++) {
                out[drop + 1] = combine(h, drop);
            }
        }
        return out;
    }

    private static long combine(long[] sortedHashes, int drop) {
        long k = K_NAME;
        for (int i = 0; i < sortedHashes.length; i++) {
            if (i != drop) {
                k = NameNormalizer.mix(k ^ sortedHashes[i]);
            }
        }
        return k;
    }

    // ---------------------------------------------------------------- public API

    /**
     * Builds an index.
     *
     * @throws IllegalArgumentException on a duplicate id
     */
    public static MatchIndex build(Collection<Identity> entries) {
        List<Prepared> prepared = new ArrayList<>(entries.size());
        for (Identity i : entries) {
            prepared.add(Prepared.of(i));
        }
        return new MatchIndex(prepared);
    }

    /** Number of entries. */
    public int size() {
        return ids.length;
    }

    /** Whether an entry has this id. */
    public boolean contains(String id) {
        return entryById.containsKey(id);
    }

    /**
     * A new index with {@code added} entries (replacing any entry with the same id) and without
     * the entries whose ids are in {@code removedIds}. Token rarity weights are recomputed, so
     * scores reflect the new population.
     */
    public MatchIndex withChanges(Collection<Identity> added, Collection<String> removedIds) {
        Set<String> drop = new HashSet<>(removedIds);
        for (Identity i : added) {
            drop.add(i.id());
        }
        List<Prepared> out = new ArrayList<>(ids.length + added.size());
        for (int e = 0; e < ids.length; e++) {
            if (!drop.contains(ids[e])) {
                out.add(unprepare(e));
            }
        }
        for (Identity i : added) {
            out.add(Prepared.of(i));
        }
        return new MatchIndex(out);
    }

    private Prepared unprepare(int e) {
        String[] toks = new String[tokenOffsets[e + 1] - tokenOffsets[e]];
        for (int i = 0; i < toks.length; i++) {
            toks[i] = tokenText[tokens[tokenOffsets[e] + i]];
        }
        String[] ds = Arrays.copyOfRange(docs, docOffsets[e], docOffsets[e + 1]);
        return new Prepared(ids[e], toks, dates[e], sex(e), ds, nationality(e));
    }

    /** Alerts for {@code query} at {@link #DEFAULT_THRESHOLD}. */
    public List<Match> match(Identity query) {
        return match(query, DEFAULT_THRESHOLD);
    }

    /** Alerts for {@code query} at {@code threshold}, best first. */
    public List<Match> match(Identity query, double threshold) {
        Scratch s = scratch.get();
        Query q = resolve(Prepared.of(query));
        collectDecisive(q, s, threshold <= Scorer.MAX_YEAR_ONLY_SCORE);
        return scoreCandidates(q, s, threshold, true, Integer.MAX_VALUE);
    }

    /**
     * Up to {@code limit} best candidates for {@code query}, alerting or not, including those that
     * only share the name (for search-before-create and de-duplication screens).
     */
    public List<Match> candidates(Identity query, int limit) {
        Scratch s = scratch.get();
        Query q = resolve(Prepared.of(query));
        collectDecisive(q, s, true);
        for (long k : nameKeys(q.prepared.canonical)) {
            addPostings(k, s, NAME_POSTINGS_CAP);
        }
        return scoreCandidates(q, s, DEFAULT_THRESHOLD, false, limit);
    }

    /** Brute force: scores every entry. The reference that the index must agree with (tests, benchmarks). */
    List<Match> scanAll(Identity query, double threshold) {
        Scratch s = scratch.get();
        Query q = resolve(Prepared.of(query));
        s.reset();
        for (int e = 0; e < ids.length; e++) {
            s.add(e);
        }
        return scoreCandidates(q, s, threshold, true, Integer.MAX_VALUE);
    }

    /**
     * Scores the given entry numbers only (for baselines that bring their own candidate
     * generation, e.g. the Lucene comparison) and returns the alerts among them.
     */
    List<Match> scoreEntries(Identity query, int[] entries, int count, double threshold) {
        Scratch s = scratch.get();
        Query q = resolve(Prepared.of(query));
        s.reset();
        for (int i = 0; i < count; i++) {
            s.add(entries[i]);
        }
        return scoreCandidates(q, s, threshold, true, Integer.MAX_VALUE);
    }

    /** Number of candidates the blocking keys produce for {@code query} (diagnostics). */
    int candidateCount(Identity query) {
        Scratch s = scratch.get();
        collectDecisive(resolve(Prepared.of(query)), s, true);
        return s.size;
    }

    // ---------------------------------------------------------------- query internals

    /** A prepared query resolved against this index's vocabulary. */
    static final class Query {
        final Prepared prepared;
        final int[] tokenIds;
        final int[] canonIds;
        final double[] weights;
        final boolean[] established;
        /** Per token: rarity in bits of agreeing within one edit of it (see {@link Scorer#NONWORD_DISCOUNT}). */
        final double[] neighbourBits;

        Query(Prepared prepared, int[] tokenIds, int[] canonIds, double[] weights, boolean[] established,
              double[] neighbourBits) {
            this.prepared = prepared;
            this.tokenIds = tokenIds;
            this.canonIds = canonIds;
            this.weights = weights;
            this.established = established;
            this.neighbourBits = neighbourBits;
        }
    }

    Query resolve(Prepared p) {
        int m = p.tokens.length;
        int[] t = new int[m];
        int[] c = new int[m];
        double[] w = new double[m];
        boolean[] est = new boolean[m];
        double[] nb = new double[m];
        for (int i = 0; i < m; i++) {
            t[i] = tokenIds.getOrDefault(p.tokens[i], -1);
            c[i] = canonIds.getOrDefault(p.canonical[i], -1);
            w[i] = c[i] >= 0 ? canonWeight[c[i]] : NamePriors.bits(ids.length, 0, p.canonical[i]);
            est[i] = c[i] >= 0 && canonEstablished[c[i]];
            nb[i] = est[i] ? 0 : c[i] >= 0 ? canonNeighbourBits[c[i]] : neighbourBits(p.tokenNeighbourhoods[i], p.canonical[i]);
        }
        return new Query(p, t, c, w, est, nb);
    }

    /**
     * Collects every entry that shares a decisive key with {@code q}. Year-only keys are skipped
     * when {@code yearOnly} is false: the caller's threshold is above the best score a pair with
     * only a year agreement can reach, so those entries could not alert anyway.
     */
    private void collectDecisive(Query q, Scratch s, boolean yearOnly) {
        s.reset();
        Prepared p = q.prepared;
        int date = p.date;
        if (date != 0) {
            int year = Dates.year(date);
            if (Dates.isFull(date)) {
                addPostings(dateKey(date), s, Integer.MAX_VALUE);
                int sw = Dates.swapped(date);
                if (sw != 0) {
                    addPostings(dateKey(sw), s, Integer.MAX_VALUE);
                }
                long days = Dates.toDays(date);
                addPostings(dateKey(Dates.fromDays(days - 1)), s, Integer.MAX_VALUE);
                addPostings(dateKey(Dates.fromDays(days + 1)), s, Integer.MAX_VALUE);
            }
            long type = Dates.isFull(date) ? K_YEAR_ONLY_TOKEN : K_YEAR_TOKEN;
            for (int i = 0; yearOnly && i < p.tokens.length; i++) {
                if (q.weights[i] >= Scorer.STRONG_TOKEN_BITS) {
                    for (long h : p.tokenNeighbourhoods[i]) {
                        addPostings(yearTokenKey(type, year, h), s, Integer.MAX_VALUE);
                    }
                }
            }
        }
        for (long[] nb : p.documentNeighbourhoods) {
            for (long h : nb) {
                addPostings(NameNormalizer.mix(K_DOCUMENT ^ h), s, Integer.MAX_VALUE);
            }
        }
    }

    private void addPostings(long key, Scratch s, int cap) {
        int slot = keys.find(key);
        if (slot < 0) {
            return;
        }
        int to = keys.from(slot) + Math.min(cap, keys.to(slot) - keys.from(slot));
        for (int i = keys.from(slot); i < to; i++) {
            s.add(keys.posting(i));
        }
    }

    private List<Match> scoreCandidates(Query q, Scratch s, double threshold, boolean alertsOnly, int limit) {
        Scorer.Evidence ev = s.evidence;
        List<Match> out = new ArrayList<>();
        for (int k = 0; k < s.size; k++) {
            int e = s.candidates[k];
            Scorer.score(this, q, e, ev);
            double score = ev.score();
            boolean alert = score >= threshold && ev.hasDecisiveEvidence();
            if (alert || !alertsOnly) {
                out.add(new Match(ids[e], score, alert,
                        ev.reasons(q.prepared.tokens.length, tokenOffsets[e + 1] - tokenOffsets[e])));
            }
        }
        out.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::entryId));
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }

    private Scratch newScratch() {
        return new Scratch(ids.length);
    }

    /** Per-thread candidate set: a stamp array de-duplicates postings without clearing per query. */
    static final class Scratch {
        final int[] stamp;
        int[] candidates = new int[256];
        int size;
        int generation;
        final Scorer.Evidence evidence = new Scorer.Evidence();

        Scratch(int n) {
            stamp = new int[n];
        }

        void reset() {
            size = 0;
            generation++;
            if (generation == 0) {
                Arrays.fill(stamp, 0);
                generation = 1;
            }
        }

        void add(int e) {
            if (stamp[e] == generation) {
                return;
            }
            stamp[e] = generation;
            if (size == candidates.length) {
                candidates = Arrays.copyOf(candidates, size * 2);
            }
            candidates[size++] = e;
        }
    }

    // ---------------------------------------------------------------- accessors for Scorer

    int tokenFrom(int e) {
        return tokenOffsets[e];
    }

    int tokenTo(int e) {
        return tokenOffsets[e + 1];
    }

    int token(int i) {
        return tokens[i];
    }

    int canonOf(int token) {
        return tokenCanon[token];
    }

    String canonical(int canon) {
        return canonText[canon];
    }

    double weight(int canon) {
        return canonWeight[canon];
    }

    /** Rarity in bits of agreeing within one edit of a token this index does not hold. */
    private double neighbourBits(long[] neighbourhood, String canonical) {
        long total = 0;
        int[] seen = new int[8];
        int count = 0;
        for (long h : neighbourhood) {
            int[] cs = canonsByNeighbour.get(h);
            if (cs == null) {
                continue;
            }
            next:
            for (int o : cs) {
                for (int k = 0; k < count; k++) {
                    if (seen[k] == o) {
                        continue next;
                    }
                }
                if (count == seen.length) {
                    seen = Arrays.copyOf(seen, count * 2);
                }
                seen[count++] = o;
                total += canonDf[o];
            }
        }
        return NamePriors.bits(ids.length, (int) Math.min(Integer.MAX_VALUE, total), canonical);
    }

    double neighbourBits(int canon) {
        return canonNeighbourBits[canon];
    }

    double typoWeight(int canon) {
        return canonTypoWeight[canon];
    }

    boolean established(int canon) {
        return canonEstablished[canon];
    }

    long[] neighbourhood(int canon) {
        return canonNeighbourhoods[canon];
    }

    int date(int e) {
        return dates[e];
    }

    Sex sex(int e) {
        return SEXES[sexes[e]];
    }

    String nationality(int e) {
        return nationalityCodes[nationalities[e]];
    }

    int docFrom(int e) {
        return docOffsets[e];
    }

    int docTo(int e) {
        return docOffsets[e + 1];
    }

    String document(int i) {
        return docs[i];
    }

    long[] documentNeighbourhood(int i) {
        return docNeighbourhoods[i];
    }

    int keyCount() {
        return keys.keyCount();
    }

    int postingCount() {
        return keys.postingCount();
    }
}
