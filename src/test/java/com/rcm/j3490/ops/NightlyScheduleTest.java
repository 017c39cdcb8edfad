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

    @Test
    void everyFiringLaunchesAndAFailedOrRefusedNightDoesNotStopTheSchedule() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<LocalDate> dates = new CopyOnWriteArrayList<>();
        NightlySchedule schedule = new NightlySchedule(scheduler, "* * * * * *", ZoneId.of("UTC"), 0,
                Clock.systemUTC(), date -> {
                    dates.add(date);
                    return switch (calls.incrementAndGet()) {
                        case 1 -> throw new IllegalStateException("database unreachable");
                        case 2 -> ExitCode.REFUSED;
                        default -> ExitCode.COMPLETED;
                    };
                });
        schedule.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (schedule.firings() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(schedule.stop(Duration.ofSeconds(5))).isTrue();
        assertThat(schedule.firings()).isGreaterThanOrEqualTo(3);
        assertThat(schedule.lastOutcome()).isEqualTo(ExitCode.COMPLETED);
        assertThat(dates).first().isIn(LocalDate.now(ZoneId.of("UTC")), LocalDate.now(ZoneId.of("UTC")).minusDays(1));
        int firings = schedule.firings();
        Thread.sleep(1300);
        assertThat(schedule.firings()).isEqualTo(firings);
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
