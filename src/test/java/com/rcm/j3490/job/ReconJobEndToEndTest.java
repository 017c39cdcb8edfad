package com.rcm.j3490.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.support.WorkbookReader;
import com.rcm.j3490.workbook.WorklistWorkbookWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the job on the shipped input-samples/ and reads the workbook back with POI: statuses and
 * amounts of named lines (worked out by hand in input-samples/README.md), the rejected rows,
 * the duplicate, the worklist order.
 */
@SpringBatchTest
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconJobEndToEndTest {
    private static final Path DIR = Path.of("target/test-runs/e2e");
    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 24);
    private static final List<String> CONTRACT_HEADERS = List.of("Claim ID", "Line", "Check Number", "Claim Status",
            "Payer ID", "Service Date", "NDC", "Billed", "Paid", "Reimbursed", "Expected", "Variance", "Pricing Basis",
            "Invoice Number", "Status", "Denial Codes", "Remark Codes", "Flags", "Rework Action", "Appeal Deadline",
            "Amount At Stake", "Resubmit By");

    @Autowired
    private JobOperatorTestUtils jobs;

    private JobExecution execution;
    private XSSFWorkbook workbook;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.batch.job.enabled", () -> "false");
        registry.add("recon.runner.enabled", () -> "false");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:./" + DIR.resolve("db/repository"));
        registry.add("recon.output.dir", () -> DIR.resolve("out").toString());
        registry.add("recon.workbook.carry-over-dir", () -> DIR.resolve("no-previous-workbooks").toString());
    }

    @BeforeAll
    void runJobOnSamples() throws Exception {
        TestProperties.clean(DIR);
        execution = jobs.startJob(ReconLauncher.parameters(RUN_DATE));
        workbook = WorkbookReader.open(DIR.resolve("out").resolve(WorklistWorkbookWriter.fileName(RUN_DATE)));
    }

    @AfterAll
    void close() throws Exception {
        workbook.close();
    }

    @Test
    void completesAndLeavesNoTemporaryFile() throws Exception {
        assertThat(execution.getStatus()).as("%s", execution.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        try (Stream<Path> files = Files.list(DIR.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactly(WorklistWorkbookWriter.fileName(RUN_DATE));
        }
    }

    @Test
    void allLinesHasTheContractHeadersAndEveryTargetLineOnce() {
        Sheet sheet = workbook.getSheet(WorklistWorkbookWriter.ALL_LINES);
        List<String> header = WorkbookReader.rows(sheet).get(0);
        assertThat(header.subList(0, CONTRACT_HEADERS.size())).isEqualTo(CONTRACT_HEADERS);
        assertThat(sheet.getLastRowNum()).as("51 J3490 lines; the redelivered row is not reconciled again").isEqualTo(51);
        Map<String, Long> perStatus = new HashMap<>();
        WorkbookReader.records(sheet).forEach(r -> perStatus.merge(r.get("Status"), 1L, Long::sum));
        assertThat(perStatus).containsExactlyInAnyOrderEntriesOf(Map.of("REVERSED", 1L, "DENIED_CO16", 9L,
                "DENIED_CO50", 1L, "DENIED_CO151", 1L, "DENIED_OTHER", 3L, "PATIENT_RESP", 1L, "NO_EXPECTED", 2L,
                "UNDERPAID", 4L, "OVERPAID", 3L, "PAID_OK", 26L));
    }

    @Test
    void namedLinesHaveTheirStatusAmountsAndFlags() {
        Line underpaid = line("INF26-1021", "2");
        assertThat(underpaid.text("Status")).isEqualTo("UNDERPAID");
        assertThat(underpaid.money("Expected")).isEqualTo(3311.00);
        assertThat(underpaid.money("Reimbursed")).isEqualTo(3100.00);
        assertThat(underpaid.money("Variance")).isEqualTo(-211.00);
        assertThat(underpaid.money("Amount At Stake")).isEqualTo(211.00);
        assertThat(underpaid.text("Pricing Basis")).isEqualTo("INVOICE");
        assertThat(underpaid.text("Invoice Number")).isEqualTo("HSD-241106");
        assertThat(underpaid.text("Rework Action")).startsWith("Dispute the underpayment");

        Line unprocessable = line("INF26-1005", "2", "4");
        assertThat(unprocessable.text("Status")).isEqualTo("DENIED_CO16");
        assertThat(unprocessable.text("Flags")).isEqualTo("NDC_INVALID");
        assertThat(unprocessable.text("Remark Codes")).isEqualTo("M119;MA130");
        assertThat(unprocessable.text("Rework Action")).contains("new claim");
        assertThat(unprocessable.cell("Expected")).as("blank Expected: none computed").isNull();
        assertThat(unprocessable.money("Amount At Stake")).isEqualTo(4850.00);
        assertThat(unprocessable.cell("Appeal Deadline")).as("MA130: no appeal rights").isNull();
        assertThat(unprocessable.cell("Resubmit By").getLocalDateTimeCellValue().toLocalDate())
                .isEqualTo(LocalDate.of(2026, 10, 23).plusDays(365));

        Line reversed = line("INF26-1004", "2", "22");
        assertThat(reversed.text("Status")).isEqualTo("REVERSED");
        assertThat(reversed.money("Paid")).isEqualTo(-1444.41);
        assertThat(reversed.money("Amount At Stake")).isEqualTo(1444.41);

        Line tenDigitNdc = line("INF26-1060", "2");
        assertThat(tenDigitNdc.text("NDC")).isEqualTo("72666-0012-05");
        assertThat(tenDigitNdc.text("Status")).isEqualTo("PAID_OK");
        assertThat(tenDigitNdc.text("Flags")).isEqualTo("JW_JZ_MISSING");

        Line noLineNumber = line("INF26-1061", "3");
        assertThat(noLineNumber.text("Status")).isEqualTo("UNDERPAID");
        assertThat(noLineNumber.money("Amount At Stake")).isEqualTo(88.08);

        assertThat(line("INF26-1023", "2").text("Flags")).isEqualTo("UNIT_MISMATCH");
        assertThat(line("INF26-1026", "2").text("Flags")).isEqualTo("NDC_MISSING;QUANTITY_ASSUMED");
        assertThat(line("INF26-1026", "2").text("Invoice Number")).isEqualTo("PNC-7781");
        assertThat(line("INF26-1050", "2").text("Invoice Number")).isEqualTo("PNC-7790");
        assertThat(line("INF26-1025", "2").text("Pricing Basis")).isEqualTo("ASP");
        assertThat(line("INF26-1029", "2").text("Flags")).isEqualTo("REMARK_CODE_MISSING");
        assertThat(line("INF26-1008", "3").text("Status")).isEqualTo("NO_EXPECTED");
        assertThat(line("INF26-1042", "2").text("Status")).isEqualTo("PATIENT_RESP");
        assertThat(line("INF26-1046", "2").text("Denial Codes")).isEqualTo("CO-97");
    }

    @Test
    void worklistsCarryTheInvoiceAndPricingDetailsOfTheDrug() {
        Map<String, String> row = WorkbookReader.records(workbook.getSheet("Underpaid")).stream()
                .filter(r -> r.get("Claim ID").equals("INF26-1021")).findFirst().orElseThrow();
        assertThat(row).containsEntry("Invoice Supplier", "Harborline Specialty Distribution")
                .containsEntry("Lot Number", "TX24C210")
                .containsEntry("Lot Expiration", "2027-10-31")
                .containsEntry("ASP Drug Name", "Tarlivozumab-xqrt injection")
                .containsEntry("ASP Dosage", "10 MG");
    }

    @Test
    void moneyAndDatesAreTypedCells() {
        Line line = line("INF26-1021", "2");
        Cell expected = line.cell("Expected");
        assertThat(expected.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(expected.getCellStyle().getDataFormatString()).contains("$");
        Cell serviceDate = line.cell("Service Date");
        assertThat(DateUtil.isCellDateFormatted(serviceDate)).isTrue();
        assertThat(line.cell("Appeal Deadline").getLocalDateTimeCellValue().toLocalDate()).isAfter(RUN_DATE);
    }

    @Test
    void rejectedRowsNameFileLineReasonAndRawText() {
        List<Map<String, String>> rejected = WorkbookReader.records(workbook.getSheet(WorklistWorkbookWriter.REJECTED_ROWS));
        assertThat(rejected).hasSize(6);
        assertThat(rejected).anySatisfy(r -> {
            assertThat(r.get("File")).isEqualTo("era-2026-11-23-medicare.csv");
            assertThat(r.get("Line")).isEqualTo("36");
            assertThat(r.get("Reason")).contains("service_date").doesNotContain("2026-02-30");
            assertThat(r.get("Raw Row")).contains("2026-02-30");
        });
        assertThat(rejected).anySatisfy(r -> {
            assertThat(r.get("File")).isEqualTo("asp-pricing.csv");
            assertThat(r.get("Line")).isEqualTo("14");
        });
        assertThat(rejected).anySatisfy(r -> {
            assertThat(r.get("File")).isEqualTo("era-2026-11-23-commercial.csv");
            assertThat(r.get("Reason")).contains("fields");
        });
    }

    @Test
    void worklistsAreSortedByAmountAtStakeThenDeadline() {
        Sheet co16 = workbook.getSheet("Denied CO-16");
        List<Map<String, String>> rows = WorkbookReader.records(co16);
        assertThat(rows).hasSize(9);
        List<Double> amounts = new ArrayList<>();
        for (int r = 1; r <= co16.getLastRowNum(); r++) {
            amounts.add(co16.getRow(r).getCell(0).getNumericCellValue());
        }
        assertThat(amounts).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        for (String sheet : List.of("Underpaid", "Denied CO-50", "Denied CO-151", "Denied Other", "No Expected",
                "Overpaid", "Patient Resp", "Reversed")) {
            assertThat(workbook.getSheet(sheet)).as(sheet).isNotNull();
        }
        assertThat(workbook.getSheet("Paid OK")).isNull();
    }

    @Test
    void summaryCountsTheDuplicateAndTheOtherCodes() {
        Map<String, String> labelled = new HashMap<>();
        for (List<String> row : WorkbookReader.rows(workbook.getSheet(WorklistWorkbookWriter.SUMMARY))) {
            if (!row.get(0).isEmpty() && row.size() > 2) {
                labelled.putIfAbsent(row.get(0), row.get(2));
            }
        }
        assertThat(labelled).containsEntry("Duplicate lines (delivered twice; not reconciled again)", "1");
        assertThat(labelled).containsEntry("Lines of other procedure codes (counted only)", "72");
    }

    private Line line(String claimId, String lineNumber) {
        return line(claimId, lineNumber, "1");
    }

    private Line line(String claimId, String lineNumber, String claimStatus) {
        Sheet sheet = workbook.getSheet(WorklistWorkbookWriter.ALL_LINES);
        Row header = sheet.getRow(0);
        Map<String, Integer> columns = new HashMap<>();
        header.forEach(c -> columns.put(c.getStringCellValue(), c.getColumnIndex()));
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row.getCell(columns.get("Claim ID")).getStringCellValue().equals(claimId)
                    && row.getCell(columns.get("Line")).getStringCellValue().equals(lineNumber)
                    && row.getCell(columns.get("Claim Status")).getStringCellValue().equals(claimStatus)) {
                return new Line(row, columns);
            }
        }
        throw new AssertionError("no line " + claimId + "/" + lineNumber);
    }

    private record Line(Row row, Map<String, Integer> columns) {
        Cell cell(String header) {
            return row.getCell(columns.get(header));
        }

        String text(String header) {
            Cell c = cell(header);
            return c == null ? "" : c.getStringCellValue();
        }

        double money(String header) {
            return cell(header).getNumericCellValue();
        }
    }
}
