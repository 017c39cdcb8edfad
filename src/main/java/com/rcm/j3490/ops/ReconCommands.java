package com.rcm.j3490.ops;

import com.rcm.j3490.job.FailureReason;
import com.rcm.j3490.job.RunTracker;
import com.rcm.j3490.input.InputFileException;
import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.ReconJobConfiguration;
import com.rcm.j3490.job.ReconLauncher;
import com.rcm.j3490.job.ReconProperties;
import com.rcm.j3490.job.UserError;
import com.rcm.j3490.job.WriteWorkbookTasklet;
import com.rcm.j3490.ops.RunHistory.Run;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The manager's commands on the job repository: run, runs, show, restart, recover, abandon,
 * rerun and schedule. Each prints readable lines on standard output and returns the exit code;
 * a refusal is a {@link UserError} (one line on standard error, its own exit code).
 */
public class ReconCommands implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ReconCommands.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ReconLauncher launcher;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final RunHistory history;
    private final RunReport report;
    private final RunTracker tracker;
    private final RepositoryLock lock;
    private final ReconProperties properties;
    private final PrintStream out;
    private volatile NightlySchedule schedule;
    private volatile ThreadPoolTaskScheduler scheduler;
    /** Launches in progress in this process (until their outcome is reported). */
    private final AtomicInteger launches = new AtomicInteger();

    public ReconCommands(ReconLauncher launcher, JobOperator jobOperator, JobRepository jobRepository,
            RunHistory history, RunReport report, RunTracker tracker, RepositoryLock lock, ReconProperties properties,
            PrintStream out) {
        this.launcher = launcher;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.history = history;
        this.report = report;
        this.tracker = tracker;
        this.lock = lock;
        this.properties = properties;
        this.out = out;
    }

    public ExitCode execute(CommandLine line) {
        return switch (line.command()) {
            case RUN -> run(ReconLauncher.parameters(line.runDateOrToday()));
            case RUNS -> runs(line.limit());
            case SHOW -> show(line.runDate());
            case RESTART -> restart(line.runDate());
            case RECOVER -> recover(line.runDate(), line.confirm());
            case ABANDON -> abandon(line.runDate());
            case RERUN -> rerun(line.runDate(), line.confirm());
            case SCHEDULE -> schedule();
        };
    }

    // ---- run, restart, rerun ---------------------------------------------------------------

    /** Launches (or resumes) the run with these identifying parameters and reports its outcome. */
    public ExitCode run(JobParameters parameters) {
        launches.incrementAndGet();
        try {
            return report.report(launcher.launch(parameters));
        } finally {
            launches.decrementAndGet();
        }
    }

    /** Resumes the date's latest run (a rerun included) from its last commit: the same as launching it. */
    public ExitCode restart(LocalDate runDate) {
        Run run = history.latest(runDate).orElseThrow(() -> refused("there is no run of " + runDate
                + " to restart; start it with: runDate=" + runDate));
        out.println("Restarting run " + run.name() + " (" + run.status() + "); completed steps are skipped and the "
                + "reconcile step resumes after its last commit.");
        return run(run.parameters());
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
        return run(ReconLauncher.parameters(runDate, ordinal));
    }

    // ---- recover, abandon -------------------------------------------------------------------

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
                    + "execution " + execution.getId() + " (started " + time(execution.getStartTime())
                    + ", last updated " + time(lastUpdated(execution)) + ") is still running in another process. "
                    + "Make sure that process is dead, then: recover runDate=" + runDate + " --confirm");
        }
        String note = "process died; marked FAILED by recover at " + time(LocalDateTime.now());
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

    // ---- runs, show -------------------------------------------------------------------------

    public ExitCode runs(int limit) {
        List<Run> runs = history.recent(limit);
        if (runs.isEmpty()) {
            out.println("No runs yet in the job repository (" + lock.url() + ").");
            return ExitCode.COMPLETED;
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
        return ExitCode.COMPLETED;
    }

    public ExitCode show(LocalDate runDate) {
        List<Run> runs = history.ofDate(runDate);
        if (runs.isEmpty()) {
            throw refused("there is no run of " + runDate + " in the job repository; list the runs with: runs");
        }
        for (Run run : runs) {
            show(run);
        }
        return ExitCode.COMPLETED;
    }

    private void show(Run run) {
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

    private String next(Run run) {
        LocalDate d = run.runDate();
        BatchStatus s = run.status();
        if (s == BatchStatus.COMPLETED) {
            return "nothing to do. To reconcile the date again on purpose: rerun runDate=" + d + " --confirm";
        }
        if (s == BatchStatus.ABANDONED) {
            return "never resumed. To reconcile the date again: rerun runDate=" + d + " --confirm";
        }
        if (s.isRunning()) {
            return lock.exclusive()
                    ? "its process died (this process holds the repository alone): recover runDate=" + d
                            + ", then: restart runDate=" + d
                    : "running in another process, or its process died; if it died: recover runDate=" + d
                            + " --confirm, then: restart runDate=" + d;
        }
        if (s == BatchStatus.STOPPED) { // a shutdown asked it to stop at a commit: nothing to fix
            return "stopped at a commit by a shutdown: restart runDate=" + d + " (resumes after the last commit)";
        }
        if (FailureReason.requiresRerun(FailureReason.of(run.last().getExitStatus().getExitDescription()))) {
            return "a restart would fail the same way: fix the input, then " + FailureReason.rerunAdvice(d);
        }
        return "fix the cause, then: restart runDate=" + d + " (resumes after the last commit); or give it up: "
                + "abandon runDate=" + d;
    }

    private static String exit(JobExecution e) {
        return e.getStatus().isRunning() ? "(running, or its process died)" : exit(e.getExitStatus());
    }

    private static String exit(ExitStatus status) {
        String reason = FailureReason.of(status.getExitDescription());
        return reason.isEmpty() ? status.getExitCode() : status.getExitCode() + ": " + reason;
    }

    // ---- schedule ----------------------------------------------------------------------------

    /** Stays up and launches one run per night until the process is stopped. */
    public ExitCode schedule() {
        NightlySchedule s = startSchedule();
        try {
            s.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Schedule stopped");
        return ExitCode.COMPLETED;
    }

    /** Starts the nightly schedule of {@code recon.schedule.*} and returns at once. */
    public synchronized NightlySchedule startSchedule() {
        if (schedule != null) {
            throw new IllegalStateException("the schedule is already started");
        }
        ReconProperties.Schedule p = properties.schedule();
        ZoneId zone = p.zone() == null || p.zone().isBlank() ? ZoneId.systemDefault() : zone(p.zone());
        for (JobExecution stale : jobRepository.findRunningJobExecutions(ReconJobConfiguration.JOB_NAME)) {
            log.warn("Run {} is marked running (execution {}, started {}); if its process died: recover runDate={}",
                    ReconLauncher.describe(stale.getJobParameters()), stale.getId(), time(stale.getStartTime()),
                    stale.getJobParameters().getLocalDate(ReconJobConfiguration.RUN_DATE));
        }
        ThreadPoolTaskScheduler taskScheduler = new ThreadPoolTaskScheduler();
        taskScheduler.setThreadNamePrefix("recon-schedule-");
        taskScheduler.setPoolSize(1);
        // no interrupt of a run on shutdown (H2 closes its files on an interrupt): it is asked to stop instead
        taskScheduler.setWaitForTasksToCompleteOnShutdown(true);
        taskScheduler.initialize();
        NightlySchedule s;
        try {
            s = new NightlySchedule(taskScheduler, p.cron(), zone, p.runDateOffsetDays(), Clock.system(zone),
                    this::scheduledRun);
        } catch (IllegalArgumentException e) {
            taskScheduler.shutdown();
            throw refused(e.getMessage());
        }
        s.start();
        scheduler = taskScheduler;
        schedule = s;
        return s;
    }

    /** One night's run; a refusal is an outcome, not an error, for the schedule. */
    ExitCode scheduledRun(LocalDate runDate) {
        try {
            return run(ReconLauncher.parameters(runDate));
        } catch (UserError e) {
            log.warn("Scheduled run of {} refused: {}", runDate, e.getMessage());
            return e.exitCode();
        } catch (InputFileException e) {
            log.warn("Scheduled run of {} refused: {}", runDate, e.getMessage());
            return ExitCode.REFUSED;
        }
    }

    /**
     * Ends the schedule: no further firings; a run in progress is asked to stop at its next
     * commit (it ends STOPPED and is resumed with restart), waiting up to
     * {@code recon.shutdown-timeout}.
     */
    public synchronized void stopSchedule() {
        NightlySchedule s = schedule;
        if (s == null) {
            return;
        }
        s.cancel();
        stopRunsInProgress();
        try {
            s.stop(properties.shutdownTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.shutdown();
        schedule = null;
    }

    /**
     * On shutdown (SIGTERM, Ctrl-C, a service stop) while this process runs the job: asks the run
     * to stop at its next commit ({@link RunTracker#requestStop}) and waits for it (up to
     * {@code recon.shutdown-timeout}) before the database is closed. The run ends STOPPED,
     * resumable with restart, instead of being cut off mid-chunk.
     */
    void stopRunsInProgress() {
        if (launches.get() == 0) {
            return;
        }
        for (JobExecution execution : tracker.requestStop()) {
            log.info("Shutting down: stopping run {} at its next commit (resume it later with: restart runDate={})",
                    ReconLauncher.describe(execution.getJobParameters()),
                    execution.getJobParameters().getLocalDate(ReconJobConfiguration.RUN_DATE));
        }
        long deadline = System.nanoTime() + properties.shutdownTimeout().toNanos();
        while (launches.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            tracker.requestStop(); // a step that started meanwhile
        }
        if (launches.get() > 0) {
            log.warn("The run did not stop within {}; it stays marked running: recover it, then restart it",
                    properties.shutdownTimeout());
        }
    }

    @Override
    public void destroy() {
        if (schedule != null) {
            stopSchedule();
        } else {
            stopRunsInProgress();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id.trim());
        } catch (java.time.DateTimeException e) {
            throw refused("recon.schedule.zone '" + id + "' is not a time zone like America/Chicago");
        }
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

    static String time(LocalDateTime t) {
        return t == null ? "" : t.format(TIME);
    }

    private static UserError refused(String message) {
        return new UserError(ExitCode.REFUSED, message);
    }
}
