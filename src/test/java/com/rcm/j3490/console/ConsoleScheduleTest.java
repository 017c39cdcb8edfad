package com.rcm.j3490.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.ops.NightlySchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;

/**
 * The console's schedule is the schedule command's NightlySchedule, started and stopped with the
 * console (ConsolePagesTest starts the real one through the console's wiring). Here its firing is
 * run by hand, by a task scheduler that only keeps the task, so no test waits for a clock.
 */
class ConsoleScheduleTest {
    /** Keeps the task it is given; runs nothing by itself. */
    static class HandScheduler implements TaskScheduler {
        Runnable task;

        @Override public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) { this.task = task; return null; }
        @Override public ScheduledFuture<?> schedule(Runnable task, Instant startTime) { throw new UnsupportedOperationException(); }
        @Override public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) { throw new UnsupportedOperationException(); }
        @Override public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) { throw new UnsupportedOperationException(); }
        @Override public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) { throw new UnsupportedOperationException(); }
        @Override public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) { throw new UnsupportedOperationException(); }
    }

    @Test
    void theConsoleStartsTheNightlyScheduleSaysWhenItRunsNextAndHowTheLastRunEnded() {
        ZoneId chicago = ZoneId.of("America/Chicago");
        Clock noonUtc = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), chicago);
        HandScheduler scheduler = new HandScheduler();
        List<LocalDate> launched = new ArrayList<>();
        NightlySchedule nightly = new NightlySchedule(scheduler, "0 0 2 * * *", chicago, 1, noonUtc, runDate -> {
            launched.add(runDate);
            return ExitCode.FAILED;
        });
        ConsoleSchedule schedule = new ConsoleSchedule(() -> {
            nightly.start();
            return nightly;
        }, nightly::cancel);
        assertThat(schedule.describe()).as("not started").isNull();

        schedule.start();
        assertThat(schedule.isRunning()).isTrue();
        assertThat(schedule.describe())
                .isEqualTo("Nightly schedule in this console: next run at 2026-03-11 02:00 America/Chicago.");

        scheduler.task.run(); // the night's firing
        assertThat(launched).as("yesterday in Chicago").containsExactly(LocalDate.of(2026, 3, 9));
        assertThat(schedule.describe()).isEqualTo("Nightly schedule in this console: next run at 2026-03-11 02:00 "
                + "America/Chicago; the last scheduled run ended with exit code 1 (FAILED).");

        schedule.stop();
        assertThat(schedule.isRunning()).isFalse();
        assertThat(schedule.describe()).isNull();
    }
}
