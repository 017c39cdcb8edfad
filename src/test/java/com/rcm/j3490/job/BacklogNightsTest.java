package com.rcm.j3490.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.support.WorkbookReader;
import com.rcm.j3490.workbook.WorklistWorkbookWriter;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
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
 * Issue 13, "done when": three nights in one database, the workbooks read back with POI.
 * Night 1 runs on the shipped samples; the team then works the night-1 workbook (an appeal with
 * owner, follow-up date, notes and an added "My Priority" column; a write-off) and saves it.
 * Night 2 brings a full payment for a denial nobody touched (INF26-1010/2, CO-151) and a new
 * underpayment. The night-2 workbook is then deleted; night 3 brings nothing for the items.
 * Every rule of contract 6.1-6.4 is asserted on the sheets as a biller sees them.
 */
@SpringBatchTest
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BacklogNightsTest {
    private static final Path DIR = Path.of("target/test-runs/backlog-nights");
    private static final Path REMITTANCE = DIR.resolve("remittance");
    private static final Path OUT = DIR.resolve("out");
    private static final LocalDate NIGHT_1 = LocalDate.of(2026, 11, 24);
    private static final LocalDate NIGHT_2 = NIGHT_1.plusDays(3);
    private static final LocalDate NIGHT_3 = NIGHT_2.plusDays(28);
    private static final String MEDICARE_HEADER = "claim_id,payer_id,payer_name,check_number,payment_date,claim_status,"
            + "payer_claim_number,patient_name,line_number,service_date,procedure_code,modifiers,ndc,drug_name,"
            + "ndc_quantity,ndc_unit,units_billed,units_paid,billed_amount,allowed_amount,paid_amount,adjustments,"
            + "remark_codes";
    private static final String DRUG = "J3490,JZ,08123-0215-05,\"Velmarstat 250 mg lyophilized powder, single-dose vial\","
            + "3,UN,3,3,7200.00";
    /** The untouched CO-151 denial of night 1, paid in full on night 2. */
    private static final String PAID_DENIAL = "INF26-1010";
    /** Night 2's new underpayment. */
    private static final String NEW_UNDERPAYMENT = "INF26-2001";
    /** Appealed by the team on the night-1 workbook (DENIED_OTHER via claim status 4). */
    private static final String APPEALED = "INF26-1030";
    private static final LocalDate FOLLOW_UP = LocalDate.of(2026, 12, 8);
    private static final List<String> ITEM_HEADERS = List.of("First Seen", "Days Open", "Days To Deadline",
            "New Tonight", "Last Payer Action", "Resubmit By", "Procedure Code", "Modifiers", "Units Billed",
            "Units Paid", "NDC Quantity", "NDC Unit", "Allowed", "Adjustments", "Owner", "Work Status",
            "Follow-up Date", "Notes", "Amount At Stake", "Appeal Deadline", "Claim ID", "Line", "Payer ID");
    private static final Set<String> PATIENT_SHEETS = Set.of("Denied CO-16", "Denied CO-50", "Denied CO-151",
            "Denied Other", "Patient Resp", "No Expected");

    @Autowired
    private JobOperatorTestUtils jobs;

    private final Map<LocalDate, JobExecution> executions = new HashMap<>();
    private XSSFWorkbook night1;
    private XSSFWorkbook night2;
    private XSSFWorkbook night3;
    /** The row the team wrote off on night 1: claim id and line. */
    private String[] writtenOff;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.batch.job.enabled", () -> "false");
        registry.add("recon.runner.enabled", () -> "false");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:./" + DIR.resolve("db/repository"));
        registry.add("recon.input.remittance", REMITTANCE::toString);
        registry.add("recon.output.dir", OUT::toString);
    }

    @BeforeAll
    void threeNights() throws Exception {
        TestProperties.clean(DIR);
        Files.createDirectories(REMITTANCE);
        try (Stream<Path> samples = Files.list(Path.of("input-samples/remittance"))) {
            for (Path p : samples.toList()) {
                Files.copy(p, REMITTANCE.resolve(p.getFileName()));
            }
        }
        run(NIGHT_1);
        Path workbook1 = OUT.resolve(WorklistWorkbookWriter.fileName(NIGHT_1));
        teamWorks(workbook1);
        night1 = WorkbookReader.open(workbook1);

        remittance("era-night-2.csv",
                PAID_DENIAL + ",MCR-JL,NOVITAS SOLUTIONS JL MEDICARE PART B,1WN0499901,2026-11-26,1,2226310104815,"
                        + "Ignatius Madeupson,2,2026-11-06," + DRUG + ",5527.08,5527.08,CO-45:1672.92,",
                NEW_UNDERPAYMENT + ",MCR-JL,NOVITAS SOLUTIONS JL MEDICARE PART B,1WN0499901,2026-11-26,1,2226399900001,"
                        + "Ophelia Testcase,2,2026-11-10," + DRUG + ",5527.08,3000.00,CO-45:1672.92;CO-94:2527.08,");
        run(NIGHT_2);
        Path workbook2 = OUT.resolve(WorklistWorkbookWriter.fileName(NIGHT_2));
        night2 = WorkbookReader.open(workbook2);
        Files.delete(workbook2);

        remittance("era-night-3.csv",
                "INF26-3001,MCR-JL,NOVITAS SOLUTIONS JL MEDICARE PART B,1WN0499902,2026-12-23,1,2226399900002,"
                        + "Quentin Sample,2,2026-11-20," + DRUG + ",5527.08,5527.08,CO-45:1672.92,");
        run(NIGHT_3);
        night3 = WorkbookReader.open(OUT.resolve(WorklistWorkbookWriter.fileName(NIGHT_3)));
    }

    @AfterAll
    void close() throws Exception {
        for (XSSFWorkbook wb : new XSSFWorkbook[] {night1, night2, night3}) {
            if (wb != null) {
                wb.close();
            }
        }
    }

    private void run(LocalDate night) throws Exception {
        JobExecution execution = jobs.startJob(ReconLauncher.parameters(night));
        assertThat(execution.getStatus()).as("%s: %s", night, execution.getAllFailureExceptions())
                .isEqualTo(BatchStatus.COMPLETED);
        executions.put(night, execution);
    }

    private static void remittance(String name, String... rows) throws Exception {
        try (Stream<Path> old = Files.list(REMITTANCE)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(REMITTANCE.resolve(name), MEDICARE_HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    /**
     * A day's work in the night-1 workbook, as a biller saves it: INF26-1030/2 appealed with owner,
     * follow-up date (a date cell in the biller's own format), notes and a new column "My Priority";
     * the first underpayment written off.
     */
    private void teamWorks(Path file) throws Exception {
        Path saved = file.resolveSibling("saving.xlsx");
        try (XSSFWorkbook wb = WorkbookReader.open(file)) {
            XSSFSheet denied = wb.getSheet("Denied Other");
            Map<String, Integer> h = headers(denied);
            Row appealed = rowOf(denied, APPEALED, "2");
            appealed.createCell(h.get("Owner")).setCellValue("Maria");
            appealed.createCell(h.get("Work Status")).setCellValue("Appealed");
            Cell followUp = appealed.createCell(h.get("Follow-up Date"));
            followUp.setCellValue(FOLLOW_UP);
            var style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("m/d/yy"));
            followUp.setCellStyle(style);
            appealed.createCell(h.get("Notes")).setCellValue("Appeal sent with the invoice");
            int added = denied.getRow(0).getLastCellNum();
            denied.getRow(0).createCell(added).setCellValue("My Priority");
            appealed.createCell(added).setCellValue("1");

            XSSFSheet underpaid = wb.getSheet("Underpaid");
            Map<String, Integer> u = headers(underpaid);
            Row first = underpaid.getRow(1);
            writtenOff = new String[] {first.getCell(u.get("Claim ID")).getStringCellValue(),
                    first.getCell(u.get("Line")).getStringCellValue()};
            first.createCell(u.get("Work Status")).setCellValue("Written off");
            first.createCell(u.get("Notes")).setCellValue("Below the small-balance threshold");
            try (OutputStream out = Files.newOutputStream(saved)) {
                wb.write(out);
            }
        }
        Files.move(saved, file, StandardCopyOption.REPLACE_EXISTING);
    }

    // ---- 6.1 identity and life of an item ----------------------------------------------------------

    @Test
    void aDenialNobodyTouchedStaysOnItsWorklistUntilThePayerPaysIt() {
        assertThat(findOnWorklists(night1, PAID_DENIAL, "2")).containsExactly("Denied CO-151");
        assertThat(findOnWorklists(night2, PAID_DENIAL, "2")).isEmpty();
        Map<String, String> resolved = record(night2.getSheet("Resolved"), PAID_DENIAL, "2");
        assertThat(resolved.get("Resolution")).isEqualTo("Paid by payer");
        assertThat(resolved.get("Resolved On")).isEqualTo(NIGHT_2.toString());
        assertThat(resolved.get("Status When Opened")).isEqualTo("DENIED_CO151");
        // Recovered = the paying line's reimbursed − the reimbursed of the line that opened the item
        BigDecimal before = money(record(night1.getSheet("All Lines"), PAID_DENIAL, "2").get("Reimbursed"));
        BigDecimal after = money(record(night2.getSheet("All Lines"), PAID_DENIAL, "2").get("Reimbursed"));
        assertThat(money(resolved.get("Recovered"))).isEqualByComparingTo(after.subtract(before));
        assertThat(money(resolved.get("Recovered"))).isPositive();
    }

    @Test
    void everyOpenItemOfNightOneThatNightTwoDidNotMentionIsStillThereUnchanged() {
        Map<String, Map<String, String>> before = worklistItems(night1);
        Map<String, Map<String, String>> after = worklistItems(night2);
        before.remove(PAID_DENIAL + "/2");
        before.remove(writtenOff[0] + "/" + writtenOff[1]);
        assertThat(after.keySet()).containsAll(before.keySet());
        assertThat(after.keySet()).hasSize(before.size() + 1).contains(NEW_UNDERPAYMENT + "/2");
        for (var e : before.entrySet()) {
            Map<String, String> row = after.get(e.getKey());
            assertThat(row.get("First Seen")).as(e.getKey()).isEqualTo(NIGHT_1.toString());
            assertThat(row.get("New Tonight")).as(e.getKey()).isEqualTo("No");
            assertThat(row.get("Days Open")).as(e.getKey()).isEqualTo("3");
            assertThat(row.get("Amount At Stake")).as(e.getKey()).isEqualTo(e.getValue().get("Amount At Stake"));
            assertThat(row.get("Sheet")).as(e.getKey()).isEqualTo(e.getValue().get("Sheet"));
        }
        Map<String, String> fresh = after.get(NEW_UNDERPAYMENT + "/2");
        assertThat(fresh.get("Sheet")).isEqualTo("Underpaid");
        assertThat(fresh.get("New Tonight")).isEqualTo("Yes");
        assertThat(fresh.get("First Seen")).isEqualTo(NIGHT_2.toString());
        assertThat(fresh.get("Days Open")).isEqualTo("0");
        assertThat(fresh.get("Work Status")).isEqualTo("New");
        // the adjustments as sent are on the line's own row
        assertThat(fresh.get("Adjustments")).contains("CO-45 1,672.92").contains("CO-94 2,527.08");
    }

    @Test
    void theTeamsWriteOffResolvesTheItemWithItsNote() {
        assertThat(findOnWorklists(night2, writtenOff[0], writtenOff[1])).isEmpty();
        Map<String, String> resolved = record(night2.getSheet("Resolved"), writtenOff[0], writtenOff[1]);
        assertThat(resolved.get("Resolution")).isEqualTo("Written off");
        assertThat(resolved.get("Notes")).isEqualTo("Below the small-balance threshold");
        assertThat(resolved.get("Resolved On")).isEqualTo(NIGHT_2.toString());
        assertThat(resolved.get("Recovered")).isEmpty();
    }

    // ---- 6.3 the team's columns ------------------------------------------------------------------

    @Test
    void theTeamsColumnsAndAddedColumnAreCarriedAndSurviveALostWorkbook() {
        for (XSSFWorkbook wb : List.of(night2, night3)) {
            XSSFSheet sheet = wb.getSheet("Denied Other");
            Map<String, String> row = record(sheet, APPEALED, "2");
            assertThat(row.get("Owner")).isEqualTo("Maria");
            assertThat(row.get("Work Status")).isEqualTo("Appealed");
            assertThat(row.get("Notes")).isEqualTo("Appeal sent with the invoice");
            assertThat(row.get("My Priority")).isEqualTo("1");
            // the added column comes after every column the job writes
            List<String> header = WorkbookReader.rows(sheet).get(0);
            assertThat(header.get(header.size() - 1)).isEqualTo("My Priority");
            // Follow-up Date is a real date cell
            Cell followUp = rowOf(sheet, APPEALED, "2").getCell(headers(sheet).get("Follow-up Date"));
            assertThat(followUp.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(followUp)).isTrue();
            assertThat(followUp.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(FOLLOW_UP);
        }
        // night 3 read no workbook over the items' newer values (night 2's was deleted, night 1's was read)
        assertThat(texts(night3.getSheet("Summary"))).anyMatch(t -> t.contains("was read on an earlier night"));
        // the written-off item stays resolved, inside the Resolved window
        assertThat(findOnWorklists(night3, writtenOff[0], writtenOff[1])).isEmpty();
        assertThat(record(night3.getSheet("Resolved"), writtenOff[0], writtenOff[1]).get("Resolution"))
                .isEqualTo("Written off");
    }

    @Test
    void workStatusOffersTheTenChoicesAndFollowUpDateTakesDatesOnly() {
        for (String name : WorklistWorkbookWriter.WORKLISTS.stream().map(s -> s.label()).toList()) {
            XSSFSheet sheet = night2.getSheet(name);
            Map<String, Integer> h = headers(sheet);
            List<? extends DataValidation> validations = sheet.getDataValidations();
            DataValidation list = validations.stream()
                    .filter(v -> v.getValidationConstraint().getValidationType() == DataValidationConstraint.ValidationType.LIST)
                    .findFirst().orElseThrow();
            assertThat(list.getValidationConstraint().getExplicitListValues()).as(name).containsExactly("New",
                    "In progress", "Resubmitted", "Appealed", "Pending payer", "Payer responded", "Escalated",
                    "Refund sent", "Written off", "Closed");
            assertThat(list.getRegions().getCellRangeAddresses()[0].getFirstColumn()).isEqualTo(h.get("Work Status"));
            DataValidation date = validations.stream()
                    .filter(v -> v.getValidationConstraint().getValidationType() == DataValidationConstraint.ValidationType.DATE)
                    .findFirst().orElseThrow();
            assertThat(date.getRegions().getCellRangeAddresses()[0].getFirstColumn()).as(name)
                    .isEqualTo(h.get("Follow-up Date"));
        }
    }

    // ---- 6.2 what the workbook shows ---------------------------------------------------------------

    @Test
    void worklistsHaveTheItemColumnsAndDaysToDeadlineCountsFromTheRunDate() {
        for (XSSFWorkbook wb : List.of(night1, night2, night3)) {
            LocalDate runDate = wb == night1 ? NIGHT_1 : wb == night2 ? NIGHT_2 : NIGHT_3;
            for (var status : WorklistWorkbookWriter.WORKLISTS) {
                XSSFSheet sheet = wb.getSheet(status.label());
                assertThat(headers(sheet).keySet()).as(status.label()).containsAll(ITEM_HEADERS);
                for (Map<String, String> row : WorkbookReader.records(sheet)) {
                    String deadline = row.get("Appeal Deadline");
                    String days = row.get("Days To Deadline");
                    if (deadline.isEmpty()) {
                        assertThat(days).isEmpty();
                    } else {
                        assertThat(Long.parseLong(days)).isEqualTo(
                                ChronoUnit.DAYS.between(runDate, LocalDate.parse(deadline)));
                    }
                    assertThat(row.get("Status")).isEqualTo(status.name());
                }
                assertSortedAsTwoFour(sheet);
            }
        }
        // night 3: the night-1 items are 31 days old
        assertThat(record(night3.getSheet("Denied Other"), APPEALED, "2").get("Days Open")).isEqualTo("31");
    }

    @Test
    void theSummaryEqualsTheSheetsTotalsAndKeepsTheKindsOfMoneyApart() {
        for (XSSFWorkbook wb : List.of(night1, night2, night3)) {
            XSSFSheet summary = wb.getSheet("Summary");
            int total = rowStarting(summary, "All worklists");
            long items = 0;
            Map<String, BigDecimal> kinds = new HashMap<>();
            for (var status : WorklistWorkbookWriter.WORKLISTS) {
                List<Map<String, String>> rows = WorkbookReader.records(wb.getSheet(status.label()));
                items += rows.size();
                String kind = switch (status) {
                    case OVERPAID -> "Refund owed";
                    case PATIENT_RESP -> "Patient balance";
                    case REVERSED -> "Reversed";
                    default -> "Recoverable";
                };
                for (Map<String, String> r : rows) {
                    kinds.merge(kind, money(r.get("Amount At Stake")), BigDecimal::add);
                }
                // the worklist's own row on the Summary
                int row = rowStarting(summary, status.name());
                assertThat((long) summary.getRow(row).getCell(2).getNumericCellValue()).as(status.label())
                        .isEqualTo(rows.size());
            }
            assertThat((long) summary.getRow(total).getCell(2).getNumericCellValue()).isEqualTo(items);
            Row header = summary.getRow(total - rowsBack(summary, total));
            int column = 4;
            for (String kind : List.of("Recoverable", "Refund owed", "Patient balance", "Reversed")) {
                assertThat(header.getCell(column).getStringCellValue()).isEqualTo(kind);
                assertThat(BigDecimal.valueOf(summary.getRow(total).getCell(column).getNumericCellValue()))
                        .as(kind).isEqualByComparingTo(kinds.getOrDefault(kind, BigDecimal.ZERO));
                column++;
            }
            // no figure anywhere adds the kinds together
            assertThat(texts(summary)).doesNotContain("At Stake", "Amount At Stake");
        }
        // night 2: two resolved tonight, and what the payer paid counted once
        XSSFSheet summary = night2.getSheet("Summary");
        Row tonight = summary.getRow(rowStarting(summary, "Resolved tonight"));
        assertThat(tonight.getCell(2).getNumericCellValue()).isEqualTo(2.0);
        BigDecimal recovered = money(record(night2.getSheet("Resolved"), PAID_DENIAL, "2").get("Recovered"));
        assertThat(BigDecimal.valueOf(tonight.getCell(3).getNumericCellValue())).isEqualByComparingTo(recovered);
        Row newTonight = summary.getRow(rowStarting(summary, "New tonight"));
        assertThat(newTonight.getCell(2).getNumericCellValue()).isEqualTo(1.0);
        // night 3: nothing resolved tonight, both still in the 30-day window
        XSSFSheet summary3 = night3.getSheet("Summary");
        assertThat(summary3.getRow(rowStarting(summary3, "Resolved tonight")).getCell(2).getNumericCellValue()).isZero();
        assertThat(summary3.getRow(rowStarting(summary3, "Resolved in the window")).getCell(2).getNumericCellValue())
                .isEqualTo(2.0);
        assertThat(summary3.getRow(rowStarting(summary3, "31-60 days")).getCell(2).getNumericCellValue()).isPositive();
    }

    @Test
    void theDenialChartCountsEachDeniedLineOnceUnderItsDecidingReason() {
        XSSFSheet summary = night1.getSheet("Summary");
        int header = rowStarting(summary, "Deciding reason");
        long counted = 0;
        List<String> reasons = new ArrayList<>();
        for (int r = header + 1; summary.getRow(r) != null && summary.getRow(r).getCell(2) != null; r++) {
            reasons.add(summary.getRow(r).getCell(0).getStringCellValue());
            counted += (long) summary.getRow(r).getCell(2).getNumericCellValue();
        }
        long denied = WorklistWorkbookWriter.WORKLISTS.stream().filter(s -> s.name().startsWith("DENIED"))
                .mapToLong(s -> WorkbookReader.records(night1.getSheet(s.label())).size()).sum();
        assertThat(counted).isEqualTo(denied);
        assertThat(reasons).doesNotHaveDuplicates().contains("CO-151")
                .noneMatch(r -> r.equals("CO-45") || r.equals("CO-253") || r.startsWith("PR-"));
    }

    // ---- 6.4 printing and PHI ----------------------------------------------------------------------

    @Test
    void everySheetPrintsLandscapeOnePageWideWithItsHeaderAndAPhiFooter() {
        for (int i = 0; i < night2.getNumberOfSheets(); i++) {
            XSSFSheet sheet = night2.getSheetAt(i);
            String name = sheet.getSheetName();
            assertThat(sheet.getPrintSetup().getLandscape()).as(name).isTrue();
            assertThat(sheet.getFitToPage()).as(name).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).as(name).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).as(name).isZero();
            String footer = sheet.getFooter().getLeft() + "|" + sheet.getFooter().getCenter() + "|"
                    + sheet.getFooter().getRight();
            assertThat(footer).as(name).contains("&A", "Page &P of &N", NIGHT_2.toString(), "Contains PHI");
            if (!name.equals("Summary")) {
                assertThat(sheet.getRepeatingRows().formatAsString()).as(name).isEqualTo("1:1");
            }
        }
        // a worklist prints the columns that fit, ending with the follow-up date
        for (var status : WorklistWorkbookWriter.WORKLISTS) {
            XSSFSheet sheet = night2.getSheet(status.label());
            String area = night2.getPrintArea(night2.getSheetIndex(sheet));
            List<String> header = WorkbookReader.rows(sheet).get(0);
            int last = header.indexOf("Follow-up Date");
            assertThat(area).as(status.label()).contains("$A$1:$"
                    + org.apache.poi.ss.util.CellReference.convertNumToColString(last) + "$");
            assertThat(header.subList(0, last + 1)).as(status.label()).contains("Amount At Stake", "Appeal Deadline",
                    "Days To Deadline", "Claim ID", "Line", "Payer ID", "Service Date", "Status", "Rework Action",
                    "Owner", "Work Status");
        }
    }

    @Test
    void patientNamesOnlyOnTheWorklistsThatNeedThem() {
        Set<String> patients = new HashSet<>();
        for (int i = 0; i < night2.getNumberOfSheets(); i++) {
            XSSFSheet sheet = night2.getSheetAt(i);
            String name = sheet.getSheetName();
            boolean hasColumn = !name.equals("Summary") && headers(sheet).containsKey("Patient Name");
            assertThat(hasColumn).as(name).isEqualTo(PATIENT_SHEETS.contains(name));
            if (hasColumn) {
                WorkbookReader.records(sheet).forEach(r -> patients.add(r.get("Patient Name")));
            }
        }
        patients.remove("");
        assertThat(patients).contains("Vacant, Thaddeus");
        for (int i = 0; i < night2.getNumberOfSheets(); i++) {
            XSSFSheet sheet = night2.getSheetAt(i);
            if (PATIENT_SHEETS.contains(sheet.getSheetName()) || sheet.getSheetName().equals("Rejected Rows")) {
                continue;
            }
            for (String text : texts(sheet)) {
                assertThat(patients).as(sheet.getSheetName()).noneMatch(text::contains);
            }
        }
    }

    // ---- reading -----------------------------------------------------------------------------------

    /** Claim/line → the row as text, with the sheet it is on under "Sheet". */
    private static Map<String, Map<String, String>> worklistItems(XSSFWorkbook wb) {
        Map<String, Map<String, String>> items = new HashMap<>();
        for (var status : WorklistWorkbookWriter.WORKLISTS) {
            for (Map<String, String> r : WorkbookReader.records(wb.getSheet(status.label()))) {
                Map<String, String> row = new HashMap<>(r);
                row.put("Sheet", status.label());
                assertThat(items.put(r.get("Claim ID") + "/" + r.get("Line"), row)).as("one row per item").isNull();
            }
        }
        return items;
    }

    private static List<String> findOnWorklists(XSSFWorkbook wb, String claim, String line) {
        List<String> sheets = new ArrayList<>();
        for (var status : WorklistWorkbookWriter.WORKLISTS) {
            for (Map<String, String> r : WorkbookReader.records(wb.getSheet(status.label()))) {
                if (r.get("Claim ID").equals(claim) && r.get("Line").equals(line)) {
                    sheets.add(status.label());
                }
            }
        }
        return sheets;
    }

    private static Map<String, String> record(Sheet sheet, String claim, String line) {
        return WorkbookReader.records(sheet).stream()
                .filter(r -> r.get("Claim ID").equals(claim) && r.get("Line").equals(line))
                .findFirst().orElseThrow(() -> new AssertionError(claim + "/" + line + " not on " + sheet.getSheetName()));
    }

    private static Row rowOf(Sheet sheet, String claim, String line) {
        Map<String, Integer> h = headers(sheet);
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && claim.equals(text(row.getCell(h.get("Claim ID"))))
                    && line.equals(text(row.getCell(h.get("Line"))))) {
                return row;
            }
        }
        throw new AssertionError(claim + "/" + line + " not on " + sheet.getSheetName());
    }

    private static String text(Cell c) {
        return c == null ? null : c.getStringCellValue();
    }

    private static Map<String, Integer> headers(Sheet sheet) {
        Map<String, Integer> h = new HashMap<>();
        for (Cell c : sheet.getRow(0)) {
            h.put(c.getStringCellValue(), c.getColumnIndex());
        }
        return h;
    }

    private static List<String> texts(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell c : row) {
                if (c.getCellType() == CellType.STRING) {
                    texts.add(c.getStringCellValue());
                }
            }
        }
        return texts;
    }

    private static int rowStarting(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell c = row.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(label)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError(label + " not on " + sheet.getSheetName());
    }

    /** How many rows above {@code row} its table's header row is. */
    private static int rowsBack(Sheet sheet, int row) {
        int r = row;
        while (r > 0 && !"Status".equals(sheet.getRow(r).getCell(0) == null ? null
                : sheet.getRow(r).getCell(0).getStringCellValue())) {
            r--;
        }
        return row - r;
    }

    /** 2.4: amount at stake largest first, then appeal deadline earliest first (none last). */
    private static void assertSortedAsTwoFour(Sheet sheet) {
        List<Map<String, String>> rows = WorkbookReader.records(sheet);
        for (int i = 1; i < rows.size(); i++) {
            BigDecimal a = money(rows.get(i - 1).get("Amount At Stake"));
            BigDecimal b = money(rows.get(i).get("Amount At Stake"));
            assertThat(a).as(sheet.getSheetName() + " row " + i).isGreaterThanOrEqualTo(b);
            if (a.compareTo(b) == 0 && !rows.get(i).get("Appeal Deadline").isEmpty()) {
                assertThat(rows.get(i - 1).get("Appeal Deadline")).isNotEmpty()
                        .isLessThanOrEqualTo(rows.get(i).get("Appeal Deadline"));
            }
        }
    }

    private static BigDecimal money(String text) {
        if (text == null || text.isBlank()) {
            return BigDecimal.ZERO;
        }
        String t = text.replace("$", "").replace(",", "").trim();
        boolean negative = t.startsWith("(") && t.endsWith(")");
        BigDecimal n = new BigDecimal(negative ? t.substring(1, t.length() - 1) : t);
        return negative ? n.negate() : n;
    }
}
