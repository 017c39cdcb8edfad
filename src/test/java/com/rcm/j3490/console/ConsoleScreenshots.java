package com.rcm.j3490.console;

import com.rcm.j3490.ops.OpsFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Makes the screenshots of docs/console.md (it runs the browser tests too):
 * {@code ./mvnw -B -ntp test -Dtest=ConsoleScreenshots -Dconsole.screenshots=$PWD/docs/images}.
 * The sample inputs have a few malformed rows: the default skip limit's order of magnitude.
 */
@EnabledIfSystemProperty(named = "console.screenshots", matches = ".+")
class ConsoleScreenshots extends ConsoleBrowserTest {
    @DynamicPropertySource
    static void skipLimit(DynamicPropertyRegistry registry) {
        registry.add("recon.skip-limit", () -> "10");
    }

    /**
     * The screenshots of docs/console.md, on the sample inputs of input-samples/ (real files, the
     * real job): a night repaired by a restart, a night whose files were already reconciled, and
     * a night that failed. Only with {@code -Dconsole.screenshots=docs/images}.
     */
    @Test
    void screenshotsOfTheRunsPageAndARunsPage() throws Exception {
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
        Path late = OpsFixtures.remittance(files.resolve("remittance/era-2026-11-23-late.csv"), "L", 40, Set.of(4, 8, 15, 16, 23, 42 % 40, 33, 38));
        LocalDate first = LocalDate.of(2026, 11, 23);
        logIn(ConsoleFixtures.MANAGER);
        act(first, "Launch…");
        waitForPage(first, "FAILED");
        OpsFixtures.remittance(late, "L", 40, Set.of());
        act(first, "Restart…");
        waitForPage(first, "COMPLETED");
        act(first.plusDays(1), "Launch…");
        waitForPage(first.plusDays(1), "COMPLETED");
        OpsFixtures.remittance(files.resolve("remittance/era-2026-11-25.csv"), "N", 30, Set.of(2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 30));
        act(first.plusDays(2), "Launch…");
        waitForPage(first.plusDays(2), "FAILED");

        Path out = Path.of(System.getProperty("console.screenshots"));
        Files.createDirectories(out);
        browser.get(url("/runs"));
        screenshot(out.resolve("console-runs.png"));
        browser.get(url("/runs/" + first));
        screenshot(out.resolve("console-run.png"));
        browser.get(url("/inputs"));
        screenshot(out.resolve("console-inputs.png"));
    }

}
