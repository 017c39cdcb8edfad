package com.rcm.j3490.reconcile;

import java.util.Arrays;

/**
 * Counts the rows of each claim id in one remittance file (the line number of a row that has
 * none). Exact, like a {@code HashMap<String, Long>}, but a claim costs about 30 bytes in three
 * arrays instead of a map entry, a String and a Long: a file's claims stay alive until the file
 * ends, so as objects they outlived the young generation and piled up in the old one, a cost that
 * grew with the night's size.
 */
final class ClaimRowCounter {
    private static final int INITIAL_SLOTS = 1 << 12;

    /** Per slot: the claim id's hash (0 = empty slot). */
    private long[] hashes;
    /** Per slot: row count (high 32 bits) | where the id starts in {@link #keys} (low 32 bits). */
    private long[] entries;
    /** The ids one after the other, each after its length in two chars. */
    private char[] keys;
    private int keysUsed;
    private int size;

    ClaimRowCounter() {
        reset();
    }

    /** Counts one more row of the claim; returns its position among the claim's rows (1 for the first). */
    long increment(String claimId) {
        if (size * 4 >= hashes.length * 3) {
            grow();
        }
        long hash = hash(claimId);
        int mask = hashes.length - 1;
        int i = slot(hash, mask);
        while (hashes[i] != 0) {
            if (hashes[i] == hash && sameKey((int) entries[i], claimId)) {
                entries[i] += 1L << 32;
                return entries[i] >>> 32;
            }
            i = (i + 1) & mask;
        }
        hashes[i] = hash;
        entries[i] = 1L << 32 | store(claimId);
        size++;
        return 1;
    }

    /** Forgets every claim (a new file), giving the memory back. */
    void reset() {
        hashes = new long[INITIAL_SLOTS];
        entries = new long[INITIAL_SLOTS];
        keys = new char[INITIAL_SLOTS * 16];
        keysUsed = 0;
        size = 0;
    }

    static long hash(String s) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    private static int slot(long hash, int mask) {
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    private boolean sameKey(int start, String claimId) {
        int length = keys[start] << 16 | keys[start + 1];
        if (length != claimId.length()) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (keys[start + 2 + k] != claimId.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private int store(String claimId) {
        int start = keysUsed;
        int needed = start + 2 + claimId.length();
        if (needed > keys.length) {
            keys = Arrays.copyOf(keys, Math.max(keys.length * 2, needed));
        }
        keys[start] = (char) (claimId.length() >>> 16);
        keys[start + 1] = (char) claimId.length();
        claimId.getChars(0, claimId.length(), keys, start + 2);
        keysUsed = needed;
        return start;
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldEntries = entries;
        hashes = new long[oldHashes.length * 2];
        entries = new long[oldHashes.length * 2];
        int mask = hashes.length - 1;
        for (int j = 0; j < oldHashes.length; j++) {
            if (oldHashes[j] != 0) {
                int i = slot(oldHashes[j], mask);
                while (hashes[i] != 0) {
                    i = (i + 1) & mask;
                }
                hashes[i] = oldHashes[j];
                entries[i] = oldEntries[j];
            }
        }
    }
}
