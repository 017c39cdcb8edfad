package com.rcm.j3490.backlog;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.MurmurHash3;
import org.apache.commons.collections4.bloomfilter.EnhancedDoubleHasher;
import org.apache.commons.collections4.bloomfilter.Hasher;
import org.apache.commons.collections4.bloomfilter.Shape;
import org.apache.commons.collections4.bloomfilter.SimpleBloomFilter;

/**
 * The claim lines that have an item, as a Bloom filter: "no" is certain, "maybe" is asked of the
 * database. Most of a night's lines are paid claim lines that never had an item, and most of its
 * actionable lines are new: neither needs a lookup. About 1.2 bytes per key (1% false positives
 * at the expected count; more keys only raise that rate, which costs lookups, never a wrong answer).
 */
final class KnownKeys {
    private static final double FALSE_POSITIVES = 0.01;
    private final SimpleBloomFilter filter;

    KnownKeys(long expectedKeys) {
        int n = (int) Math.min(Integer.MAX_VALUE / 16, Math.max(1_000, expectedKeys));
        this.filter = new SimpleBloomFilter(Shape.fromNP(n, FALSE_POSITIVES));
    }

    void add(ItemKey key) {
        filter.merge(hasher(key));
    }

    boolean mayContain(ItemKey key) {
        return filter.contains(hasher(key));
    }

    private static Hasher hasher(ItemKey key) {
        // the three parts with separators that cannot occur in a CSV field read as text
        String joined = key.payerId() + '\u0000' + key.claimId() + '\u0000' + key.lineNumber();
        long[] h = MurmurHash3.hash128x64(joined.getBytes(StandardCharsets.UTF_8));
        return new EnhancedDoubleHasher(h[0], h[1]);
    }
}
