package com.rcm.j3490.ops;

import com.rcm.j3490.input.InputFileException;
import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.ReconProperties;
import com.rcm.j3490.job.RunKey;
import com.rcm.j3490.job.UserError;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The schedule command's life cycle: starts the {@link NightlySchedule} of
 * {@code recon.schedule.*} on its own one-thread scheduler, launches each night's run through
 * {@link RunLaunches} (a refusal is an outcome, not an error), and on stop cancels further
 * firings, asks a run in progress to stop at its next commit and shuts the scheduler down.
 */
public class ScheduleLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ScheduleLifecycle.class);

    private final RunLaunches launches;
    private final JobRepository jobRepository;
    private final ReconProperties.Schedule settings;
    private final Duration shutdownTimeout;
    private NightlySchedule schedule;
    private ThreadPoolTaskScheduler scheduler;

    public ScheduleLifecycle(RunLaunches launches, JobRepository jobRepository, ReconProperties.Schedule settings,
            Duration shutdownTimeout) {
        this.launches = launches;
        this.jobRepository = jobRepository;
        this.settings = settings;
        this.shutdownTimeout = shutdownTimeout;
    }

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

    /** Starts the nightly schedule and returns at once. */
    public synchronized NightlySchedule startSchedule() {
        if (schedule != null) {
            throw new IllegalStateException("the schedule is already started");
        }
        ZoneId zone = settings.zone() == null || settings.zone().isBlank() ? ZoneId.systemDefault()
                : zone(settings.zone());
        for (JobExecution stale : jobRepository.findRunningJobExecutions(RunKey.JOB_NAME)) {
            RunKey run = RunKey.of(stale.getJobParameters());
            log.warn("Run {} is marked running (execution {}, started {}); if its process died: recover runDate={}",
                    run, stale.getId(), RunListings.time(stale.getStartTime()), run.runDate());
        }
        ThreadPoolTaskScheduler taskScheduler = new ThreadPoolTaskScheduler();
        taskScheduler.setThreadNamePrefix("recon-schedule-");
        taskScheduler.setPoolSize(1);
        // no interrupt of a run on shutdown (H2 closes its files on an interrupt): it is asked to stop instead
        taskScheduler.setWaitForTasksToCompleteOnShutdown(true);
        taskScheduler.initialize();
        NightlySchedule s;
        try {
            s = new NightlySchedule(taskScheduler, settings.cron(), zone, settings.runDateOffsetDays(),
                    Clock.system(zone), this::scheduledRun);
        } catch (IllegalArgumentException e) {
            taskScheduler.shutdown();
            throw RunRepairs.refused(e.getMessage());
        }
        s.start();
        scheduler = taskScheduler;
        schedule = s;
        return s;
    }

    /** One night's run; a refusal is an outcome, not an error, for the schedule. */
    ExitCode scheduledRun(LocalDate runDate) {
        try {
            return launches.run(RunKey.of(runDate));
        } catch (UserError e) {
            log.warn("Scheduled run of {} refused: {}", runDate, e.getMessage());
            return e.exitCode();
        } catch (InputFileException e) {
            log.warn("Scheduled run of {} refused: {}", runDate, e.getMessage());
            return ExitCode.REFUSED;
        }
    }

    public synchronized boolean isStarted() {
        return schedule != null;
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
        launches.stopRunsInProgress();
        try {
            s.stop(shutdownTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.shutdown();
        schedule = null;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id.trim());
        } catch (java.time.DateTimeException e) {
            throw RunRepairs.refused("recon.schedule.zone '" + id + "' is not a time zone like America/Chicago");
        }
    }
}
