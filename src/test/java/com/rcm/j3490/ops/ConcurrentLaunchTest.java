package com.rcm.j3490.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes launched at the same moment for the same runDate (a scheduler that fired twice,
 * a manager who launched by hand meanwhile): one runs, the other is refused cleanly, with exit
 * code 4 and one line on standard error. With the H2 file repository the second process cannot
 * even open the database (its file lock), which is the single-instance guard.
 */
@Tag("separate-jvm")
class ConcurrentLaunchTest {
    @TempDir
    Path dir;

    @Test
    void oneRunsTheOtherIsRefusedWithExitCode4() throws Exception {
        Path in = dir.resolve("in");
        OpsFixtures.reference(in);
        OpsFixtures.remittance(in.resolve("remittance/era.csv"), "C", 6_000, Set.of());
        List<String> args = List.of("runDate=2026-11-23",
                "--recon.input.remittance=" + in.resolve("remittance"),
                "--recon.input.invoices=" + in.resolve("invoices"),
                "--recon.reference.contracts=" + in.resolve("contracts.csv"),
                "--recon.reference.pricing=" + in.resolve("pricing.csv"),
                "--recon.output.dir=reports", "--recon.repository.dir=data");
        Path work = Files.createDirectories(dir.resolve("run"));
        try (JvmProcess first = JvmProcess.start(work, args); JvmProcess second = JvmProcess.start(work, args)) {
            int a = first.waitFor(Duration.ofMinutes(3));
            int b = second.waitFor(Duration.ofMinutes(3));
            assertThat(Set.of(a, b)).as(first.output() + "\n" + second.output()).containsExactlyInAnyOrder(0, 4);
            JvmProcess refused = a == 4 ? first : second;
            JvmProcess ran = a == 4 ? second : first;
            assertThat(refused.stderr()).singleElement().asString()
                    .contains("in use by another process", "refused", "Retry");
            assertThat(ran.stderr()).isEmpty();
            assertThat(ran.stdout()).anyMatch(l -> l.contains("Run 2026-11-23 completed in"));
        }
    }
}
