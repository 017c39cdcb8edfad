package com.rcm.j3490.ops;

import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.RunKey;
import com.rcm.j3490.job.RunTracker;
import com.rcm.j3490.job.UserError;
import com.rcm.j3490.ops.RunHistory.Run;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;

/**
 * Repairing runs: restart (resume a failed or stopped run), rerun (a completed date again, on
 * purpose), recover (a run left running by a dead process) and abandon (never resume). Each
 * decides from the run's recorded state, prints what it did and returns the exit code; a refusal
 * is a {@link UserError}.
 */
public class RunRepairs {
    private final RunHistory history;
    private final RunLaunches launches;
    private final JobOperator jobOperator;
    private final RunTracker tracker;
    private final RepositoryLock lock;
    private final PrintStream out;

    public RunRepairs(RunHistory history, RunLaunches launches, JobOperator jobOperator, RunTracker tracker,
            RepositoryLock lock, PrintStream out) {
        this.history = history;
        this.launches = launches;
        this.jobOperator = jobOperator;
        this.tracker = tracker;
        this.lock = lock;
        this.out = out;
    }

    /** Resumes the date's latest run (a rerun included) from its last commit: the same as launching it. */
    public ExitCode restart(LocalDate runDate) {
        Run run = history.latest(runDate).orElseThrow(() -> refused("there is no run of " + runDate
                + " to restart; start it with: runDate=" + runDate));
        out.println("Restarting run " + run.name() + " (" + run.status() + "); completed steps are skipped and the "
                + "reconcile step resumes after its last commit.");
        return launches.run(run.parameters());
    }

    /** A completed (or abandoned) date reconciled again on purpose, as a new run; never without --confirm. */
    public ExitCode rerun(LocalDate runDate, boolean confirm) {
        Run latest = history.latest(runDate).orElseThrow(() -> refused("there is no run of " + runDate
                + " yet; its first run is launched with: runDate=" + runDate));
        BatchStatus status = latest.status();
        if (status.isRunning()) {
            throw new UserError(ExitCode.ALREADY_RUNNING, "run " + latest.name() + " is marked running (execution "
                    + latest.last().getId() + "); it cannot be rerun now" + recoverHint(runDate));
        }
        if (status != BatchStatus.COMPLETED && status != BatchStatus.ABANDONED) {
            throw refused("run " + latest.name() + " is " + status + ", not completed: resume it with: restart runDate="
                    + runDate + " (or give it up first with: abandon runDate=" + runDate + ")");
        }
        if (!confirm) {
            throw refused("rerun reconciles " + runDate + " again from scratch as a new run: remittance files that "
                    + "run already reconciled are read again, and the date's workbook is replaced. To do it on "
                    + "purpose: rerun runDate=" + runDate + " --confirm");
        }
        long ordinal = history.nextRerun(runDate);
        out.println("Rerunning " + runDate + " as rerun " + ordinal + " (a new run; the earlier runs stay in the "
                + "job repository).");
        return launches.run(RunKey.rerun(runDate, ordinal));
    }

    /**
     * Marks FAILED a run left STARTED by a process that died (kill -9, power loss), so that it
     * can be restarted. With an H2 file repository this process holds the file lock, which proves
     * that no other process is running the job; with a shared database (PostgreSQL) only the
     * manager can know, and must say so with --confirm.
     */
    public ExitCode recover(LocalDate runDate, boolean confirm) {
        Run run = history.latest(runDate).orElseThrow(() -> refused("there is no run of " + runDate
                + " in the job repository"));
        JobExecution execution = run.last();
        if (!execution.getStatus().isRunning()) {
            throw refused("run " + run.name() + " is " + execution.getStatus() + ", not marked running: nothing to "
                    + "recover" + (execution.getStatus() == BatchStatus.FAILED
                            || execution.getStatus() == BatchStatus.STOPPED ? "; resume it with: restart runDate="
                                    + runDate : ""));
        }
        if (tracker.running().contains(execution.getId())) {
            throw new UserError(ExitCode.ALREADY_RUNNING, "run " + run.name() + " is running in this process");
        }
        String proof;
        if (lock.exclusive()) {
            proof = "this process holds the H2 repository's file lock, so no other process is running it";
        } else if (confirm) {
            proof = "the manager confirmed that its process is dead (--confirm)";
        } else {
            throw refused("the job repository (" + lock.url() + ") is shared, so this command cannot tell whether "
                    + "execution " + execution.getId() + " (started " + RunListings.time(execution.getStartTime())
                    + ", last updated " + RunListings.time(lastUpdated(execution)) + ") is still running in another "
                    + "process. Make sure that process is dead, then: recover runDate=" + runDate + " --confirm");
        }
        String note = "process died; marked FAILED by recover at " + RunListings.time(LocalDateTime.now());
        List<StepExecution> interrupted = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus().isRunning()).toList();
        for (StepExecution step : interrupted) {
            step.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), note));
        }
        execution.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), note));
        JobExecution recovered = jobOperator.recover(execution);
        out.println("Recovered run " + run.name() + ": execution " + execution.getId() + " was left "
                + "STARTED by a process that is gone (" + proof + "); it is now " + recovered.getStatus() + ".");
        for (StepExecution step : interrupted) {
            out.println("  step " + step.getStepName() + " stopped after " + RunReport.n(step.getCommitCount())
                    + " committed chunk(s), " + RunReport.n(step.getReadCount()) + " row(s) read");
        }
        out.println("Resume it from its last commit with: restart runDate=" + runDate);
        return ExitCode.COMPLETED;
    }

    /** Gives up a failed or stopped run for good: it is never resumed (a rerun can still redo the date). */
    public ExitCode abandon(LocalDate runDate) {
        Run run = history.latest(runDate).orElseThrow(() -> refused("there is no run of " + runDate
                + " in the job repository"));
        JobExecution execution = run.last();
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.ABANDONED) {
            out.println("Run " + run.name() + " is already abandoned.");
            return ExitCode.COMPLETED;
        }
        if (status == BatchStatus.COMPLETED) {
            throw new UserError(ExitCode.ALREADY_COMPLETED, "run " + run.name() + " completed; there is nothing to "
                    + "abandon");
        }
        if (status.isRunning()) {
            throw new UserError(ExitCode.ALREADY_RUNNING, "run " + run.name() + " is marked running (execution "
                    + execution.getId() + "); it cannot be abandoned while it runs" + recoverHint(runDate));
        }
        try {
            jobOperator.abandon(execution);
        } catch (JobExecutionAlreadyRunningException e) {
            throw new UserError(ExitCode.ALREADY_RUNNING, "run " + run.name() + " is running: " + e.getMessage());
        }
        out.println("Abandoned run " + run.name() + " (execution " + execution.getId() + ", " + status + "): it will "
                + "never be resumed, and launching runDate=" + runDate + " is refused from now on. To reconcile "
                + "the date again: rerun runDate=" + runDate + " --confirm");
        return ExitCode.COMPLETED;
    }

    private String recoverHint(LocalDate runDate) {
        return "; if its process died, first: recover runDate=" + runDate + (lock.exclusive() ? "" : " --confirm");
    }

    private static LocalDateTime lastUpdated(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .map(StepExecution::getLastUpdated)
                .filter(t -> t != null)
                .max(Comparator.naturalOrder())
                .orElse(execution.getLastUpdated());
    }

    static UserError refused(String message) {
        return new UserError(ExitCode.REFUSED, message);
    }
}
