package com.rcm.j3490.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.bench.InputGenerator;
import com.rcm.j3490.bench.X12NightWriter;
import com.rcm.j3490.input.InputFiles;
import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.input.x12.ClaimFiles;
import com.rcm.j3490.support.Steps;
import com.rcm.j3490.support.WorkbookReader;
import com.rcm.j3490.workbook.WorklistWorkbookWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One generated night, reconciled from its CSV remittances and then (a rerun of the same date)
 * from the same night written as X12 835s with the provider's 837s: the All Lines sheets hold the
 * same rows. The X12 run fails on purpose in the middle of an 835 and is restarted: it resumes
 * after the last committed chunk. The same 835s delivered again the next night are skipped.
 */
@SpringBatchTest
@SpringBootTest
class X12NightEndToEndTest {
    private static final Path DIR = Path.of("target/test-runs/x12-night");
    private static final Path GENERATED = DIR.resolve("generated");
    private static final LocalDate RUN_DATE = InputGenerator.RUN_DATE;
    /** ~1,000 remittance rows in three files: the restart point lies in the second. */
    private static final int CLAIMS = 400;
    private static final int CHUNK = 100;
    private static X12NightWriter.Written written;

    @Autowired
    private JobOperatorTestUtils jobs;

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.register(registry, DIR);
        Path in = DIR.resolve("in");
        registry.add("recon.input.invoices", () -> GENERATED.resolve("invoices").toString());
        registry.add("recon.reference.contracts", () -> GENERATED.resolve("reference/payer-contracts.csv").toString());
        registry.add("recon.reference.pricing", () -> GENERATED.resolve("reference/asp-pricing.csv").toString());
        registry.add("recon.input.claims", () -> in.resolve("claims").toString());
        registry.add("recon.chunk-size", () -> CHUNK);
        registry.add("recon.skip-limit", () -> -1);
    }

    @BeforeAll
    static void night() throws IOException {
        TestProperties.clean(DIR);
        InputGenerator.generate(CLAIMS, GENERATED, InputGenerator.DEFAULT_SEED, 400);
        written = X12NightWriter.write(GENERATED.resolve("remittance"), DIR.resolve("x12/835"), DIR.resolve("x12/837"), false);
    }

    @Test
    void theNightFromX12GivesTheSameAllLinesAsFromCsvAndResumesAfterAFailure() throws Exception {
        TestFolders.copyInto(GENERATED.resolve("remittance"), remittanceDir());
        Files.createDirectories(DIR.resolve("in/claims"));
        JobParameters csvRun = ReconLauncher.parameters(RUN_DATE);
        JobExecution csv = jobs.startJob(csvRun);
        assertThat(csv.getStatus()).as("%s", csv.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        List<List<String>> fromCsv = allLines();
        assertThat(fromCsv).hasSizeGreaterThan(CLAIMS);

        // the same date again, on purpose, from the X12 files; it fails in the middle of an 835
        TestFolders.copyInto(DIR.resolve("x12/835"), remittanceDir());
        TestFolders.copyInto(DIR.resolve("x12/837"), DIR.resolve("in/claims"));
        jdbc.execute("CREATE TRIGGER IF NOT EXISTS fail_once_x12 BEFORE INSERT ON recon_line FOR EACH ROW CALL '"
                + FailOnceTrigger.class.getName() + "'");
        FailOnceTrigger.FAIL_FROM_SEQ.set(550);
        JobParameters x12Run = new JobParametersBuilder(csvRun).addLong(RunKey.RERUN, 1L)
                .toJobParameters();
        JobExecution failed = jobs.startJob(x12Run);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        StepExecution failedStep = Steps.named(failed, "reconcileLines");
        assertThat(failedStep.getCommitCount()).isPositive();
        long committedRows = failedStep.getExecutionContext().getInt("remittance.read.count");
        assertThat(committedRows).isEqualTo((long) CHUNK * failedStep.getCommitCount());

        JobExecution resumed = jobs.startJob(x12Run);
        assertThat(resumed.getStatus()).as("%s", resumed.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        StepExecution resumedStep = Steps.named(resumed, "reconcileLines");
        assertThat(resumedStep.getReadCount()).as("the restart reads only what was not committed")
                .isEqualTo(Steps.named(csv, "reconcileLines").getReadCount() - committedRows);

        long instance = resumed.getJobInstance().getInstanceId();
        assertThat(jdbc.queryForObject("SELECT SUM(service_lines) FROM recon_x12_transaction WHERE job_instance_id = ?",
                Long.class, instance)).as("the restart replays the 835s from their start and counts no line twice")
                .isEqualTo(written.serviceLines());
        Map<String, Object> claims = jdbc.queryForMap(
                "SELECT claim_lines, unjoined_lines FROM recon_x12_claims WHERE job_instance_id = ?", instance);
        long claimLinesInMemory = ClaimFiles.load(InputFiles.list(DIR.resolve("in/claims"), InputKind.CLAIM_LINES),
                Set.of("J3490"), r -> { }).lineCount();
        assertThat(((Number) claims.get("claim_lines")).longValue()).isEqualTo(claimLinesInMemory).isPositive();
        assertThat(((Number) claims.get("unjoined_lines")).longValue())
                .as("every 837 line was paid, whether joined before or after the restart").isZero();

        List<List<String>> fromX12 = allLines();
        assertThat(fromX12.get(0)).isEqualTo(fromCsv.get(0));
        // the 835 pays each check in its own transaction set, so rows come grouped by check
        assertThat(sorted(fromX12)).isEqualTo(sorted(fromCsv));
        assertThat(fromX12.stream().filter(r -> r.toString().contains("CLAIM_LINE_NOT_FOUND"))).isEmpty();

        try (XSSFWorkbook wb = WorkbookReader.open(workbook())) {
            List<String> summary = column(wb.getSheet(WorklistWorkbookWriter.SUMMARY), 0);
            assertThat(summary).contains("X12 remittances: balancing (835)", "Claims given (recon.input.claims)");
        }

        // the same 835s delivered again the next night: skipped as already reconciled
        JobExecution next = jobs.startJob(ReconLauncher.parameters(RUN_DATE.plusDays(1)));
        assertThat(next.getStatus()).as("%s", next.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Steps.named(next, "reconcileLines").getReadCount()).isZero();
    }

    private static Path remittanceDir() {
        return DIR.resolve("in/remittance");
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows.subList(1, rows.size()));
        copy.sort(Comparator.comparing(List::toString));
        return copy;
    }

    private static List<String> column(Sheet sheet, int column) {
        List<String> values = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getCell(column) != null) {
                values.add(row.getCell(column).toString());
            }
        }
        return values;
    }

    private static Path workbook() {
        return DIR.resolve("out").resolve(WorklistWorkbookWriter.fileName(RUN_DATE));
    }

    private static List<List<String>> allLines() throws Exception {
        try (XSSFWorkbook wb = WorkbookReader.open(workbook())) {
            return WorkbookReader.rows(wb.getSheet(WorklistWorkbookWriter.ALL_LINES));
        }
    }
}
