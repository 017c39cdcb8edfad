package com.rcm.j3490.ops;

import com.rcm.j3490.job.RunFormat;
import com.rcm.j3490.job.FailureReason;
import com.rcm.j3490.input.InputFileException;
import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.RunKey;
import com.rcm.j3490.job.ReconLauncher;
import com.rcm.j3490.job.WriteWorkbookTasklet;
import com.rcm.j3490.reconcile.ReconRepository;
import com.rcm.j3490.reconcile.ReconRepository.RunCounts;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * What a person is told when a run ends: one INFO line summing up a completed run (duration,
 * lines per status, rejected, duplicates, skipped files, workbook), or one line on standard error
 * with the reason when it failed or stopped. Counts only, never a patient's name.
 */
public class RunReport {
    static final Logger log = LoggerFactory.getLogger(RunReport.class);

    private final ReconRepository repository;
    private final PrintStream err;

    public RunReport(ReconRepository repository, PrintStream err) {
        this.repository = repository;
        this.err = err;
    }

    /** Logs or prints the outcome and returns the exit code a scheduler acts on. */
    public ExitCode report(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            log.info(summary(execution));
            return ExitCode.COMPLETED;
        }
        String run = ReconLauncher.describe(execution.getJobParameters());
        RunKey key = RunKey.of(execution.getJobParameters());
        var date = key.runDate();
        boolean rerun = key.isRerun();
        String resume = (rerun ? "restart runDate=" + date : "launch runDate=" + date + " again")
                + " to resume where it stopped.";
        if (execution.getStatus() == BatchStatus.STOPPED) {
            err.println("Run " + run + " STOPPED at a commit because this process was asked to stop (shutdown). "
                    + resume.substring(0, 1).toUpperCase(Locale.ROOT) + resume.substring(1));
            return ExitCode.FAILED;
        }
        List<Throwable> failures = execution.getAllFailureExceptions();
        for (Throwable f : failures) {
            if (!(rootCause(f) instanceof InputFileException)) {
                log.error("Run {} failed", run, f);
            }
        }
        String steps = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED || s.getStatus() == BatchStatus.STOPPED)
                .map(StepExecution::getStepName)
                .collect(Collectors.joining(", "));
        String reason = failures.isEmpty() ? FailureReason.of(execution.getExitStatus().getExitDescription())
                : reason(failures.get(0));
        err.println("Run " + run + " " + execution.getStatus() + (steps.isEmpty() ? "" : " in step " + steps)
                + (reason.isEmpty() ? "" : ": " + reason)
                + (FailureReason.requiresRerun(reason) ? "" : ". Fix the cause, then " + resume));
        return ExitCode.FAILED;
    }

    /** "Run 2026-11-23 completed in 42.3 s: ..." — the whole run in one line. */
    String summary(JobExecution execution) {
        long instanceId = execution.getJobInstance().getInstanceId();
        var context = execution.getExecutionContext();
        RunCounts c = context.containsKey(WriteWorkbookTasklet.LINES)
                ? repository.runCounts(instanceId, context.getLong(WriteWorkbookTasklet.LINES),
                        context.getLong(WriteWorkbookTasklet.DUPLICATES))
                : repository.runCounts(instanceId);
        String perStatus = linesPerStatus(execution, instanceId);
        return "Run " + ReconLauncher.describe(execution.getJobParameters()) + " completed in "
                + seconds(duration(execution)) + ": " + n(c.rowsRead()) + " remittance rows read, " + n(c.lines())
                + " lines reconciled" + (perStatus.isEmpty() ? "" : " (" + perStatus + ")") + ", " + n(c.rejected())
                + " rows rejected, " + n(c.duplicates()) + " duplicates, " + c.skippedFiles() + " of "
                + c.remittanceFiles() + " remittance files skipped as already reconciled; workbook "
                + execution.getExecutionContext().getString(WriteWorkbookTasklet.WORKBOOK_PATH, "(none)");
    }

    /** "STATUS n, ..." from what the workbook step recorded, else from the staging table. */
    private String linesPerStatus(JobExecution execution, long instanceId) {
        String recorded = execution.getExecutionContext().getString(WriteWorkbookTasklet.LINES_PER_STATUS, null);
        if (recorded != null) {
            return java.util.Arrays.stream(recorded.split(";"))
                    .filter(p -> !p.isEmpty())
                    .map(p -> p.substring(0, p.indexOf('=')) + " " + n(Long.parseLong(p.substring(p.indexOf('=') + 1))))
                    .collect(Collectors.joining(", "));
        }
        return repository.linesPerStatus(instanceId).entrySet().stream()
                .map(e -> e.getKey() + " " + n(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static Duration duration(JobExecution execution) {
        return execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
    }

    static String seconds(Duration d) {
        return RunFormat.seconds(d);
    }

    static String n(long value) {
        return RunFormat.n(value);
    }

    static String reason(Throwable t) {
        return RunFormat.reason(t);
    }

    static Throwable rootCause(Throwable t) {
        return RunFormat.rootCause(t);
    }
}
