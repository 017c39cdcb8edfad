package com.rcm.j3490.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconProgressTest {
    @Test
    void progressLineShowsRowsRateAndEstimatedFinish() {
        String line = ReconProgress.line(120_000, 100_000, 400_000, 120, Duration.ofSeconds(10));
        assertThat(line).startsWith("Progress reconcileLines: 120,000 of 400,000 rows (30%), 120 chunks committed, "
                + "10,000 rows/s, ETA 28 s (");
        assertThat(ReconProgress.line(500, 500, 0, 1, Duration.ofSeconds(1)))
                .isEqualTo("Progress reconcileLines: 500 rows, 1 chunks committed, 500 rows/s");
        assertThat(ReconProgress.eta(59)).isEqualTo("59 s");
        assertThat(ReconProgress.eta(3_599)).isEqualTo("59 min 59 s");
        assertThat(ReconProgress.eta(7_260)).isEqualTo("2 h 1 min");
    }
}
