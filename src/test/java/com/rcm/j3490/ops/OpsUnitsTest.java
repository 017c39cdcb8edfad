package com.rcm.j3490.ops;

import com.rcm.j3490.job.FailureReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.UserError;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

/** The small plain parts: the command line, failure reasons, the repository lock, progress lines. */
class OpsUnitsTest {
    private static CommandLine parse(String... args) {
        return CommandLine.parse(new DefaultApplicationArguments(args));
    }

    @Test
    void noCommandIsTheRunOfTodayOrOfTheGivenDate() {
        assertThat(parse()).isEqualTo(new CommandLine(CommandLine.Command.RUN, null, 20, false));
        assertThat(parse().runDateOrToday()).isEqualTo(LocalDate.now());
        assertThat(parse("runDate=2026-11-23").runDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(parse("--runDate=2026-11-23").runDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(parse("runDate=2026-11-23,java.time.LocalDate").runDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(parse("--recon.output.dir=/tmp/x", "run", "runDate=2026-11-23").command())
                .isEqualTo(CommandLine.Command.RUN);
    }

    @Test
    void commandsAndTheirOptions() {
        assertThat(parse("runs", "--limit=5")).isEqualTo(new CommandLine(CommandLine.Command.RUNS, null, 5, false));
        assertThat(parse("SHOW", "runDate=2026-11-23").command()).isEqualTo(CommandLine.Command.SHOW);
        assertThat(parse("rerun", "runDate=2026-11-23", "--confirm").confirm()).isTrue();
        assertThat(parse("recover", "--runDate=2026-11-23").command()).isEqualTo(CommandLine.Command.RECOVER);
        assertThat(parse("schedule").command()).isEqualTo(CommandLine.Command.SCHEDULE);
    }

    @Test
    void badArgumentsAreRefusedWithExitCode2() {
        for (String[] args : new String[][] {{"frobnicate"}, {"show"}, {"restart"}, {"runs", "--limit=0"},
                {"runs", "--limit=ten"}, {"runDate=23/11/2026"}, {"rundate=2026-11-23"}, {"show", "runDate=2026-11-23", "extra"},
                {"schedule", "runDate=2026-11-23"}, {"runs", "runDate=2026-11-23"}}) {
            assertThatThrownBy(() -> parse(args)).as(String.join(" ", args))
                    .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED));
        }
        assertThatThrownBy(() -> parse("frobnicate")).hasMessageContaining("commands: run (");
    }

    @Test
    void reportingCommandsStartQuietAndTheScheduleLetsIdleConnectionsGo() {
        assertThat(CommandLine.defaultProperties(new String[] {"--limit=3", "runs"}))
                .containsEntry("logging.level.root", "WARN");
        assertThat(CommandLine.defaultProperties(new String[] {"show", "runDate=2026-11-23"}))
                .containsEntry("logging.level.root", "WARN");
        assertThat(CommandLine.defaultProperties(new String[] {"runDate=2026-11-23"})).isEmpty();
        assertThat(CommandLine.defaultProperties(new String[] {"restart", "runDate=2026-11-23"})).isEmpty();
        assertThat(CommandLine.defaultProperties(new String[] {"schedule"}))
                .containsEntry("spring.datasource.hikari.minimum-idle", "0");
    }

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
