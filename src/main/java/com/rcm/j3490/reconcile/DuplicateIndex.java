package com.rcm.j3490.reconcile;

import java.util.function.IntPredicate;

/**
 * The first line of the run for each duplicate key, as a primitive open-addressing table of 8
 * bytes a line (36 bits of the key's fingerprint and the line's 28-bit seq in one long): a
 * million lines cost 8 MB, where an index on the database table would rewrite scattered pages at
 * every commit. Fingerprints can collide: a match is only a candidate that the caller confirms by
 * comparing the full keys, and a key whose fingerprint collides still gets a slot of its own.
 */
final class DuplicateIndex {
    private static final int SEQ_BITS = 28;
    /** The largest seq the index holds: a run of more lines than this is refused. */
    static final int MAX_SEQ = (1 << SEQ_BITS) - 1;
    private static final int ABSENT = -1;

    /** tag (high 36 bits, never 0) | seq; 0 = empty slot. */
    private long[] slots = new long[1 << 12];
    private int size;

    static long fingerprint(String duplicateKey) {
        return Long.parseUnsignedLong(duplicateKey.substring(0, 16), 16);
    }

    /**
     * The seq of the recorded line whose key {@code sameKey} confirms, among those that share
     * the fingerprint; or -1.
     */
    int find(long fingerprint, IntPredicate sameKey) {
        long tag = tag(fingerprint);
        int mask = slots.length - 1;
        for (int i = slot(tag, mask); slots[i] != 0; i = (i + 1) & mask) {
            if (slots[i] >>> SEQ_BITS == tag) {
                int seq = (int) (slots[i] & MAX_SEQ);
                if (sameKey.test(seq)) {
                    return seq;
                }
            }
        }
        return ABSENT;
    }

    /** Records the first line of a key that {@link #find} did not find. */
    void add(long fingerprint, int seq) {
        if (seq < 0 || seq > MAX_SEQ) {
            throw new IllegalStateException("a run can hold at most " + MAX_SEQ + " target lines");
        }
        if (size * 4 >= slots.length * 3) {
            grow();
        }
        insert(slots, tag(fingerprint) << SEQ_BITS | seq);
        size++;
    }

    int size() {
        return size;
    }

    /**
     * Empties the index. Why not just drop it: G1 frees a large array early only when no object
     * points to it any more, and a dropped index would still point to its table until the next
     * marking cycle.
     */
    void clear() {
        slots = new long[1 << 12];
        size = 0;
    }

    private static long tag(long fingerprint) {
        long tag = fingerprint >>> SEQ_BITS;
        return tag == 0 ? 1 : tag;
    }

    private static int slot(long tag, int mask) {
        return (int) (tag ^ (tag >>> 20)) & mask;
    }

    private static void insert(long[] table, long value) {
        int mask = table.length - 1;
        int i = slot(value >>> SEQ_BITS, mask);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = value;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long value : slots) {
            if (value != 0) {
                insert(bigger, value);
            }
        }
        slots = bigger;
    }
}
