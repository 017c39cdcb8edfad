package com.rcm.j3490.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClaimRowCounterTest {
    @Test
    void countsEachClaimsRowsFromOne() {
        ClaimRowCounter counter = new ClaimRowCounter();

        assertThat(counter.increment("INF26-1061")).isEqualTo(1);
        assertThat(counter.increment("INF26-1062")).isEqualTo(1);
        assertThat(counter.increment("INF26-1061")).isEqualTo(2);
        assertThat(counter.increment("inf26-1061")).as("claim ids are compared exactly").isEqualTo(1);
        assertThat(counter.increment("INF26-1061")).isEqualTo(3);
    }

    @Test
    void resetStartsTheCountAgain() {
        ClaimRowCounter counter = new ClaimRowCounter();
        counter.increment("A");
        counter.increment("A");

        counter.reset();

        assertThat(counter.increment("A")).isEqualTo(1);
    }

    @Test
    void agreesWithAMapOverManyClaimsAcrossGrowth() {
        ClaimRowCounter counter = new ClaimRowCounter();
        Map<String, Long> expected = new HashMap<>();
        Random random = new Random(3490);
        for (int i = 0; i < 300_000; i++) {
            // long and short ids, non-ASCII included, many repeats
            String id = random.nextInt(4) == 0 ? "CLM-" + random.nextInt(20_000) + "-ü"
                    : Integer.toString(random.nextInt(90_000), 36);
            assertThat(counter.increment(id)).isEqualTo(expected.merge(id, 1L, Long::sum));
        }
    }

    @Test
    void idsWithTheSameStringHashAreStillTwoClaims() {
        ClaimRowCounter counter = new ClaimRowCounter();
        // "Aa" and "BB" share String.hashCode: the counter compares the ids themselves
        assertThat(counter.increment("Aa")).isEqualTo(1);
        assertThat(counter.increment("BB")).isEqualTo(1);
        assertThat(counter.increment("Aa")).isEqualTo(2);
        assertThat(counter.increment("")).isEqualTo(1);
        assertThat(counter.increment("")).isEqualTo(2);
    }
}
