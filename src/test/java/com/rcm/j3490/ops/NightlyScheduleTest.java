package com.rcm.j3490.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rcm.j3490.job.ExitCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The schedule on Spring's cron trigger: dates, time zone, and a night that goes wrong. */
class NightlyScheduleTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    NightlyScheduleTest() {
        scheduler.setPoolSize(1);
        scheduler.initialize();
    }

    @AfterEach
    void shutdown() {
        scheduler.shutdown();
    }

    /** Firings are called directly (no waiting for the cron): what each does, not when it comes. */
    @Test
    void everyFiringLaunchesAndAFailedOrRefusedNightDoesNotStopTheSchedule() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<LocalDate> dates = new CopyOnWriteArrayList<>();
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneId.of("UTC"));
        NightlySchedule schedule = new NightlySchedule(scheduler, "0 0 2 * * *", ZoneId.of("UTC"), 0, clock, date -> {
            dates.add(date);
            return switch (calls.incrementAndGet()) {
                case 1 -> throw new IllegalStateException("database unreachable");
                case 2 -> ExitCode.REFUSED;
                default -> ExitCode.COMPLETED;
            };
        });
        schedule.start();
        schedule.fire();
        assertThat(schedule.lastOutcome()).isEqualTo(ExitCode.FAILED);
        schedule.fire();
        assertThat(schedule.lastOutcome()).isEqualTo(ExitCode.REFUSED);
        schedule.fire();
        assertThat(schedule.lastOutcome()).isEqualTo(ExitCode.COMPLETED);
        assertThat(schedule.firings()).isEqualTo(3);
        assertThat(dates).containsOnly(LocalDate.of(2026, 11, 24));
        assertThat(schedule.nextRun()).isEqualTo(ZonedDateTime.parse("2026-11-25T02:00Z[UTC]"));
        assertThat(schedule.stop(Duration.ofSeconds(5))).isTrue();
        schedule.awaitStop(); // released by stop
    }

    @Test
    void theRunDateIsTheDayInTheScheduleZoneMinusTheOffset() {
        // 03:30 UTC on the 24th is 21:30 on the 23rd in Chicago
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T03:30:00Z"), ZoneId.of("UTC"));
        NightlySchedule sameDay = new NightlySchedule(scheduler, "0 0 2 * * *", CHICAGO, 0, clock, d -> ExitCode.COMPLETED);
        NightlySchedule dayBefore = new NightlySchedule(scheduler, "0 0 2 * * *", CHICAGO, 1, clock, d -> ExitCode.COMPLETED);
        assertThat(sameDay.runDateNow()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(dayBefore.runDateNow()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(sameDay.nextRun()).isEqualTo(ZonedDateTime.of(2026, 11, 24, 2, 0, 0, 0, CHICAGO));
    }

    @Test
    void aCronExpressionThatIsNotOneIsRefused() {
        assertThatThrownBy(() -> new NightlySchedule(scheduler, "0 2 * *", CHICAGO, 0, Clock.systemUTC(),
                d -> ExitCode.COMPLETED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recon.schedule.cron '0 2 * *'");
    }
}
