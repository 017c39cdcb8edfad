package com.rcm.j3490.workbook;

import static com.rcm.j3490.workbook.Nights.NIGHT_1;
import static com.rcm.j3490.workbook.Nights.headers;
import static com.rcm.j3490.workbook.Nights.line;
import static com.rcm.j3490.workbook.Nights.open;
import static com.rcm.j3490.workbook.Nights.rowsOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorklistWorkbookWriterTest {
    private static final List<String> CONTRACT_HEADERS = List.of("Claim ID", "Line", "Check Number", "Claim Status",
            "Payer ID", "Service Date", "NDC", "Billed", "Paid", "Reimbursed", "Expected", "Variance", "Pricing Basis",
            "Invoice Number", "Status", "Denial Codes", "Remark Codes", "Flags", "Rework Action", "Appeal Deadline",
            "Amount At Stake", "Resubmit By");

    @TempDir
    Path dir;
    private XSSFWorkbook wb;

    @BeforeEach
    void writeNight() throws Exception {
        List<ReconciledLine> lines = List.of(
                line("C1").atStake("150.00").build(),
                line("C2").status(Status.DENIED_CO16).denial("CO-16").remarks("N290").atStake("500.00")
                        .deadline(LocalDate.of(2026, 11, 30)).build(),
                line("C3").status(Status.DENIED_OTHER).denial("CO-197", "OA-23").atStake("900.00").build(),
                line("C4").status(Status.PAID_OK).atStake("0.00").paid("450.00").build(),
                line("C5").drug("=HYPERLINK(\"http://x\",\"y\")").atStake("75.00").build());
        wb = open(Nights.write(dir, NIGHT_1, lines));
    }

    @Test
    void allLinesKeepsTheContractHeadersInOrder() {
        XSSFSheet all = wb.getSheet(WorklistWorkbookWriter.ALL_LINES);
        List<String> headers = new ArrayList<>();
        all.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
        assertThat(headers.subList(0, CONTRACT_HEADERS.size())).isEqualTo(CONTRACT_HEADERS);
        assertThat(all.getLastRowNum()).isEqualTo(5);
    }

    /**
     * Printed, a worklist row is as tall as its printed columns need: the long texts of columns
     * outside the print area (remark descriptions, adjustments, notes) neither wrap nor make the
     * row tall; a long text inside it (the rework action) still wraps.
     */
    @Test
    void onlyPrintedColumnsWrapAndSetTheRowHeight(@TempDir Path other) throws Exception {
        String[] manyRemarks = IntStream.rangeClosed(1, 30).mapToObj(i -> "N" + (100 + i)).toArray(String[]::new);
        try (XSSFWorkbook book = open(Nights.write(other, NIGHT_1, List.of(
                line("L1").status(Status.DENIED_CO16).denial("CO-16").remarks(manyRemarks).atStake("500.00").build())))) {
            XSSFSheet sheet = book.getSheet("Denied CO-16");
            List<String> headers = StreamSupport.stream(sheet.getRow(0).spliterator(), false)
                    .map(Cell::getStringCellValue).toList();
            org.apache.poi.ss.util.CellRangeAddress area = org.apache.poi.ss.util.CellRangeAddress.valueOf(
                    book.getPrintArea(book.getSheetIndex(sheet)).replaceAll("^.*!", "").replace("$", ""));
            Row row = sheet.getRow(1);
            Cell remarks = row.getCell(headers.indexOf("Remark Descriptions"));
            assertThat(remarks.getStringCellValue()).as("a text of many lines at width 40").hasSizeGreaterThan(200);
            assertThat(headers.indexOf("Remark Descriptions")).as("outside the print area").isGreaterThan(area.getLastColumn());
            assertThat(remarks.getCellStyle().getWrapText()).isFalse();
            assertThat(row.getHeightInPoints()).as("one line: nothing printed wraps").isEqualTo(sheet.getDefaultRowHeightInPoints());
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = row.getCell(c);
                if (cell != null && c > area.getLastColumn()) {
                    assertThat(cell.getCellStyle().getWrapText()).as(headers.get(c) + " wraps outside the print area").isFalse();
                }
            }
            Cell action = row.getCell(headers.indexOf("Rework Action"));
            assertThat(headers.indexOf("Rework Action")).isLessThanOrEqualTo(area.getLastColumn());
            assertThat(action.getCellStyle().getWrapText()).as("a printed long text still wraps").isTrue();
        }
    }

    @Test
    void sheetsInOrder() {
        List<String> names = IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList();
        List<String> expected = new ArrayList<>(List.of("Summary", "All Lines"));
        WorklistWorkbookWriter.WORKLISTS.forEach(s -> expected.add(s.label()));
        expected.add("Resolved");
        expected.add("Rejected Rows");
        assertThat(names).isEqualTo(expected);
    }

    @Test
    void worklistShowsAmountAndDeadlineFirstAndFreezesThem() {
        XSSFSheet sheet = wb.getSheet("Underpaid");
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Amount At Stake");
        assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Appeal Deadline");
        PaneInformation pane = sheet.getPaneInformation();
        assertThat(pane).isNotNull();
        assertThat(pane.isFreezePane()).isTrue();
        assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 1);
        assertThat(pane.getVerticalSplitLeftColumn()).isEqualTo((short) 2);
        assertThat(headers(sheet)).containsKeys("Team", "Owner", "Work Status", "Follow-up Date", "Notes",
                "Denial Reasons", "Remark Descriptions");
        // worklist order: largest amount at stake first
        assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(150.0);
        assertThat(sheet.getRow(2).getCell(0).getNumericCellValue()).isEqualTo(75.0);
    }

    @Test
    void autofilterOnEveryLineSheet() {
        for (String name : List.of("All Lines", "Underpaid", "Denied CO-16", "Reversed", "Resolved", "Rejected Rows")) {
            XSSFSheet sheet = wb.getSheet(name);
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(name).isTrue();
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).as(name).startsWith("A1:");
        }
    }

    @Test
    void lineSheetsDeclareTheRangeTheyUse() {
        // readers such as openpyxl in read-only mode size a sheet by its <dimension>
        for (String name : List.of("All Lines", "Underpaid", "Denied CO-16")) {
            XSSFSheet sheet = wb.getSheet(name);
            int lastColumn = sheet.getRow(0).getLastCellNum() - 1;
            String used = "A1:" + org.apache.poi.ss.util.CellReference.convertNumToColString(lastColumn)
                    + (sheet.getLastRowNum() + 1);
            assertThat(sheet.getLastRowNum()).as(name).isPositive();
            assertThat(sheet.getCTWorksheet().getDimension().getRef()).as(name).isEqualTo(used);
        }
    }

    @Test
    void moneyCellsAreNumbersWithACurrencyFormatAndDatesAreDates() {
        XSSFSheet sheet = wb.getSheet("Underpaid");
        Row row = rowsOf(sheet, "C1").get(0);
        Cell amount = row.getCell(headers(sheet).get("Amount At Stake"));
        assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(amount.getCellStyle().getDataFormatString()).contains("\"$\"#,##0.00");
        Cell paid = row.getCell(headers(sheet).get("Paid"));
        assertThat(paid.getNumericCellValue()).isEqualTo(300.0);
        assertThat(paid.getCellStyle().getDataFormatString()).contains("$");
        Cell deadline = row.getCell(headers(sheet).get("Appeal Deadline"));
        assertThat(DateUtil.isCellDateFormatted(deadline)).isTrue();
        assertThat(deadline.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        Cell rework = row.getCell(headers(sheet).get("Rework Action"));
        assertThat(rework.getCellStyle().getWrapText()).isTrue();

        XSSFSheet all = wb.getSheet("All Lines");
        Row allRow = rowsOf(all, "C1").get(0);
        assertThat(all.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Billed");
        assertThat(allRow.getCell(7).getCellStyle().getDataFormatString()).contains("$");
        assertThat(DateUtil.isCellDateFormatted(allRow.getCell(5))).isTrue();
    }

    @Test
    void workStatusIsADropDownList() {
        XSSFSheet sheet = wb.getSheet("Denied CO-16");
        int column = headers(sheet).get("Work Status");
        List<? extends DataValidation> validations = sheet.getDataValidations();
        assertThat(validations).hasSize(2);
        DataValidation v = validations.stream().filter(d -> d.getValidationConstraint().getExplicitListValues() != null)
                .findFirst().orElseThrow();
        assertThat(v.getValidationConstraint().getExplicitListValues())
                .containsExactly("New", "In progress", "Resubmitted", "Appealed", "Pending payer", "Payer responded",
                        "Escalated", "Refund sent", "Written off", "Closed");
        assertThat(v.getRegions().getCellRangeAddresses()[0].getFirstColumn()).isEqualTo(column);
        assertThat(v.getRegions().getCellRangeAddresses()[0].getFirstRow()).isEqualTo(1);
        assertThat(v.getShowErrorBox()).isTrue();
    }

    @Test
    void deadlinesStandOutRelativeToToday() {
        XSSFSheet sheet = wb.getSheet("Denied CO-16");
        var cf = sheet.getSheetConditionalFormatting();
        assertThat(cf.getNumConditionalFormattings()).isEqualTo(1);
        var formatting = cf.getConditionalFormattingAt(0);
        assertThat(formatting.getNumberOfRules()).isEqualTo(2);
        XSSFConditionalFormattingRule pastDue = (XSSFConditionalFormattingRule) formatting.getRule(0);
        XSSFConditionalFormattingRule soon = (XSSFConditionalFormattingRule) formatting.getRule(1);
        assertThat(pastDue.getFormula1()).isEqualTo("AND($B2<>\"\",$B2<TODAY())");
        assertThat(soon.getFormula1()).isEqualTo("AND($B2<>\"\",$B2<=TODAY()+14)");
        assertThat(pastDue.getPatternFormatting()).isNotNull();
        assertThat(pastDue.getFontFormatting().isBold()).isTrue();
        assertThat(formatting.getFormattingRanges()[0].formatAsString()).startsWith("A2:");
    }

    @Test
    void codesAreDescribedBesideThemOnTheWorklists() throws Exception {
        XSSFSheet sheet = wb.getSheet("Denied Other");
        Row row = rowsOf(sheet, "C3").get(0);
        assertThat(Nights.value(sheet, row, "Denial Codes")).isEqualTo("CO-197;OA-23");
        assertThat(Nights.value(sheet, row, "Denial Reasons")).isEqualTo("CO-197 CARC 197; OA-23 CARC 23");
        XSSFSheet co16 = wb.getSheet("Denied CO-16");
        Row co16Row = rowsOf(co16, "C2").get(0);
        assertThat(Nights.value(co16, co16Row, "Remark Descriptions")).isEqualTo("N290 RARC N290");
        assertThat(Nights.value(co16, co16Row, "Team")).isEqualTo("Billing");
    }

    @Test
    void aFormulaInInputStaysInertText() {
        for (String name : List.of("Underpaid", "All Lines")) {
            XSSFSheet sheet = wb.getSheet(name);
            Row row = rowsOf(sheet, "C5").get(0);
            Cell drug = row.getCell(headers(sheet).get("Drug Name"));
            assertThat(drug.getCellType()).as(name).isEqualTo(CellType.STRING);
            assertThat(drug.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"y\")");
            assertThat(drug.getHyperlink()).isNull();
        }
        // nowhere in the workbook is there a formula cell
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            for (Row row : wb.getSheetAt(i)) {
                for (Cell c : row) {
                    assertThat(c.getCellType()).as(wb.getSheetName(i) + "!" + c.getAddress()).isNotEqualTo(CellType.FORMULA);
                }
            }
        }
        Cell raw = wb.getSheet("Rejected Rows").getRow(1).getCell(3);
        assertThat(raw.getCellType()).isEqualTo(CellType.STRING);
        assertThat(raw.getStringCellValue()).isEqualTo("a,b,=1+1");
    }

    @Test
    void summaryHasChartsPerKindOfMoneyLinksDenialReasonsAndCodes() {
        XSSFSheet summary = wb.getSheet("Summary");
        assertThat(wb.getSheetIndex(summary)).isZero();
        List<XSSFChart> charts = summary.getDrawingPatriarch().getCharts();
        assertThat(charts).hasSize(2);
        assertThat(charts.get(0).getTitleText().getString()).isEqualTo("Open dollars by worklist");
        // one series per kind of money: never added into one bar
        assertThat(charts.get(0).getChartSeries().get(0).getSeriesCount()).isEqualTo(4);
        assertThat(charts.get(1).getTitleText().getString()).isEqualTo("Denied items by the reason that decided them");

        List<String> linkTargets = new ArrayList<>();
        for (Row row : summary) {
            for (Cell c : row) {
                XSSFHyperlink link = (XSSFHyperlink) c.getHyperlink();
                if (link != null) {
                    linkTargets.add(link.getAddress());
                }
            }
        }
        for (Status s : WorklistWorkbookWriter.WORKLISTS) {
            assertThat(linkTargets).contains("'" + s.label() + "'!A1");
            assertThat(wb.getSheet(s.label())).isNotNull();
        }
        assertThat(linkTargets).contains("'Rejected Rows'!A1", "'Resolved'!A1");

        List<String> texts = StreamSupport.stream(summary.spliterator(), false)
                .flatMap(r -> StreamSupport.stream(r.spliterator(), false))
                .filter(c -> c.getCellType() == CellType.STRING).map(Cell::getStringCellValue).toList();
        assertThat(texts).contains("Open denials by the reason that decided their status", "CO-197", "CO-16",
                "Recoverable", "Refund owed", "Patient balance", "Reversed", "Age of the open items", "0-30 days",
                "By team", "By owner", "CO (group code)", "Contractual obligation.", "Tonight's remittance by payer",
                "Acme Health", "Input files", "remit.csv");
        // OA-23 was not the deciding reason of C3 (CO-197 came first): each denied line counts once
        assertThat(texts).doesNotContain("OA-23");
        int total = rowOf(summary, "All worklists");
        assertThat(summary.getRow(total).getCell(2).getNumericCellValue()).isEqualTo(4.0);
        // Recoverable: C1 150 + C2 500 + C3 900 + C5 75
        assertThat(summary.getRow(total).getCell(4).getNumericCellValue()).isEqualTo(1625.0);
        assertThat(summary.getRow(total).getCell(4).getCellStyle().getDataFormatString()).contains("$");
    }

    /** An item opened by the line tonight. */
    private static com.rcm.j3490.backlog.WorkItem item(ReconciledLine l) {
        return new com.rcm.j3490.backlog.WorkItem(com.rcm.j3490.backlog.ItemKey.of(l), NIGHT_1, l.status(),
                l.reimbursed(), l, null, null, null, null, null, null);
    }

    private static int rowOf(XSSFSheet sheet, String text) {
        for (Row row : sheet) {
            Cell c = row.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError(text + " not on " + sheet.getSheetName());
    }

    @Test
    void allLinesWrittenOnAnotherThreadWhileTheWorklistsAreWrittenKeepsItsSheetsTogether() throws Exception {
        Path other = Files.createDirectory(dir.resolve("concurrent"));
        List<ReconciledLine> lines = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            lines.add(line("P" + i).status(i % 2 == 0 ? Status.UNDERPAID : Status.DENIED_CO16)
                    .atStake(String.valueOf(1000 - i)).build());
        }
        Path file;
        try (WorklistWorkbookWriter writer = new WorklistWorkbookWriter(other, NIGHT_1, Nights.DESCRIPTIONS,
                Nights.OPTIONS, List.of(), 50)) {
            var started = new java.util.concurrent.CountDownLatch(1);
            Thread allLines = new Thread(() -> {
                try (var sheet = writer.allLines()) {
                    for (ReconciledLine l : lines) {
                        sheet.accept(l);
                        started.countDown();
                    }
                }
            });
            allLines.start();
            started.await();
            for (Status status : WorklistWorkbookWriter.WORKLISTS) {
                try (var sheet = writer.worklist(status)) {
                    lines.stream().filter(l -> l.status() == status).map(l -> item(l)).forEach(sheet);
                }
            }
            allLines.join();
            file = writer.commit();
        }
        try (XSSFWorkbook read = open(file)) {
            List<String> names = IntStream.range(0, read.getNumberOfSheets()).mapToObj(read::getSheetName).toList();
            assertThat(names.subList(0, 10)).containsExactly("Summary", "All Lines", "All Lines (2)", "All Lines (3)",
                    "All Lines (4)", "All Lines (5)", "All Lines (6)", "All Lines (7)", "All Lines (8)", "Underpaid");
            assertThat(names).containsSubsequence("Underpaid", "Underpaid (2)", "Underpaid (3)", "Underpaid (4)",
                    "Denied CO-16", "Denied CO-16 (2)");
            List<String> claims = new ArrayList<>();
            for (String name : names.subList(1, 9)) {
                XSSFSheet sheet = read.getSheet(name);
                assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(name).isTrue();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    claims.add(sheet.getRow(r).getCell(0).getStringCellValue());
                }
            }
            assertThat(claims).isEqualTo(lines.stream().map(ReconciledLine::claimId).toList());
        }
    }

    /** All Lines is created beside the worklists: even when it comes last, it is the second sheet. */
    @Test
    void allLinesCreatedAfterTheWorklistsIsStillTheSecondSheet() throws Exception {
        Path other = Files.createDirectory(dir.resolve("late"));
        List<ReconciledLine> lines = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            lines.add(line("L" + i).status(i % 2 == 0 ? Status.UNDERPAID : Status.PAID_OK).build());
        }
        Path file;
        try (WorklistWorkbookWriter writer = new WorklistWorkbookWriter(other, NIGHT_1, Nights.DESCRIPTIONS,
                Nights.OPTIONS, List.of(), 5)) {
            for (Status status : WorklistWorkbookWriter.WORKLISTS) {
                try (var sheet = writer.worklist(status)) {
                    lines.stream().filter(l -> l.status() == status).map(l -> item(l)).forEach(sheet);
                }
            }
            try (var sheet = writer.allLines()) {
                lines.forEach(sheet);
            }
            file = writer.commit();
        }
        try (XSSFWorkbook read = open(file)) {
            List<String> names = IntStream.range(0, read.getNumberOfSheets()).mapToObj(read::getSheetName).toList();
            assertThat(names.subList(0, 6)).containsExactly("Summary", "All Lines", "All Lines (2)", "All Lines (3)",
                    "Underpaid", "Underpaid (2)");
            assertThat(read.getSheet("All Lines (3)").getRow(2).getCell(0).getStringCellValue()).isEqualTo("L12");
            // the print areas moved with their sheets
            assertThat(read.getPrintArea(1)).startsWith("'All Lines'!");
            assertThat(read.getPrintArea(4)).startsWith("Underpaid!");
        }
    }

    /**
     * The second worklist writer starts only once the work beside the worklists (All Lines) has
     * ended: never, if it never ends before this thread has written them all; at once; or midway.
     * The worklists come out the same each way.
     */
    @Test
    void theWorklistsDoNotWaitForTheWorkBesideThemAndComeOutTheSameWhoeverWritesThem() throws Exception {
        Path items = Files.createDirectory(dir.resolve("items"));
        var store = Nights.store(items);
        try (var night = store.night(NIGHT_1)) {
            for (int i = 1; i <= 900; i++) {
                Status status = List.of(Status.UNDERPAID, Status.DENIED_CO16, Status.OVERPAID).get(i % 3);
                night.line(line("W" + i).status(status).atStake(String.valueOf(2000 - i)).build());
            }
            night.finish();
        }
        var never = new java.util.concurrent.CompletableFuture<Void>();
        var midway = new java.util.concurrent.CompletableFuture<Void>();
        var atOnce = java.util.concurrent.CompletableFuture.<Void>completedFuture(null);
        List<List<String>> written = new ArrayList<>();
        for (var coreFree : List.of(never, atOnce, midway)) {
            Path out = Files.createDirectory(dir.resolve("out" + written.size()));
            Thread completer = new Thread(() -> midway.complete(null));
            Path file = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
                try (WorklistWorkbookWriter writer = new WorklistWorkbookWriter(out, NIGHT_1, Nights.DESCRIPTIONS,
                        Nights.OPTIONS, store.extraColumns())) {
                    if (coreFree == midway) {
                        completer.start();
                    }
                    writer.backlog(store, out.resolve("tmp"), coreFree);
                    return writer.commit();
                }
            });
            completer.join();
            try (XSSFWorkbook read = open(file)) {
                var format = new org.apache.poi.ss.usermodel.DataFormatter();
                List<String> cells = new ArrayList<>();
                for (Status status : WorklistWorkbookWriter.WORKLISTS) {
                    for (Row row : read.getSheet(status.label())) {
                        row.forEach(c -> cells.add(status + "!" + c.getAddress() + "=" + format.formatCellValue(c)));
                    }
                }
                written.add(cells);
            }
        }
        assertThat(written.get(0)).contains("UNDERPAID!D2=W3", "OVERPAID!D301=W899");
        assertThat(written.get(1)).isEqualTo(written.get(0));
        assertThat(written.get(2)).isEqualTo(written.get(0));
    }

    @Test
    void sheetsPastTheRowLimitContinueOnANextSheet() throws Exception {
        Path other = Files.createDirectory(dir.resolve("small"));
        List<ReconciledLine> lines = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            lines.add(line("K" + i).atStake(String.valueOf(100 - i)).build());
        }
        Path file = Nights.write(other, NIGHT_1, lines, 2, Nights.DESCRIPTIONS);
        try (XSSFWorkbook small = open(file)) {
            assertThat(small.getSheet("All Lines").getLastRowNum()).isEqualTo(2);
            assertThat(small.getSheet("All Lines (2)").getLastRowNum()).isEqualTo(2);
            assertThat(small.getSheet("All Lines (3)").getLastRowNum()).isEqualTo(1);
            assertThat(small.getSheet("All Lines (3)").getRow(1).getCell(0).getStringCellValue()).isEqualTo("K5");
            assertThat(small.getSheet("All Lines (4)")).isNull();
            assertThat(small.getSheet("Underpaid (3)").getRow(1).getCell(3).getStringCellValue()).isEqualTo("K5");
            // each continuation is a full sheet: header, frozen panes, filter, drop-down
            XSSFSheet part2 = small.getSheet("Underpaid (2)");
            assertThat(part2.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Amount At Stake");
            assertThat(part2.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 2);
            assertThat(part2.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(part2.getDataValidations()).hasSize(2);
            assertThat(part2.getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(1);
        }
    }

    @Test
    void theTemporaryFileIsRenamedOnlyWhenComplete() throws Exception {
        assertThat(dir.resolve("j3490-worklist-2026-11-23.xlsx")).exists();
        try (var files = Files.list(dir)) {
            assertThat(files).noneMatch(f -> f.getFileName().toString().endsWith(".tmp"));
        }
        Path other = Files.createDirectory(dir.resolve("abandoned"));
        try (WorklistWorkbookWriter writer = new WorklistWorkbookWriter(other, NIGHT_1, Nights.DESCRIPTIONS,
                Nights.OPTIONS, List.of())) {
            try (var sheet = writer.allLines()) {
                sheet.accept(line("X").build());
            }
        }
        try (var files = Files.list(other)) {
            assertThat(files).isEmpty();
        }
    }
}
