package com.rcm.j3490.ops;

import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.FailureReason;
import com.rcm.j3490.job.UserError;
import com.rcm.j3490.job.WriteWorkbookTasklet;
import com.rcm.j3490.ops.RunHistory.Run;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Printing reports on the recorded runs: the runs command (a table of recent runs) and the show
 * command (one date's runs, their executions and steps, and what to do next). The printing
 * methods take the runs as values, so they are tested without a job repository.
 */
public class RunListings {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final RunHistory history;
    private final RepositoryLock lock;
    private final PrintStream out;

    public RunListings(RunHistory history, RepositoryLock lock, PrintStream out) {
        this.history = history;
        this.lock = lock;
        this.out = out;
    }

    public ExitCode runs(int limit) {
        printRuns(history.recent(limit));
        return ExitCode.COMPLETED;
    }

    public ExitCode show(LocalDate runDate) {
        List<Run> runs = history.ofDate(runDate);
        if (runs.isEmpty()) {
            throw new UserError(ExitCode.REFUSED, "there is no run of " + runDate
                    + " in the job repository; list the runs with: runs");
        }
        runs.forEach(this::printRun);
        return ExitCode.COMPLETED;
    }

    /** The runs table, newest first as given. */
    public void printRuns(List<Run> runs) {
        if (runs.isEmpty()) {
            out.println("No runs yet in the job repository (" + lock.url() + ").");
            return;
        }
        TextTable table = new TextTable("RUN DATE", "RUN", "STATUS", "STARTED", "ENDED", ">EXECUTIONS", ">READ",
                ">RECONCILED", ">REJECTED", "EXIT");
        boolean anyRunning = false;
        for (Run run : runs) {
            anyRunning |= run.status().isRunning();
            table.row(run.runDate(), run.rerun() == null ? "" : "rerun " + run.rerun(),
                    run.status() + (run.status().isRunning() ? "*" : ""), time(run.started()), time(run.ended()),
                    run.executions().size(), RunReport.n(run.counts().rowsRead()), RunReport.n(run.counts().lines()),
                    RunReport.n(run.counts().rejected()), FailureReason.abbreviate(exit(run.last()), 90));
        }
        table.lines("").forEach(out::println);
        if (anyRunning) {
            out.println(lock.exclusive()
                    ? "* marked running, but this process holds the H2 repository alone: its process died. "
                            + "Mark it failed with: recover runDate=..., then: restart runDate=..."
                    : "* marked running: still running in another process, or that process died. If it died: "
                            + "recover runDate=... --confirm, then: restart runDate=...");
        }
    }

    /** One run: status, counts, workbook, its executions and steps, the failure and the next step. */
    public void printRun(Run run) {
        var c = run.counts();
        out.println("Run " + run.name() + "  [job instance " + run.instance().getInstanceId() + "]");
        out.println("  Status:    " + run.status() + " after " + run.executions().size() + " execution(s)");
        out.println("  Started:   " + time(run.started()) + "    Ended: " + time(run.ended()));
        out.println("  Counts:    " + RunReport.n(c.rowsRead()) + " remittance rows read, " + RunReport.n(c.lines())
                + " lines reconciled, " + RunReport.n(c.rejected()) + " rows rejected, " + RunReport.n(c.duplicates())
                + " duplicates; " + c.remittanceFiles() + " remittance file(s), " + c.skippedFiles()
                + " skipped as already reconciled");
        workbook(run).ifPresent(w -> out.println("  Workbook:  " + w));
        TextTable table = new TextTable(">EXECUTION", "STEP", "STATUS", "STARTED", "ENDED", ">READ", ">WRITTEN",
                ">COMMITS", ">ROLLBACKS", "EXIT");
        for (JobExecution e : run.executions()) {
            table.row(e.getId(), "(job)", e.getStatus(), time(e.getStartTime()), time(e.getEndTime()), "", "", "", "",
                    FailureReason.abbreviate(exit(e), 100));
            e.getStepExecutions().stream().sorted(Comparator.comparing(StepExecution::getId)).forEach(s -> table.row(
                    "", s.getStepName(), s.getStatus(), time(s.getStartTime()), time(s.getEndTime()),
                    RunReport.n(s.getReadCount()), RunReport.n(s.getWriteCount()), RunReport.n(s.getCommitCount()),
                    RunReport.n(s.getRollbackCount()), FailureReason.abbreviate(exit(s.getExitStatus()), 100)));
        }
        table.lines("  ").forEach(out::println);
        failure(run).ifPresent(f -> out.println("  Failure:   " + f));
        out.println("  Next:      " + next(run));
        out.println();
    }

    private static Optional<String> workbook(Run run) {
        return run.executions().stream()
                .filter(e -> e.getStatus() == BatchStatus.COMPLETED)
                .map(e -> e.getExecutionContext().getString(WriteWorkbookTasklet.WORKBOOK_PATH, null))
                .filter(p -> p != null)
                .reduce((a, b) -> b);
    }

    /** The reason of the latest failed or stopped execution. */
    private static Optional<String> failure(Run run) {
        List<JobExecution> executions = run.executions();
        for (int i = executions.size() - 1; i >= 0; i--) {
            JobExecution e = executions.get(i);
            if (e.getStatus() == BatchStatus.FAILED || e.getStatus() == BatchStatus.STOPPED) {
                String reason = FailureReason.of(e.getExitStatus().getExitDescription());
                return Optional.of("execution " + e.getId() + " " + e.getStatus() + (reason.isEmpty() ? "" : ": " + reason));
            }
        }
        return Optional.empty();
    }

    /**
     * What to do next about a run: the show command's "Next:" words, and the commands they name,
     * in order, as the words a manager types ({@code restart}, {@code abandon}, {@code recover},
     * {@code rerun}): the console turns them into its buttons, so that both always agree.
     */
    public record Next(String words, List<String> commands) {
        public Next {
            commands = List.copyOf(commands);
        }
    }

    private String next(Run run) {
        return next(run, lock.exclusive()).words();
    }

    /**
     * @param repositoryExclusive whether the asking process holds the job repository alone (an H2
     *                            file): then a run marked running has lost its process
     */
    public static Next next(Run run, boolean repositoryExclusive) {
        LocalDate d = run.runDate();
        BatchStatus s = run.status();
        if (s == BatchStatus.COMPLETED) {
            return new Next("nothing to do. To reconcile the date again on purpose: rerun runDate=" + d + " --confirm",
                    List.of("rerun"));
        }
        if (s == BatchStatus.ABANDONED) {
            return new Next("never resumed. To reconcile the date again: rerun runDate=" + d + " --confirm",
                    List.of("rerun"));
        }
        if (s.isRunning()) {
            return new Next(repositoryExclusive
                    ? "its process died (this process holds the repository alone): recover runDate=" + d
                            + ", then: restart runDate=" + d
                    : "running in another process, or its process died; if it died: recover runDate=" + d
                            + " --confirm, then: restart runDate=" + d, List.of("recover"));
        }
        if (s == BatchStatus.STOPPED) { // a shutdown asked it to stop at a commit: nothing to fix
            return new Next("stopped at a commit by a shutdown: restart runDate=" + d
                    + " (resumes after the last commit)", List.of("restart", "abandon"));
        }
        if (FailureReason.requiresRerun(FailureReason.of(run.last().getExitStatus().getExitDescription()))) {
            return new Next("a restart would fail the same way: fix the input, then " + FailureReason.rerunAdvice(d),
                    List.of("abandon"));
        }
        return new Next("fix the cause, then: restart runDate=" + d + " (resumes after the last commit); or give it "
                + "up: abandon runDate=" + d, List.of("restart", "abandon"));
    }

    private static String exit(JobExecution e) {
        return e.getStatus().isRunning() ? "(running, or its process died)" : exit(e.getExitStatus());
    }

    private static String exit(ExitStatus status) {
        String reason = FailureReason.of(status.getExitDescription());
        return reason.isEmpty() ? status.getExitCode() : status.getExitCode() + ": " + reason;
    }

    static String time(LocalDateTime t) {
        return t == null ? "" : t.format(TIME);
    }
}
