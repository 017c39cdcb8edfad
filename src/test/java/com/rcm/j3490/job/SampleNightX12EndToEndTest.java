package com.rcm.j3490.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.support.WorkbookReader;
import com.rcm.j3490.workbook.LineColumns;
import com.rcm.j3490.workbook.WorklistWorkbookWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample night of input-samples/ (README "Run it"), reconciled from its CSV remittances and
 * then, as a rerun of the same date, from input-samples/x12 (the same remittances as X12 835s, the
 * provider's 837P and 837I claims): both All Lines sheets hold the same 51 J3490 lines, cell for
 * cell, except the one difference input-samples/README.md documents (the reversal's NDC quantity
 * comes from the corrected claim).
 */
@SpringBatchTest
@SpringBootTest
class SampleNightX12EndToEndTest {
    private static final Path DIR = Path.of("target/test-runs/sample-night-x12");
    private static final Path SAMPLES = Path.of("input-samples");
    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 24);

    @Autowired
    private JobOperatorTestUtils jobs;

    @Autowired
    private ReconLauncher launcher;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.register(registry, DIR);
        registry.add("recon.input.invoices", () -> SAMPLES.resolve("invoices").toString());
        registry.add("recon.reference.contracts", () -> SAMPLES.resolve("reference/payer-contracts.csv").toString());
        registry.add("recon.reference.pricing", () -> SAMPLES.resolve("reference/asp-pricing.csv").toString());
        registry.add("recon.input.claims", () -> DIR.resolve("in/claims").toString());
    }

    @BeforeAll
    static void clean() throws IOException {
        TestProperties.clean(DIR);
    }

    @Test
    void theSampleNightFromX12GivesTheSameAllLinesAsFromCsv() throws Exception {
        TestFolders.copyInto(SAMPLES.resolve("remittance"), DIR.resolve("in/remittance"));
        TestFolders.copyInto(null, DIR.resolve("in/claims"));
        JobParameters csvRun = ReconLauncher.parameters(RUN_DATE);
        JobExecution csv = jobs.startJob(csvRun);
        assertThat(csv.getStatus()).as("%s", csv.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        Night fromCsv = night();

        TestFolders.copyInto(SAMPLES.resolve("x12/835"), DIR.resolve("in/remittance"));
        TestFolders.copyInto(SAMPLES.resolve("x12/837"), DIR.resolve("in/claims"));
        launcher.checkInputs(); // what the command line checks before it launches: X12 passes it
        JobExecution x12 = jobs.startJob(new JobParametersBuilder(csvRun).addLong(RunKey.RERUN, 1L).toJobParameters());
        assertThat(x12.getStatus()).as("%s", x12.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        Night fromX12 = night();

        assertThat(fromCsv.lines()).hasSize(51);
        assertThat(fromX12.lines().keySet()).isEqualTo(fromCsv.lines().keySet());
        Map<String, Map<String, String>> differences = new TreeMap<>();
        fromCsv.lines().forEach((key, csvLine) -> {
            Map<String, String> x12Line = fromX12.lines().get(key);
            Map<String, String> diff = new LinkedHashMap<>();
            csvLine.forEach((column, value) -> {
                if (!value.equals(x12Line.get(column))) {
                    diff.put(column, value + " -> " + x12Line.get(column));
                }
            });
            if (!diff.isEmpty()) {
                differences.put(key, diff);
            }
        });
        // the one documented difference: in X12 the reversal of INF26-1004 joins the claim's latest
        // version (contract 5.3), the corrected claim of 2 vials, where the CSV row says 1 (negated)
        assertThat(differences).isEqualTo(Map.of("INF26-1004|2|1WN0452267|22", Map.of(
                "NDC Quantity", "1 -> 2", "Expected", "$1,842.36 -> $3,684.72", "Variance", "($3,655.24) -> ($5,497.60)")));
        assertThat(fromX12.lines().get("INF26-1004|2|1WN0452267|22").get(LineColumns.STATUS)).isEqualTo("REVERSED");

        // the same six rejected rows (5 remittance, 1 pricing), found at their X12 segment positions
        assertThat(fromX12.rejected()).extracting(r -> r.get("File") + ":" + r.get("Line")).containsExactly(
                "asp-pricing.csv:14", "era-2026-11-23-commercial.835:220", "era-2026-11-23-commercial.835:234",
                "era-2026-11-23-commercial.835:423", "era-2026-11-23-medicaid.835:31", "era-2026-11-23-medicare.835:161");
        assertThat(fromCsv.rejected()).hasSameSizeAs(fromX12.rejected());
        assertThat(fromX12.rejected().get(2).get("Reason")).isEqualTo("SVC segment 234 lacks SVC03 (line payment)");
        assertThat(fromX12.rejected().get(2).get("Raw Row")).startsWith("SVC*HC:J3490:JZ*4850.00~DTM*472*20261112~");
    }

    /**
     * The flags of contract 5.5 reach the All Lines sheet, and the Summary shows the X12 block with
     * claim CAS and PLB and lists the claims files without pretending they had 0 rows.
     */
    @Test
    void x12BesideCsvByContentAndTheFlagsOfSection5ReachTheWorkbook() throws Exception {
        Path synthetic = Path.of("src/test/resources/x12/synthetic");
        TestFolders.copyInto(null, DIR.resolve("in/remittance"));
        // recognised by content, whatever the name: an 835 named .csv beside a CSV named .txt
        Files.copy(synthetic.resolve("j3490-night.835"), DIR.resolve("in/remittance/a-j3490-night.csv"));
        Files.writeString(DIR.resolve("in/remittance/b-export.txt"),
                "claim_id,payer_id,service_date,procedure_code,billed_amount,paid_amount\nCSV1,MCD-NV,2026-11-01,J3490,100.00,100.00\n");
        TestFolders.copyInto(null, DIR.resolve("in/claims"));
        for (String claims : List.of("j3490-inst.837", "j3490-prof-1.837", "j3490-prof-2-corrected.837")) {
            Files.copy(synthetic.resolve(claims), DIR.resolve("in/claims").resolve(claims));
        }
        LocalDate date = RUN_DATE.plusDays(10);
        JobExecution run = jobs.startJob(ReconLauncher.parameters(date));
        assertThat(run.getStatus()).as("%s", run.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        try (XSSFWorkbook wb = WorkbookReader.open(DIR.resolve("out").resolve(WorklistWorkbookWriter.fileName(date)))) {
            Map<String, String> flags = new TreeMap<>();
            for (Map<String, String> line : WorkbookReader.records(wb.getSheet(WorklistWorkbookWriter.ALL_LINES))) {
                flags.put(line.get(LineColumns.CLAIM_ID) + "/" + line.get(LineColumns.LINE), line.get(LineColumns.FLAGS));
            }
            assertThat(flags).containsKey("CSV1/1");
            assertThat(flags.get("CSV1/1")).as("CSV rows are never joined").doesNotContain("CLAIM_LINE_NOT_FOUND");
            assertThat(flags.get("C100/l1")).contains("CLAIM_ADJUSTMENT").doesNotContain("CLAIM_LINE_NOT_FOUND");
            assertThat(flags.get("C100/L2")).contains("CLAIM_ADJUSTMENT");
            assertThat(flags.get("C500/1")).contains("CLAIM_LINE_NOT_FOUND").doesNotContain("CLAIM_ADJUSTMENT");
            assertThat(flags.get("C200/L1")).doesNotContain("CLAIM_LINE_NOT_FOUND").doesNotContain("CLAIM_ADJUSTMENT");

            List<List<String>> summary = WorkbookReader.rows(wb.getSheet(WorklistWorkbookWriter.SUMMARY));
            List<String> first = summary.stream().map(r -> r.isEmpty() ? "" : r.get(0)).toList();
            assertThat(first).contains("X12 remittances: balancing (835)", "Claim-level adjustments (CAS of loop 2100)",
                    "Provider-level adjustments (PLB)", "Claims given (recon.input.claims)");
            List<String> claimsFile = summary.stream().filter(r -> r.size() > 1 && r.get(1).equals("j3490-prof-1.837"))
                    .findFirst().orElseThrow();
            assertThat(claimsFile.get(0)).isEqualTo("claims");
            assertThat(claimsFile.get(2)).as("no row count for a claims file").isEmpty();
            assertThat(claimsFile).anyMatch(c -> c.startsWith("claims to join: lines counted under Claims given"));
        }
    }

    record Night(Map<String, Map<String, String>> lines, List<Map<String, String>> rejected) {
    }

    private static Night night() throws IOException {
        try (XSSFWorkbook wb = WorkbookReader.open(DIR.resolve("out").resolve(WorklistWorkbookWriter.fileName(RUN_DATE)))) {
            Map<String, Map<String, String>> lines = new TreeMap<>();
            for (Map<String, String> line : WorkbookReader.records(wb.getSheet(WorklistWorkbookWriter.ALL_LINES))) {
                String key = String.join("|", line.get(LineColumns.CLAIM_ID), line.get(LineColumns.LINE),
                        line.get(LineColumns.CHECK_NUMBER), line.get(LineColumns.CLAIM_STATUS));
                assertThat(lines.put(key, line)).as("one All Lines row per %s", key).isNull();
            }
            return new Night(lines, WorkbookReader.records(wb.getSheet(WorklistWorkbookWriter.REJECTED_ROWS)));
        }
    }

}
