package com.rcm.j3490.ops;

import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.ReconLauncher;
import com.rcm.j3490.job.ReconProperties;
import com.rcm.j3490.job.RunTracker;
import com.rcm.j3490.job.UserError;
import java.io.PrintStream;
import java.time.LocalDate;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;

/**
 * The manager's operations on the job repository, one entry point for the command line and the
 * console: each delegates to the part that owns its role ({@link RunLaunches}: launching,
 * {@link RunRepairs}: restart, rerun, recover, abandon, {@link RunListings}: the runs and show
 * reports, {@link ScheduleLifecycle}: the schedule, {@link BacklogReport}: the open work items). Each prints readable lines on its output
 * and returns the exit code; a refusal is a {@link UserError}.
 */
public class ReconCommands implements DisposableBean {
    private final RunLaunches launches;
    private final RunRepairs repairs;
    private final RunListings listings;
    private final ScheduleLifecycle schedule;
    /** Null where no backlog store is wired: the backlog command is then refused. */
    private final BacklogReport backlog;

    public ReconCommands(RunLaunches launches, RunRepairs repairs, RunListings listings, ScheduleLifecycle schedule,
            BacklogReport backlog) {
        this.launches = launches;
        this.repairs = repairs;
        this.listings = listings;
        this.schedule = schedule;
        this.backlog = backlog;
    }

    /** The application's wiring of the four parts, printing on {@code out}. */
    public ReconCommands(ReconLauncher launcher, JobOperator jobOperator, JobRepository jobRepository,
            RunHistory history, RunReport report, RunTracker tracker, RepositoryLock lock, ReconProperties properties,
            PrintStream out) {
        this(launcher, jobOperator, jobRepository, history, report, tracker, lock, properties, out, null);
    }

    /** @param backlog the backlog command's report (null: the command is refused) */
    public ReconCommands(ReconLauncher launcher, JobOperator jobOperator, JobRepository jobRepository,
            RunHistory history, RunReport report, RunTracker tracker, RepositoryLock lock, ReconProperties properties,
            PrintStream out, BacklogReport backlog) {
        this(new RunLaunches(launcher::launch, report, tracker, properties.shutdownTimeout()), history, jobOperator,
                jobRepository, tracker, lock, properties, out, backlog);
    }

    private ReconCommands(RunLaunches launches, RunHistory history, JobOperator jobOperator,
            JobRepository jobRepository, RunTracker tracker, RepositoryLock lock, ReconProperties properties,
            PrintStream out, BacklogReport backlog) {
        this(launches, new RunRepairs(history, launches, jobOperator, tracker, lock, out),
                new RunListings(history, lock, out),
                new ScheduleLifecycle(launches, jobRepository, properties.schedule(), properties.shutdownTimeout()),
                backlog);
    }

    /** Launches (or resumes) the run with these identifying parameters and reports its outcome. */
    public ExitCode run(JobParameters parameters) {
        return launches.run(parameters);
    }

    public ExitCode restart(LocalDate runDate) {
        return repairs.restart(runDate);
    }

    public ExitCode rerun(LocalDate runDate, boolean confirm) {
        return repairs.rerun(runDate, confirm);
    }

    public ExitCode recover(LocalDate runDate, boolean confirm) {
        return repairs.recover(runDate, confirm);
    }

    public ExitCode abandon(LocalDate runDate) {
        return repairs.abandon(runDate);
    }

    public ExitCode runs(int limit) {
        return listings.runs(limit);
    }

    public ExitCode show(LocalDate runDate) {
        return listings.show(runDate);
    }

    /** The open work items by worklist and age (see {@link BacklogReport}). */
    public ExitCode backlog(LocalDate asOf) {
        if (backlog == null) {
            throw new UserError(ExitCode.REFUSED, "the backlog command is not available here");
        }
        return backlog.print(asOf);
    }

    public ExitCode schedule() {
        return schedule.schedule();
    }

    public NightlySchedule startSchedule() {
        return schedule.startSchedule();
    }

    public void stopSchedule() {
        schedule.stopSchedule();
    }

    /** Shutdown: the schedule stops, and a run in progress stops at its next commit (resumable with restart). */
    @Override
    public void destroy() {
        if (schedule.isStarted()) {
            schedule.stopSchedule();
        } else {
            launches.stopRunsInProgress();
        }
    }
}
