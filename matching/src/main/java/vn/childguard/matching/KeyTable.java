package vn.childguard.matching;

import java.util.Arrays;

/**
 * Immutable multimap from 64-bit blocking keys to sorted {@code int} postings (entry numbers).
 *
 * <p>Layout (why: heap per entry is a target): an open-addressing table of {@code long} keys with
 * linear probing points to a slot number; {@code offsets[slot]..offsets[slot+1]} delimit the
 * postings of that key in one shared {@code int[]}. No boxing, no per-key objects: a key costs about
 * 8 bytes/0.6 (load factor) + 4 bytes of slot number + 4 bytes of offset, and each posting 4 bytes.
 *
 * <p>Build sorts the (key, entry) pairs with a stable LSD radix sort on the key (four 16-bit
 * passes, skipping a pass whose digit is the same for every key), so each key's postings come out
 * in entry order and duplicates are adjacent. The pair arrays are sorted in place (the caller
 * hands them over).
 */
final class KeyTable {

    private final long[] tableKeys;
    private final int[] tableSlots;
    private final int mask;
    private final int[] offsets;
    private final int[] postings;

    private KeyTable(long[] tableKeys, int[] tableSlots, int[] offsets, int[] postings) {
        this.tableKeys = tableKeys;
        this.tableSlots = tableSlots;
        this.mask = tableKeys.length - 1;
        this.offsets = offsets;
        this.postings = postings;
    }

    /** Growable (key, entry) pair list used while building. */
    static final class Pairs {
        long[] keys;
        int[] entries;
        int size;

        Pairs(int capacity) {
            keys = new long[Math.max(16, capacity)];
            entries = new int[Math.max(16, capacity)];
        }

        void add(long key, int entry) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                entries = Arrays.copyOf(entries, size * 2);
            }
            keys[size] = key;
            entries[size] = entry;
            size++;
        }
    }

    static KeyTable build(Pairs pairs) {
        int n = pairs.size;
        long[] keys = pairs.keys;
        int[] entries = pairs.entries;
        long[] k2 = new long[n];
        int[] e2 = new int[n];
        int[] count = new int[65537];
        for (int shift = 0; shift < 64; shift += 16) {
            Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((keys[i] >>> shift) & 0xFFFF) + 1]++;
            }
            if (count[(int) ((keys.length == 0 ? 0 : keys[0] >>> shift) & 0xFFFF) + 1] == n) {
                continue; // every key has the same digit: this pass would not move anything
            }
            for (int i = 0; i < 65536; i++) {
                count[i + 1] += count[i];
            }
            for (int i = 0; i < n; i++) {
                int d = (int) ((keys[i] >>> shift) & 0xFFFF);
                int pos = count[d]++;
                k2[pos] = keys[i];
                e2[pos] = entries[i];
            }
            long[] tk = keys;
            keys = k2;
            k2 = tk;
            int[] te = entries;
            entries = e2;
            e2 = te;
        }
        // Unique keys, dropping a duplicate (key, entry) pair (an entry can produce one key twice).
        int unique = 0;
        int kept = 0;
        int[] offsets = new int[n + 1];
        long[] uniqueKeys = new long[n];
        for (int i = 0; i < n; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                offsets[unique] = kept;
                uniqueKeys[unique++] = keys[i];
                entries[kept++] = entries[i];
            } else if (entries[i] != entries[kept - 1]) {
                entries[kept++] = entries[i];
            }
        }
        offsets[unique] = kept;
        int capacity = Integer.highestOneBit(Math.max(4, unique + unique / 2)) << 1;
        long[] tableKeys = new long[capacity];
        int[] tableSlots = new int[capacity];
        Arrays.fill(tableSlots, -1);
        int mask = capacity - 1;
        for (int s = 0; s < unique; s++) {
            int h = (int) NameNormalizer.mix(uniqueKeys[s]) & mask;
            while (tableSlots[h] >= 0) {
                h = (h + 1) & mask;
            }
            tableKeys[h] = uniqueKeys[s];
            tableSlots[h] = s;
        }
        return new KeyTable(tableKeys, tableSlots, Arrays.copyOf(offsets, unique + 1), Arrays.copyOf(entries, kept));
    }

    /** Slot of {@code key}, or -1 when no entry produced it. */
    int find(long key) {
        int h = (int) NameNormalizer.mix(key) & mask;
        while (true) {
            int s = tableSlots[h];
            if (s < 0) {
                return -1;
            }
            if (tableKeys[h] == key) {
                return s;
            }
            h = (h + 1) & mask;
        }
    }

    int from(int slot) {
        return offsets[slot];
    }

    int to(int slot) {
        return offsets[slot + 1];
    }

    int posting(int i) {
        return postings[i];
    }

    int keyCount() {
        return offsets.length - 1;
    }

    int postingCount() {
        return postings.length;
    }
}
