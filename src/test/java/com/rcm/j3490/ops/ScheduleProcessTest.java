package com.rcm.j3490.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedule command as a service runs it: a long-running JVM that launches the night's run
 * on its cron; stopped with SIGTERM (systemctl stop) in the middle of a run, it asks the run to
 * stop at its next commit, so the run ends STOPPED (not STARTED) and resumes with restart.
 */
@Tag("separate-jvm")
class ScheduleProcessTest {
    private static final Pattern PROGRESS = Pattern.compile("Progress reconcileLines: ([\\d,]+) of");

    @TempDir
    Path dir;

    @Test
    void theScheduleLaunchesTheNightsRunAndASigtermStopsItCleanly() throws Exception {
        Path in = dir.resolve("in");
        OpsFixtures.reference(in);
        OpsFixtures.remittance(in.resolve("remittance/era.csv"), "S", 6_000, Set.of());
        Path work = Files.createDirectories(dir.resolve("run"));
        LocalDate tonight = LocalDate.now(ZoneOffset.UTC);

        JvmProcess schedule = JvmProcess.start(work, args(in, "schedule", "--recon.schedule.cron=*/2 * * * * *",
                "--recon.schedule.zone=UTC", "--recon.chunk-size=50", "--recon.progress.every-chunks=1"));
        try {
            assertThat(schedule.awaitLine(l -> l.contains("Scheduled run of " + tonight + " starting"),
                    Duration.ofSeconds(60))).as(schedule.output()).isPresent();
            assertThat(schedule.awaitLine(l -> rows(l) >= 500, Duration.ofSeconds(60))).as(schedule.output())
                    .isPresent();
            schedule.terminate();
            assertThat(schedule.waitFor(Duration.ofSeconds(60))).as(schedule.output()).isEqualTo(143);
        } finally {
            schedule.close();
        }
        assertThat(schedule.stdout()).as(schedule.output()).anyMatch(l -> l.contains("Shutting down: stopping run " + tonight));
        assertThat(schedule.stderr()).anyMatch(l -> l.contains("Run " + tonight + " STOPPED at a commit"));

        JvmProcess show = JvmProcess.run(work, args(in, "show", "runDate=" + tonight), Duration.ofMinutes(1));
        assertThat(show.exitCode()).as(show.output()).isZero();
        assertThat(String.join("\n", show.stdout())).contains("Status:    STOPPED", "restart runDate=" + tonight);

        JvmProcess restart = JvmProcess.run(work, args(in, "restart", "runDate=" + tonight), Duration.ofMinutes(2));
        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(restart.stdout()).anyMatch(l -> l.contains("Run " + tonight + " completed in")
                && l.contains("6,000 remittance rows read"));
    }

    private static long rows(String line) {
        Matcher m = PROGRESS.matcher(line);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }

    private static List<String> args(Path in, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--recon.input.remittance=" + in.resolve("remittance"),
                "--recon.input.invoices=" + in.resolve("invoices"),
                "--recon.reference.contracts=" + in.resolve("contracts.csv"),
                "--recon.reference.pricing=" + in.resolve("pricing.csv"),
                "--recon.output.dir=reports", "--recon.repository.dir=data"));
        return args;
    }
}
