package com.rcm.j3490.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.ReconApplication;
import com.rcm.j3490.ops.RunHistory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import com.rcm.j3490.ops.OpsFixtures;
import com.rcm.j3490.workbook.WorklistWorkbookWriter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.util.FileSystemUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real browser (headless Chromium) against a real server on a random port,
 * with the real operations: login, the runs page, the roles, CSRF, a confirmation page and its
 * action, a refusal shown as a message, and an error page without exception.
 */
class ConsoleBrowserTest extends ConsoleInBrowser {
    static final String NAME = "ConsoleBrowserTest";
    private static final LocalDate FAILED_DAY = LocalDate.of(2026, 1, 5);
    private static final LocalDate DEAD_DAY = LocalDate.of(2026, 1, 6);
    private static final LocalDate REPAIRED_DAY = LocalDate.of(2026, 1, 7);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ConsoleFixtures.register(registry, NAME, 2);
    }

    @BeforeEach
    void runsInKnownStates() throws IOException {
        ConsoleFixtures.inputs(NAME);
        ConsoleFixtures.clean(jdbc);
        ConsoleFixtures.failedRun(jobRepository, FAILED_DAY, "remittance file era-7.csv is not readable");
        ConsoleFixtures.startedByADeadProcess(jobRepository, DEAD_DAY);
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() {
        browser.get(url("/runs/2026-01-05"));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
    }

    @Test
    void aViewerSeesTheRunsButCannotAct() throws Exception {
        logIn(ConsoleFixtures.VIEWER);
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/runs"));
        assertThat(page()).contains("Runs", "2026-01-05", "FAILED", "reconcileLines: FAILED: remittance file era-7.csv "
                + "is not readable", "vera (viewer)").doesNotContain("Launch tonight");

        browser.get(url("/runs/2026-01-05"));
        assertThat(page()).contains("Run 2026-01-05", "reconcileLines").doesNotContain("Restart…");
        String csrf = browser.findElement(By.name("_csrf")).getDomAttribute("value");

        browser.get(url("/runs/2026-01-05/actions/abandon"));
        assertThat(page()).contains("Not allowed", "MANAGER").doesNotContain("Exception");

        // the viewer's own session and a valid token: still 403, and nothing changed
        HttpResponse<String> post = post("/runs/2026-01-05/actions/abandon", "_csrf=" + URLEncoder.encode(csrf,
                StandardCharsets.UTF_8));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.body()).doesNotContain("Exception");
        assertThat(history.latest(FAILED_DAY).orElseThrow().status()).isEqualTo(BatchStatus.FAILED);
        assertThat(audit.recent(10)).isEmpty();
    }

    @Test
    void aPostWithoutCsrfTokenIsRefusedEvenForAManager() throws Exception {
        logIn(ConsoleFixtures.MANAGER);
        HttpResponse<String> post = post("/runs/2026-01-05/actions/abandon", "");
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(history.latest(FAILED_DAY).orElseThrow().status()).isEqualTo(BatchStatus.FAILED);
    }

    @Test
    void aManagerConfirmsAnActionAndSeesItsOutcomeAndAuditOnTheRunPage() {
        logIn(ConsoleFixtures.MANAGER);
        assertThat(page()).contains("max (manager)", "Launch tonight's run");
        browser.findElement(By.linkText("2026-01-05")).click();
        browser.findElement(By.linkText("Abandon…")).click();

        assertThat(browser.getCurrentUrl()).isEqualTo(url("/runs/2026-01-05/actions/abandon"));
        assertThat(page()).contains("Abandon run 2026-01-05?", RunAction.ABANDON.consequence());
        assertThat(history.latest(FAILED_DAY).orElseThrow().status()).as("nothing before the POST")
                .isEqualTo(BatchStatus.FAILED);
        submit();

        assertThat(browser.getCurrentUrl()).isEqualTo(url("/runs/2026-01-05"));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).startsWith("Abandon: Abandoned run 2026-01-05");
        assertThat(history.latest(FAILED_DAY).orElseThrow().status()).isEqualTo(BatchStatus.ABANDONED);
        assertThat(page()).contains("ABANDONED", "Rerun…");
        assertThat(browser.findElement(By.cssSelector("section.audit")).getText()).contains("max", "abandon", "DONE");
    }

    @Test
    void aRunLeftRunningByADeadProcessIsRecovered() {
        logIn(ConsoleFixtures.MANAGER);
        browser.get(url("/runs/2026-01-06"));
        browser.findElement(By.linkText("Recover…")).click();
        submit();
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).contains("Recovered run 2026-01-06");
        assertThat(history.latest(DEAD_DAY).orElseThrow().status()).isEqualTo(BatchStatus.FAILED);
        assertThat(page()).contains("Restart…");
    }

    @Test
    void aRefusalIsAMessageAndABadAddressAPageWithoutException() {
        logIn(ConsoleFixtures.MANAGER);
        browser.get(url("/runs/2026-03-01/actions/restart"));
        submit();
        assertThat(browser.findElement(By.cssSelector(".flash.refused")).getText())
                .isEqualTo("Restart: there is no run of 2026-03-01 to restart; start it with: runDate=2026-03-01");
        assertThat(audit.forDate(LocalDate.of(2026, 3, 1), 5)).extracting(AuditLog.Entry::result).containsExactly("REFUSED");

        browser.get(url("/runs/not-a-date"));
        assertThat(page()).contains("Bad request").doesNotContain("Exception", "at org.");
        browser.get(url("/runs/2026-01-05/actions/explode"));
        assertThat(page()).contains("Not found").doesNotContain("Exception");
    }

    /**
     * The repair of issue 15, end to end with the real job: a run fails on purpose (a remittance
     * file with more malformed rows than recon.skip-limit), the manager sees why, the payer's
     * fixed file is put in place, the manager restarts the run from its page; the page reloads
     * until the run is COMPLETED, and its workbook downloads in the browser and opens with POI.
     */
    @Test
    void aManagerRestartsAFailedRunAndDownloadsItsWorkbook() throws Exception {
        Path era = OpsFixtures.remittance(ConsoleFixtures.files(NAME).resolve("remittance/era-0107.csv"), "R", 60,
                Set.of(5, 9, 40));
        logIn(ConsoleFixtures.MANAGER);
        browser.get(url("/runs/" + REPAIRED_DAY));
        assertThat(page()).contains("There is no run of this date");
        browser.findElement(By.linkText("Launch…")).click();
        submit();
        waitForPage(REPAIRED_DAY, "FAILED");
        assertThat(page()).contains("Failure", "inventoryInputs", "era-0107.csv has 3 malformed rows",
                "recon.skip-limit=2", "Restart…", "Abandon…").doesNotContain("Exception", "PATIENT-");
        browser.get(url("/runs"));
        assertThat(browser.findElement(By.cssSelector("tr.failed")).getText()).contains(REPAIRED_DAY.toString(),
                "FAILED: inventoryInputs: remittance file era-0107.csv has 3 malformed rows")
                .doesNotContain("inventoryInputs: FAILED: inventoryInputs");

        // the payer re-sends the file, fixed; the manager restarts the run from its page
        OpsFixtures.remittance(era, "R", 60, Set.of());
        browser.get(url("/runs/" + REPAIRED_DAY));
        browser.findElement(By.linkText("Restart…")).click();
        assertThat(page()).contains("Restart run " + REPAIRED_DAY + "?", RunAction.RESTART.consequence());
        submit();
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/runs/" + REPAIRED_DAY));
        waitForPage(REPAIRED_DAY, "COMPLETED");
        assertThat(history.latest(REPAIRED_DAY).orElseThrow().executions()).hasSize(2);
        assertThat(page()).contains("60 remittance rows read", "Rerun…").doesNotContain("Restart…");
        assertThat(browser.findElement(By.cssSelector("section.audit")).getText())
                .contains("max", "launch", "FAILED", "restart");

        FileSystemUtils.deleteRecursively(DOWNLOADS);
        Files.createDirectories(DOWNLOADS);
        browser.findElement(By.linkText("Download workbook")).click();
        Path downloaded = DOWNLOADS.resolve("j3490-worklist-" + REPAIRED_DAY + ".xlsx");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.isRegularFile(downloaded) && System.nanoTime() < deadline) {
            sleep(100); // Chromium writes a .crdownload file and renames it when complete
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(downloaded))) {
            Sheet allLines = workbook.getSheet(WorklistWorkbookWriter.ALL_LINES);
            assertThat(allLines).as("the All Lines sheet").isNotNull();
            assertThat(allLines.getLastRowNum()).as("one row per J3490 line: 60 rows less every 7th")
                    .isEqualTo(60 - 60 / 7);
        }
    }


}
