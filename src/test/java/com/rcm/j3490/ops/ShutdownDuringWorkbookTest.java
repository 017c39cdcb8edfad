package com.rcm.j3490.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.workbook.WorklistWorkbookWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while the workbook is written (issue 12, case 14): the last step completes, so the run
 * is COMPLETED with its workbook, instead of a complete workbook under a STOPPED run whose
 * advice said to fix a cause.
 */
@Tag("separate-jvm")
class ShutdownDuringWorkbookTest {
    private static final LocalDate RUN_DATE = LocalDate.of(2026, 1, 5);

    @TempDir
    Path dir;

    @Test
    void aShutdownDuringTheWorkbookStepLetsTheRunComplete() throws Exception {
        Path in = dir.resolve("in");
        OpsFixtures.reference(in);
        OpsFixtures.remittance(in.resolve("remittance/era.csv"), "S", 30_000, Set.of());
        Path work = Files.createDirectories(dir.resolve("run"));

        try (JvmProcess run = JvmProcess.start(work, args(in, "runDate=" + RUN_DATE))) {
            run.awaitLine(l -> l.contains("Step started: writeWorkbook"), Duration.ofMinutes(2))
                    .orElseThrow(() -> new AssertionError("the workbook step never started; " + run.output()));
            run.terminate();
            run.waitFor(Duration.ofMinutes(1));
            assertThat(run.stdout()).as(run.output())
                    .anyMatch(l -> l.contains("is writing its workbook, its last step; it completes first"))
                    .anyMatch(l -> l.contains("Step writeWorkbook COMPLETED"));
        }
        assertThat(work.resolve("reports").resolve(WorklistWorkbookWriter.fileName(RUN_DATE))).exists();

        JvmProcess show = JvmProcess.run(work, args(in, "show", "runDate=" + RUN_DATE), Duration.ofMinutes(1));
        assertThat(show.exitCode()).as(show.output()).isZero();
        assertThat(String.join("\n", show.stdout())).contains("Status:    COMPLETED", "Next:      nothing to do");
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
