package com.rcm.j3490.ops;

import com.rcm.j3490.job.ExitCode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

/**
 * One run per night in a long-running process: Spring's {@link CronTrigger} on a
 * {@link TaskScheduler}, in a configurable time zone. Each firing launches the run dated the day
 * in that zone at firing time (minus an offset, e.g. 1 to reconcile yesterday's remittance), and
 * whatever becomes of it (completed, failed, refused, an exception) is logged and the schedule
 * goes on to the next night. Runs never overlap: a firing that comes while a run is still going
 * is skipped and logged.
 */
public class NightlySchedule {
    private static final Logger log = LoggerFactory.getLogger(NightlySchedule.class);

    private final TaskScheduler scheduler;
    private final String cron;
    private final ZoneId zone;
    private final int runDateOffsetDays;
    private final Clock clock;
    private final Function<LocalDate, ExitCode> launch;
    private final ReentrantLock running = new ReentrantLock();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger firings = new AtomicInteger();
    private volatile ScheduledFuture<?> future;
    private volatile ExitCode lastOutcome;

    /**
     * @param cron   a Spring cron expression: second minute hour day-of-month month day-of-week
     * @param launch runs one date and returns its exit code (may throw)
     */
    public NightlySchedule(TaskScheduler scheduler, String cron, ZoneId zone, int runDateOffsetDays, Clock clock,
            Function<LocalDate, ExitCode> launch) {
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("recon.schedule.cron '" + cron + "' is not a cron expression like "
                    + "'0 0 2 * * *' (second minute hour day-of-month month day-of-week)");
        }
        this.scheduler = scheduler;
        this.cron = cron;
        this.zone = zone;
        this.runDateOffsetDays = runDateOffsetDays;
        this.clock = clock;
        this.launch = launch;
    }

    public void start() {
        future = scheduler.schedule(this::fire, new CronTrigger(cron, zone));
        log.info("Schedule started: cron '{}' in {}, runDate = that day{}; next run at {}", cron, zone,
                runDateOffsetDays == 0 ? "" : " minus " + runDateOffsetDays + " day(s)", nextRun());
    }

    /** When the schedule fires next (in its zone). */
    public ZonedDateTime nextRun() {
        return CronExpression.parse(cron).next(ZonedDateTime.now(clock.withZone(zone)));
    }

    /** The run date of a firing now. */
    public LocalDate runDateNow() {
        return LocalDate.now(clock.withZone(zone)).minusDays(runDateOffsetDays);
    }

    void fire() {
        if (!running.tryLock()) {
            log.warn("Schedule fired while the previous run is still going; this firing is skipped");
            return;
        }
        try {
            firings.incrementAndGet();
            LocalDate runDate = runDateNow();
            log.info("Scheduled run of {} starting", runDate);
            ExitCode outcome;
            try {
                outcome = launch.apply(runDate);
            } catch (RuntimeException e) {
                log.error("Scheduled run of {} could not run: {}", runDate, RunReport.reason(e), e);
                outcome = ExitCode.FAILED;
            }
            lastOutcome = outcome;
            if (outcome == ExitCode.COMPLETED) {
                log.info("Scheduled run of {} completed; next run at {}", runDate, nextRun());
            } else {
                log.warn("Scheduled run of {} ended with exit code {} ({}); the schedule goes on, next run at {}",
                        runDate, outcome.code(), outcome, nextRun());
            }
        } finally {
            running.unlock();
        }
    }

    /** Firings so far (runs launched, whatever their outcome). */
    public int firings() {
        return firings.get();
    }

    public ExitCode lastOutcome() {
        return lastOutcome;
    }

    public boolean isRunning() {
        return running.isLocked();
    }

    /** No further firings (a run in progress goes on). */
    public void cancel() {
        ScheduledFuture<?> f = future;
        if (f != null) {
            f.cancel(false);
        }
    }

    /** No further firings; waits up to {@code timeout} for a run in progress to return. */
    public boolean stop(Duration timeout) throws InterruptedException {
        cancel();
        boolean idle = running.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (idle) {
            running.unlock();
        }
        stopped.countDown();
        return idle;
    }

    /** Blocks the caller (the schedule command) until {@link #stop} is called. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }
}
