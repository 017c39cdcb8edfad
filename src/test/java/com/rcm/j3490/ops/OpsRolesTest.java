package com.rcm.j3490.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.RunKey;
import com.rcm.j3490.job.RunTracker;
import com.rcm.j3490.job.UserError;
import com.rcm.j3490.ops.RunHistory.Run;
import com.rcm.j3490.reconcile.ReconRepository.RunCounts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * The parts of the manager's commands, each without Spring and without a job repository: runs
 * are built as values, the history answers from a list, the launcher is a function.
 */
class OpsRolesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final RunCounts COUNTS = new RunCounts(120, 90, 1, 3, 2, 0);
    private static final RepositoryLock H2 = new RepositoryLock("jdbc:h2:file:./data/recon-repository");

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final List<JobParameters> launched = new ArrayList<>();

    private static Run run(RunKey key, BatchStatus status, String exitDescription) {
        JobInstance instance = new JobInstance(7, RunKey.JOB_NAME);
        JobExecution execution = new JobExecution(11, instance, key.toJobParameters());
        execution.setStatus(status);
        execution.setStartTime(LocalDateTime.of(2026, 11, 24, 2, 0, 0));
        execution.setEndTime(status.isRunning() ? null : LocalDateTime.of(2026, 11, 24, 2, 3, 10));
        execution.setExitStatus(new ExitStatus(status == BatchStatus.COMPLETED ? "COMPLETED" : "FAILED", exitDescription));
        StepExecution step = new StepExecution(21, "reconcileLines", execution);
        step.setStatus(status);
        step.setReadCount(120);
        execution.addStepExecution(step);
        return new Run(instance, key.runDate(), key.rerun(), List.of(execution), COUNTS);
    }

    /** The history of one date, from a list; no job repository behind it. */
    private static RunHistory history(Run... runs) {
        return new RunHistory(null, null) {
            @Override
            public List<Run> ofDate(LocalDate runDate) {
                return List.of(runs).stream().filter(r -> r.runDate().equals(runDate)).toList();
            }

            @Override
            public Optional<Run> latest(LocalDate runDate) {
                List<Run> of = ofDate(runDate);
                return of.isEmpty() ? Optional.empty() : Optional.of(of.get(of.size() - 1));
            }

            @Override
            public List<Run> recent(int limit) {
                return List.of(runs);
            }
        };
    }

    /** Launches record their parameters and end FAILED (RunReport then needs no staging table). */
    private RunLaunches launches() {
        return new RunLaunches(parameters -> {
            launched.add(parameters);
            JobExecution e = new JobExecution(99, new JobInstance(8, RunKey.JOB_NAME), parameters);
            e.setStatus(BatchStatus.FAILED);
            e.setExitStatus(new ExitStatus("FAILED", "disk full"));
            return e;
        }, new RunReport(null, new PrintStream(errors, true, StandardCharsets.UTF_8)), new RunTracker(),
                Duration.ofSeconds(1));
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showPrintsAFailedRunsStepsReasonAndNextStep() {
        Run failed = run(RunKey.of(DAY), BatchStatus.FAILED, "java.io.IOException: No space left on device");
        new RunListings(history(failed), H2, out).show(DAY);
        assertThat(printed())
                .contains("Run 2026-11-23  [job instance 7]")
                .contains("Status:    FAILED after 1 execution(s)")
                .contains("120 remittance rows read, 90 lines reconciled, 3 rows rejected, 1 duplicates")
                .contains("reconcileLines")
                .contains("Failure:   execution 11 FAILED: java.io.IOException: No space left on device")
                .contains("Next:      fix the cause, then: restart runDate=2026-11-23");
    }

    @Test
    void runsMarksARunLeftRunningAndSaysHowToRecoverIt() {
        new RunListings(history(run(RunKey.rerun(DAY, 2), BatchStatus.STARTED, "")), H2, out).runs(10);
        assertThat(printed()).contains("rerun 2", "STARTED*", "recover runDate=..., then: restart runDate=...");
    }

    @Test
    void showOfADateWithoutRunsIsRefused() {
        assertThatThrownBy(() -> new RunListings(history(), H2, out).show(DAY))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED))
                .hasMessageContaining("list the runs with: runs");
    }

    @Test
    void restartLaunchesTheLatestRunsOwnParameters() {
        Run rerun = run(RunKey.rerun(DAY, 1), BatchStatus.FAILED, "x");
        RunRepairs repairs = new RunRepairs(history(run(RunKey.of(DAY), BatchStatus.COMPLETED, ""), rerun),
                launches(), null, new RunTracker(), H2, out);
        assertThat(repairs.restart(DAY)).isEqualTo(ExitCode.FAILED);
        assertThat(launched).containsExactly(RunKey.rerun(DAY, 1).toJobParameters());
        assertThat(printed()).contains("Restarting run 2026-11-23 (rerun 1) (FAILED)");
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("Run 2026-11-23 (rerun 1) FAILED",
                "restart runDate=2026-11-23 to resume");
    }

    @Test
    void rerunNeedsACompletedRunAndTheExplicitFlag() {
        RunRepairs onFailed = new RunRepairs(history(run(RunKey.of(DAY), BatchStatus.FAILED, "x")), launches(), null,
                new RunTracker(), H2, out);
        assertThatThrownBy(() -> onFailed.rerun(DAY, true)).hasMessageContaining("is FAILED, not completed");
        RunRepairs onCompleted = new RunRepairs(history(run(RunKey.of(DAY), BatchStatus.COMPLETED, "")), launches(),
                null, new RunTracker(), H2, out);
        assertThatThrownBy(() -> onCompleted.rerun(DAY, false)).hasMessageContaining("rerun runDate=2026-11-23 --confirm");
        assertThat(launched).isEmpty();
    }

    @Test
    void abandonAndRecoverRefuseWhatTheRunsStateForbids() {
        RunRepairs completed = new RunRepairs(history(run(RunKey.of(DAY), BatchStatus.COMPLETED, "")), launches(),
                null, new RunTracker(), H2, out);
        assertThatThrownBy(() -> completed.abandon(DAY))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ALREADY_COMPLETED));
        assertThatThrownBy(() -> completed.recover(DAY, false)).hasMessageContaining("not marked running");
        RunRepairs running = new RunRepairs(history(run(RunKey.of(DAY), BatchStatus.STARTED, "")), launches(), null,
                new RunTracker(), new RepositoryLock("jdbc:postgresql://db:5432/recon"), out);
        assertThatThrownBy(() -> running.recover(DAY, false)).hasMessageContaining("recover runDate=2026-11-23 --confirm");
    }
}
