package com.rcm.j3490.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The filter that spares lookups must never say "no" for a key it was given. */
class KnownKeysTest {
    @Test
    void everyAddedKeyIsKnownAndFewOthersAre() {
        KnownKeys known = new KnownKeys(10_000);
        for (int i = 0; i < 10_000; i++) {
            known.add(new ItemKey("P" + (i % 7), "CLM" + i, String.valueOf(i % 3 + 1)));
        }
        for (int i = 0; i < 10_000; i++) {
            assertThat(known.mayContain(new ItemKey("P" + (i % 7), "CLM" + i, String.valueOf(i % 3 + 1)))).isTrue();
        }
        int falsePositives = 0;
        for (int i = 0; i < 10_000; i++) {
            // the same parts, another claim line: case and line number count (contract 6.1: as written)
            if (known.mayContain(new ItemKey("P" + (i % 7), "clm" + i, String.valueOf(i % 3 + 1)))) {
                falsePositives++;
            }
        }
        assertThat(falsePositives).as("about 1%% at the expected count").isLessThan(300);
    }

    @Test
    void theSeparatorKeepsPartsApart() {
        KnownKeys known = new KnownKeys(1_000);
        known.add(new ItemKey("P1", "CLM1", "2"));
        assertThat(known.mayContain(new ItemKey("P1", "CLM", "12"))).isFalse();
        assertThat(known.mayContain(new ItemKey("P1C", "LM1", "2"))).isFalse();
    }
}
