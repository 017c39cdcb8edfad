package com.rcm.j3490.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;

/**
 * What a failed or stopped run tells the manager to do (issue 12, cases 7, 10 and 14): a
 * workbook step failing on staged lines says that a restart fails the same way; a shutdown
 * during the workbook step lets it complete; the output folder is checked before the run.
 */
class FailureAdviceTest {
    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 23);

    @TempDir
    Path dir;

    private static JobExecution execution() {
        JobParameters parameters = ReconLauncher.parameters(RUN_DATE);
        return new JobExecution(7L, new JobInstance(3L, RunKey.JOB_NAME), parameters);
    }

    private static ChunkContext chunkContext(JobExecution execution, String step) {
        StepExecution stepExecution = new StepExecution(11L, step, execution);
        return new ChunkContext(new StepContext(stepExecution));
    }

    @Test
    void aWorkbookFailureCausedByTheStagedLinesSaysToRerunNotToRestart() {
        Tasklet overflow = (contribution, context) -> {
            throw new IllegalStateException("worklist buffer", new ArithmeticException("Overflow"));
        };
        assertThatThrownBy(() -> new StagedDataFailures(overflow).execute(null, chunkContext(execution(), "writeWorkbook")))
                .satisfies(e -> {
                    String reason = RunFormat.reason(e);
                    assertThat(e.getMessage()).contains("the workbook cannot be built from the staged lines (Overflow)",
                            "a restart rebuilds it from the same lines and would fail the same way",
                            "abandon runDate=2026-11-23, then rerun runDate=2026-11-23 --confirm");
                    assertThat(FailureReason.requiresRerun(e.getMessage())).isTrue();
                    assertThat(reason).isEqualTo("Overflow"); // the cause is kept for the log
                });
    }

    @Test
    void aFailureOfTheMachineIsLeftAsItIsAndARestartIsTheAdvice() {
        Tasklet diskFull = (contribution, context) -> {
            throw new UncheckedIOException(new IOException("No space left on device"));
        };
        assertThatThrownBy(() -> new StagedDataFailures(diskFull).execute(null, chunkContext(execution(), "writeWorkbook")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("No space left on device")
                .satisfies(e -> assertThat(FailureReason.requiresRerun(e.getMessage())).isFalse());
    }

    @Test
    void aShutdownDuringTheWorkbookStepLetsItCompleteButStopsAnEarlierStep() {
        RunTracker tracker = new RunTracker();
        JobExecution writing = execution();
        writing.setStatus(BatchStatus.STARTED);
        StepExecution workbook = chunkContext(writing, "writeWorkbook").getStepContext().getStepExecution();
        workbook.setStatus(BatchStatus.STARTED);
        writing.addStepExecution(workbook);
        tracker.beforeJob(writing);

        assertThat(tracker.requestStop()).isEmpty();
        assertThat(writing.getStatus()).isEqualTo(BatchStatus.STARTED);
        assertThat(workbook.isTerminateOnly()).isFalse();

        JobExecution reconciling = new JobExecution(8L, new JobInstance(4L, RunKey.JOB_NAME),
                ReconLauncher.parameters(RUN_DATE.plusDays(1)));
        reconciling.setStatus(BatchStatus.STARTED);
        StepExecution lines = new StepExecution(12L, "reconcileLines", reconciling);
        lines.setStatus(BatchStatus.STARTED);
        reconciling.addStepExecution(lines);
        tracker.beforeJob(reconciling);
        assertThat(tracker.requestStop()).containsExactly(reconciling);
        assertThat(reconciling.getStatus()).isEqualTo(BatchStatus.STOPPING);
        assertThat(lines.isTerminateOnly()).isTrue();
    }

    @Test
    void anOutputFolderThatCannotTakeTheWorkbookIsRefusedBeforeTheRun() throws IOException {
        Path file = Files.writeString(dir.resolve("reports"), "not a folder");
        assertThatThrownBy(() -> OutputFolder.check(file, 1)).isInstanceOfSatisfying(UserError.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
            assertThat(e.getMessage()).contains("output folder", "reports", "recon.output.dir", "is not a folder");
        });
        assertThatThrownBy(() -> OutputFolder.check(file.resolve("2026"), 1)).isInstanceOf(UserError.class)
                .hasMessageContaining("cannot be created");
        assertThatThrownBy(() -> OutputFolder.check(dir.resolve("out"), Long.MAX_VALUE)).isInstanceOf(UserError.class)
                .hasMessageContaining("free; the workbook needs about");
        OutputFolder.check(dir.resolve("new/out"), 1);
        assertThat(dir.resolve("new/out")).isEmptyDirectory();
    }

    @Test
    void theWorkbookEstimateGrowsWithTheRemittanceFiles() throws IOException {
        Path remittance = Files.createDirectories(dir.resolve("remittance"));
        long empty = OutputFolder.estimatedWorkbookBytes(remittance);
        Files.writeString(remittance.resolve("era.csv"), "claim_id\n" + "x".repeat(400_000));
        assertThat(OutputFolder.estimatedWorkbookBytes(remittance) - empty).isEqualTo(400_009L * 5 / 4);
    }
}
