package com.rcm.j3490.reconcile;

import java.util.Arrays;

/**
 * The first line of the run for each duplicate key, as a primitive open-addressing map from the
 * key's 64-bit fingerprint to the line's seq: about 12 bytes a line, so a million lines cost
 * about 12 MB, where an index on the database table would rewrite scattered pages at every
 * commit. A fingerprint match is only a candidate: the caller compares the full keys.
 */
final class DuplicateIndex {
    private static final int ABSENT = -1;
    private long[] fingerprints;
    private int[] seqs;
    private int size;

    DuplicateIndex() {
        allocate(1 << 12);
    }

    static long fingerprint(String duplicateKey) {
        long fp = Long.parseUnsignedLong(duplicateKey.substring(0, 16), 16);
        return fp == 0 ? 1 : fp;
    }

    /** The seq recorded for the fingerprint, or -1. */
    int get(long fingerprint) {
        int mask = fingerprints.length - 1;
        for (int i = slot(fingerprint, mask); fingerprints[i] != 0; i = (i + 1) & mask) {
            if (fingerprints[i] == fingerprint) {
                return seqs[i];
            }
        }
        return ABSENT;
    }

    /** Records the first seq of a fingerprint (a fingerprint already present is left as it is). */
    void putIfAbsent(long fingerprint, int seq) {
        if (size * 4 >= fingerprints.length * 3) {
            grow();
        }
        int mask = fingerprints.length - 1;
        int i = slot(fingerprint, mask);
        while (fingerprints[i] != 0) {
            if (fingerprints[i] == fingerprint) {
                return;
            }
            i = (i + 1) & mask;
        }
        fingerprints[i] = fingerprint;
        seqs[i] = seq;
        size++;
    }

    private static int slot(long fingerprint, int mask) {
        return (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
    }

    private void grow() {
        long[] oldFingerprints = fingerprints;
        int[] oldSeqs = seqs;
        allocate(oldFingerprints.length * 2);
        size = 0;
        for (int i = 0; i < oldFingerprints.length; i++) {
            if (oldFingerprints[i] != 0) {
                putIfAbsent(oldFingerprints[i], oldSeqs[i]);
            }
        }
    }

    private void allocate(int capacity) {
        fingerprints = new long[capacity];
        seqs = new int[capacity];
        Arrays.fill(seqs, ABSENT);
    }
}
