package com.rcm.j3490.ops;

import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.ReconLauncher;
import com.rcm.j3490.job.RunKey;
import com.rcm.j3490.job.RunTracker;
import com.rcm.j3490.job.UserError;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * Launching runs: starts (or resumes) the run of some identifying parameters and reports its
 * outcome; on shutdown, asks the runs this process launched to stop at their next commit. A
 * refusal is a {@link UserError}.
 */
public class RunLaunches {
    private static final Logger log = LoggerFactory.getLogger(RunLaunches.class);

    private final Function<JobParameters, JobExecution> launcher;
    private final RunReport report;
    private final RunTracker tracker;
    private final Duration shutdownTimeout;
    /** Launches in progress in this process (until their outcome is reported). */
    private final AtomicInteger launches = new AtomicInteger();

    /** @param launcher {@link ReconLauncher#launch} in the application; a test may pass its own */
    public RunLaunches(Function<JobParameters, JobExecution> launcher, RunReport report, RunTracker tracker,
            Duration shutdownTimeout) {
        this.launcher = launcher;
        this.report = report;
        this.tracker = tracker;
        this.shutdownTimeout = shutdownTimeout;
    }

    /** Launches (or resumes) the run with these identifying parameters and reports its outcome. */
    public ExitCode run(JobParameters parameters) {
        launches.incrementAndGet();
        try {
            return report.report(launcher.apply(parameters));
        } finally {
            launches.decrementAndGet();
        }
    }

    public ExitCode run(RunKey run) {
        return run(run.toJobParameters());
    }

    /** Whether a launch of this process has not reported its outcome yet. */
    public boolean inProgress() {
        return launches.get() > 0;
    }

    /**
     * On shutdown (SIGTERM, Ctrl-C, a service stop) while this process runs the job: asks the run
     * to stop at its next commit ({@link RunTracker#requestStop}) and waits for it (up to
     * {@code recon.shutdown-timeout}) before the database is closed. The run ends STOPPED,
     * resumable with restart, instead of being cut off mid-chunk.
     */
    public void stopRunsInProgress() {
        if (launches.get() == 0) {
            return;
        }
        for (JobExecution execution : tracker.requestStop()) {
            RunKey run = RunKey.of(execution.getJobParameters());
            log.info("Shutting down: stopping run {} at its next commit (resume it later with: restart runDate={})",
                    run, run.runDate());
        }
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
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
                    shutdownTimeout);
        }
    }
}
