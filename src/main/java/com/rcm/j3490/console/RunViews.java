package com.rcm.j3490.console;

import com.rcm.j3490.job.WriteWorkbookTasklet;
import com.rcm.j3490.job.FailureReason;
import com.rcm.j3490.ops.RunHistory.Run;
import com.rcm.j3490.ops.RunListings;
import com.rcm.j3490.job.ReconProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * The runs of {@code ops.RunHistory} (the same reading the runs and show commands print) as rows
 * for the pages: plain strings and numbers, the failure as the one line FailureReason makes of it.
 */
final class RunViews {
    /** The step whose rows ReconProgress counts. */
    static final String RECONCILE_STEP = "reconcileLines";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RunViews() {
    }

    /** A line of the runs table. */
    record RunRow(LocalDate runDate, long instanceId, String name, String status, boolean running, String started,
            String ended, int executions, String read, String reconciled, String rejected, long rejectedRows,
            String failedStep, String reason, boolean workbook, String which) {
    }

    /** One execution (a launch or a restart) with its steps. */
    record ExecutionRow(long id, String status, String started, String ended, String exit, List<StepRow> steps) {
    }

    record StepRow(String name, String status, String started, String ended, String read, String written,
            String commits, String rollbacks, String exit) {
    }

    /** One run of a date (its first run or a rerun) as the run page shows it. */
    record RunDetail(RunRow row, long instanceId, String duplicates, long remittanceFiles, long skippedFiles,
            String workbook, String progress, List<ExecutionRow> executions, String next) {
    }

    /** @param outputDir recon.output.dir: a workbook is offered for download only when it is there (RunFilesController) */
    static RunRow row(Run run, Path outputDir) {
        var c = run.counts();
        JobExecution last = run.last();
        String failedStep = last.getStepExecutions().stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED || s.getStatus() == BatchStatus.STOPPED)
                .map(StepExecution::getStepName).reduce((a, b) -> a + ", " + b).orElse("");
        String reason = last.getStatus().isRunning() ? "running, or its process died" : reason(last.getExitStatus());
        if (!failedStep.isEmpty() && reason.contains(failedStep + ": ")) {
            failedStep = ""; // the reason names its step already
        }
        return new RunRow(run.runDate(), run.instance().getInstanceId(), run.name(), run.status().name(),
                run.status().isRunning(), time(run.started()), time(run.ended()), run.executions().size(),
                n(c.rowsRead()), n(c.lines()), n(c.rejected()), c.rejected(), failedStep, reason,
                RunFilesController.workbookFile(run, outputDir).isPresent(),
                run.rerun() == null ? "first run" : "rerun " + run.rerun());
    }

    /** @param next the show command's "Next:" words for this run */
    static RunDetail detail(Run run, Path outputDir, String next) {
        var c = run.counts();
        List<ExecutionRow> executions = new ArrayList<>();
        for (JobExecution e : run.executions()) {
            List<StepRow> steps = e.getStepExecutions().stream()
                    .sorted(Comparator.comparing(StepExecution::getId))
                    .map(s -> new StepRow(s.getStepName(), s.getStatus().name(), time(s.getStartTime()),
                            time(s.getEndTime()), n(s.getReadCount()), n(s.getWriteCount()), n(s.getCommitCount()),
                            n(s.getRollbackCount()), reason(s.getExitStatus())))
                    .toList();
            executions.add(new ExecutionRow(e.getId(), e.getStatus().name(), time(e.getStartTime()), time(e.getEndTime()),
                    e.getStatus().isRunning() ? "" : reason(e.getExitStatus()), steps));
        }
        return new RunDetail(row(run, outputDir), run.instance().getInstanceId(), n(c.duplicates()), c.remittanceFiles(),
                c.skippedFiles(), workbookPath(run).orElse(""), progress(run.last()).orElse(""), executions, next);
    }

    /** The workbook the run's last completed execution wrote, as the job recorded it. */
    static Optional<String> workbookPath(Run run) {
        return run.executions().stream()
                .filter(e -> e.getStatus() == BatchStatus.COMPLETED)
                .map(e -> e.getExecutionContext().getString(WriteWorkbookTasklet.WORKBOOK_PATH, null))
                .filter(p -> p != null)
                .reduce((a, b) -> b);
    }

    /**
     * While the reconcile step runs: the progress line the job logs (ReconProgress), from what the
     * step committed last: rows done of the run's total, this execution's rate and the ETA.
     */
    static Optional<String> progress(JobExecution execution) {
        if (!execution.getStatus().isRunning()) {
            return Optional.empty();
        }
        long total = execution.getExecutionContext().getLong(ReconProgress.TOTAL_ROWS, 0L);
        return execution.getStepExecutions().stream()
                .filter(s -> s.getStatus().isRunning() && s.getStartTime() != null)
                .reduce((a, b) -> b)
                .map(s -> {
                    if (!RECONCILE_STEP.equals(s.getStepName())) {
                        return s.getStepName() + ": running since " + time(s.getStartTime());
                    }
                    long done = s.getExecutionContext().getLong(ReconProgress.ROWS_DONE, s.getReadCount());
                    Duration elapsed = Duration.between(s.getStartTime(), LocalDateTime.now());
                    return s.getStepName() + ": " + ReconProgress.line(done, s.getReadCount(), total,
                            s.getCommitCount(), elapsed).substring(ReconProgress.PREFIX.length());
                });
    }

    /**
     * The buttons of the date's latest run: the commands that the show command's "Next:" line
     * names ({@link RunListings#next}), so words and buttons agree (the operations still decide:
     * they refuse what does not fit, with the same messages as the commands).
     */
    static List<RunAction> actions(RunListings.Next next) {
        return next.commands().stream().map(RunAction::of).flatMap(Optional::stream).toList();
    }

    private static String reason(ExitStatus status) {
        String reason = FailureReason.of(status.getExitDescription());
        return reason.isEmpty() ? status.getExitCode() : status.getExitCode() + ": " + reason;
    }

    static String time(LocalDateTime t) {
        return t == null ? "" : t.format(TIME);
    }

    static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
