package com.rcm.j3490.ops;

import com.rcm.j3490.job.FailureReason;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The small plain parts: failure reasons, the repository lock, the text table. */
class OpsUnitsTest {
    @Test
    void theFailureReasonIsTheDeepestCause() {
        String trace = """
                org.springframework.batch.core.step.FatalStepExecutionException: Unable to process chunk
                \tat org.springframework.batch.core.step.item.ChunkOrientedStep.processChunkSequentially(ChunkOrientedStep.java:1)
                Caused by: java.lang.IllegalStateException: wrapper
                \tat x.y.Z.m(Z.java:1)
                Caused by: com.rcm.j3490.input.InputFileException: cannot read remittance file a.csv at line 7: Input/output error
                \t... 12 more
                """;
        assertThat(FailureReason.of(trace)).isEqualTo("cannot read remittance file a.csv at line 7: Input/output error");
        assertThat(FailureReason.of("reconcileLines: disk full")).isEqualTo("reconcileLines: disk full");
        assertThat(FailureReason.of("java.lang.NullPointerException\n\tat a.B.c(B.java:3)")).isEqualTo("NullPointerException");
        assertThat(FailureReason.of("")).isEmpty();
        assertThat(FailureReason.of(null)).isEmpty();
    }

    @Test
    void onlyAnEmbeddedH2FileIsHeldByThisProcessAlone() {
        assertThat(new RepositoryLock("jdbc:h2:file:./data/recon-repository").exclusive()).isTrue();
        assertThat(new RepositoryLock("jdbc:h2:./data/recon").exclusive()).isTrue();
        assertThat(new RepositoryLock("jdbc:h2:~/recon;MODE=PostgreSQL").exclusive()).isTrue();
        assertThat(new RepositoryLock("jdbc:h2:file:./data/recon;AUTO_SERVER=TRUE").exclusive()).isFalse();
        assertThat(new RepositoryLock("jdbc:h2:file:./data/recon;FILE_LOCK=NO").exclusive()).isFalse();
        assertThat(new RepositoryLock("jdbc:h2:tcp://db:9092/recon").exclusive()).isFalse();
        assertThat(new RepositoryLock("jdbc:h2:mem:recon").exclusive()).isFalse();
        assertThat(new RepositoryLock("jdbc:postgresql://127.0.0.1:5432/recon").exclusive()).isFalse();
    }

    @Test
    void textTableAlignsColumns() {
        TextTable t = new TextTable("NAME", ">COUNT").row("a", 5).row("longer", 1_000);
        assertThat(t.lines("")).containsExactly("NAME    COUNT", "a           5", "longer   1000");
    }
}
