package com.rcm.j3490.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DuplicateIndexTest {
    @Test
    void findsTheFirstLineOfAKeyByItsFingerprintConfirmedByTheKey() {
        DuplicateIndex index = new DuplicateIndex();
        long fp = DuplicateIndex.fingerprint("00ff00ff00ff00ff|rest of the key");

        assertThat(index.find(fp, seq -> true)).isEqualTo(-1);
        index.add(fp, 7);

        assertThat(index.find(fp, seq -> seq == 7)).isEqualTo(7);
        assertThat(index.find(fp, seq -> false)).as("a fingerprint match the key does not confirm").isEqualTo(-1);
    }

    @Test
    void keysWhoseFingerprintsCollideEachKeepTheirFirstLine() {
        DuplicateIndex index = new DuplicateIndex();
        long fp = 0x1234_5678_9abc_def0L;
        // two different keys, same fingerprint: the second is not taken for a duplicate of the first
        Map<Integer, String> keyOfSeq = new HashMap<>();
        keyOfSeq.put(1, "key-A");
        index.add(fp, 1);
        assertThat(index.find(fp, seq -> keyOfSeq.get(seq).equals("key-B"))).isEqualTo(-1);
        keyOfSeq.put(2, "key-B");
        index.add(fp, 2);

        assertThat(index.find(fp, seq -> keyOfSeq.get(seq).equals("key-B"))).isEqualTo(2);
        assertThat(index.find(fp, seq -> keyOfSeq.get(seq).equals("key-A"))).isEqualTo(1);
        // only the low 28 bits differ: same tag, so also candidates for each other
        long near = fp ^ 0x0FF_FFFFL;
        assertThat(index.find(near, seq -> keyOfSeq.get(seq).equals("key-A"))).isEqualTo(1);
    }

    @Test
    void agreesWithAMapAcrossGrowth() {
        DuplicateIndex index = new DuplicateIndex();
        Map<Long, Integer> expected = new HashMap<>();
        Map<Integer, Long> keyOfSeq = new HashMap<>();
        Random random = new Random(3490);
        Long repeated = null;
        for (int seq = 0; seq < 200_000; seq++) {
            // the 64-bit fingerprint stands for the key here; one in eight lines repeats an earlier key
            long fp = repeated != null && random.nextInt(8) == 0 ? repeated : random.nextLong();
            int first = index.find(fp, s -> keyOfSeq.get(s) == fp);
            if (first < 0) {
                assertThat(expected).doesNotContainKey(fp);
                index.add(fp, seq);
                expected.put(fp, seq);
                keyOfSeq.put(seq, fp);
            } else {
                assertThat(first).isEqualTo(expected.get(fp));
            }
            if (seq % 1000 == 0) {
                repeated = fp;
            }
        }
        assertThat(index.size()).isEqualTo(expected.size());
    }

    @Test
    void clearEmptiesTheIndex() {
        DuplicateIndex index = new DuplicateIndex();
        for (int seq = 0; seq < 10_000; seq++) {
            index.add(seq * 0x9E3779B97F4A7C15L, seq);
        }

        index.clear();

        assertThat(index.size()).isZero();
        assertThat(index.find(0x9E3779B97F4A7C15L, seq -> true)).isEqualTo(-1);
    }

    @Test
    void aSeqBeyondWhatTheIndexHoldsIsRefused() {
        DuplicateIndex index = new DuplicateIndex();
        index.add(1L, DuplicateIndex.MAX_SEQ);
        assertThatThrownBy(() -> index.add(2L, DuplicateIndex.MAX_SEQ + 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at most");
    }
}
