package com.rcm.j3490.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.ops.OpsFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Makes the screenshots of docs/console.md, only when asked:
 * {@code ./mvnw -B -ntp test -Dtest=ConsoleScreenshots -Dconsole.screenshots=$PWD/docs/images}.
 * The sample inputs of input-samples/ (real files, the real job) with 6 malformed rows, and a skip
 * limit of 10, so that a late file with 8 more makes a night fail in words a manager reads.
 */
@EnabledIfSystemProperty(named = "console.screenshots", matches = ".+")
class ConsoleScreenshots extends ConsoleInBrowser {
    static final String NAME = "ConsoleScreenshots";
    static final int SKIP_LIMIT = 10;
    /** Patient names of the generated file and of the samples (surnames), and what an error page would show. */
    private static final String[] PATIENT_NAMES = {"PATIENT-", "Notaperson", "Notapatient", "Fakington", "Facsimile",
        "Spurious", "Exception"};

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ConsoleFixtures.register(registry, NAME, SKIP_LIMIT);
    }

    /**
     * Three nights as a manager lives them: the first fails on a payer's late file with too many
     * malformed rows, is repaired by a restart once the payer re-sends it; the second completes;
     * the third fails and waits for the manager. The pages are checked before they are saved:
     * realistic content, and no patient name anywhere.
     */
    @Test
    void screenshotsOfTheRunsPageAndARunsPage() throws Exception {
        ConsoleFixtures.inputs(NAME);
        Path files = ConsoleFixtures.files(NAME);
        Path samples = Path.of("input-samples");
        Files.copy(samples.resolve("reference/payer-contracts.csv"), files.resolve("ref/contracts.csv"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(samples.resolve("reference/asp-pricing.csv"), files.resolve("ref/pricing.csv"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.delete(files.resolve("ref/invoices/invoices.csv"));
        try (var invoices = Files.list(samples.resolve("invoices"))) {
            for (Path f : invoices.toList()) {
                Files.copy(f, files.resolve("ref/invoices").resolve(f.getFileName()));
            }
        }
        try (var eras = Files.list(samples.resolve("remittance"))) {
            for (Path f : eras.toList()) {
                Files.copy(f, files.resolve("remittance").resolve(f.getFileName()));
            }
        }
        ConsoleFixtures.clean(jdbc);
        Path late = OpsFixtures.remittance(files.resolve("remittance/era-2026-11-23-late.csv"), "L", 40,
                Set.of(2, 4, 8, 15, 16, 23, 33, 38));
        LocalDate first = LocalDate.of(2026, 11, 23);
        logIn(ConsoleFixtures.MANAGER);
        act(first, "Launch…");
        waitForPage(first, "FAILED");
        OpsFixtures.remittance(late, "L", 40, Set.of()); // the payer re-sends it, fixed
        act(first, "Restart…");
        waitForPage(first, "COMPLETED");
        OpsFixtures.remittance(files.resolve("remittance/era-2026-11-24.csv"), "M", 60, Set.of());
        act(first.plusDays(1), "Launch…");
        waitForPage(first.plusDays(1), "COMPLETED");
        OpsFixtures.remittance(files.resolve("remittance/era-2026-11-25.csv"), "N", 30,
                Set.of(2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 30));
        act(first.plusDays(2), "Launch…");
        waitForPage(first.plusDays(2), "FAILED");

        Path out = Path.of(System.getProperty("console.screenshots"));
        Files.createDirectories(out);
        browser.get(url("/runs"));
        assertThat(page()).contains("COMPLETED", "FAILED", "era-2026-11-25.csv has 11 malformed rows",
                "recon.skip-limit=" + SKIP_LIMIT).doesNotContain(PATIENT_NAMES);
        screenshot(out.resolve("console-runs.png"));

        browser.get(url("/runs/" + first));
        assertThat(page()).contains("COMPLETED after 2 execution(s)", "inventoryInputs", "reconcileLines",
                "writeWorkbook", "Download workbook", "nothing to do. To reconcile the date again on purpose: rerun",
                "Rerun…").doesNotContain(PATIENT_NAMES);
        assertThat(browser.findElement(By.cssSelector("section.audit")).getText()).contains("max", "launch", "FAILED",
                "restart", "DONE");
        screenshot(out.resolve("console-run.png"));

        browser.get(url("/runs/" + first.plusDays(2)));
        assertThat(page()).contains("fix the cause, then: restart runDate=" + first.plusDays(2), "Restart…",
                "Abandon…").doesNotContain(PATIENT_NAMES);
        screenshot(out.resolve("console-run-failed.png"));
    }
}
