package com.rcm.j3490.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mistyped or unreadable setting refuses the run as the jar is started (issue 12, cases 3 and
 * 11): exit 2, one line on standard error naming the property, no stack trace, no run recorded.
 */
@Tag("separate-jvm")
class BadSettingsProcessTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownReconPropertyIsRefusedWithASuggestion() throws Exception {
        JvmProcess p = run("--recon.skip-limt=5");
        assertRefused(p, "unknown property recon.skip-limt", "did you mean recon.skip-limit?");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheProperty() throws Exception {
        JvmProcess p = run("--recon.chunk-size=abc");
        assertRefused(p, "recon.chunk-size", "'abc'", "a whole number");
    }

    @Test
    void anEmptyOrInvalidTargetCodeListIsRefusedBeforeAnyFileIsRecorded() throws Exception {
        assertRefused(run("--recon.target-codes="), "recon.target-codes is empty");
        assertRefused(run("--recon.target-codes=J3490,,J3590"), "recon.target-codes has an empty entry");
        assertRefused(run("--recon.target-codes=J34 90"), "'J34 90' is not a procedure code");
        // nothing was run: the next night still reads the files
        JvmProcess runs = JvmProcess.run(dir.resolve("run"), List.of("runs"), Duration.ofMinutes(1));
        assertThat(runs.exitCode()).as(runs.output()).isZero();
        assertThat(String.join("\n", runs.stdout())).doesNotContain("COMPLETED");
    }

    @Test
    void aChunkSizeOfZeroIsRefused() throws Exception {
        assertRefused(run("--recon.chunk-size=0"), "recon.chunk-size is 0; it must be at least 1");
    }

    private static void assertRefused(JvmProcess p, String... expected) {
        assertThat(p.exitCode()).as(p.output()).isEqualTo(2);
        assertThat(p.stderr()).as(p.output()).hasSize(1);
        assertThat(p.stderr().get(0)).startsWith("Refused: ").contains(expected);
        assertThat(p.output()).doesNotContain("Exception", "\tat ");
    }

    private JvmProcess run(String setting) throws Exception {
        Path in = dir.resolve("in");
        if (!Files.exists(in)) {
            OpsFixtures.reference(in);
            OpsFixtures.remittance(in.resolve("remittance/era.csv"), "S", 10, Set.of());
        }
        Path work = Files.createDirectories(dir.resolve("run"));
        List<String> args = new ArrayList<>(List.of("runDate=2026-01-05", setting,
                "--recon.input.remittance=" + in.resolve("remittance"),
                "--recon.input.invoices=" + in.resolve("invoices"),
                "--recon.reference.contracts=" + in.resolve("contracts.csv"),
                "--recon.reference.pricing=" + in.resolve("pricing.csv"),
                "--recon.output.dir=reports", "--recon.repository.dir=data"));
        return JvmProcess.run(work, args, Duration.ofMinutes(1));
    }
}
