package com.rcm.j3490.workbook;

import static com.rcm.j3490.workbook.WorklistWorkbookWriter.number;
import static com.rcm.j3490.workbook.WorklistWorkbookWriter.text;

import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import com.rcm.j3490.workbook.WorklistWorkbookWriter.Styles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The Summary sheet: what a manager reads in a minute. Totals first, two native charts (dollars
 * at stake per worklist, denied dollars per reason), then the tables behind them: per worklist
 * (with links), per denial reason (CARC with its description), the ten lines with most at stake,
 * per payer; the group codes; what was carried over from the earlier workbook; the input files.
 */
final class SummaryWriter {
    /** Column widths in characters: A label/key, B name/description, C lines, D..I dollars. */
    private static final int[] WIDTHS = {30, 40, 12, 14, 14, 14, 14, 14, 14, 14};
    private static final int LAST_COLUMN = WIDTHS.length - 1;
    private static final int TOP_LINES = 10;
    private static final int CHART_ROWS = 20;
    private static final java.util.Set<String> NUMERIC_HEADERS = java.util.Set.of("Lines", "Billed", "Paid",
            "Reimbursed", "Expected", "Variance", "At Stake", "Rows", "Target Lines", "Rejected");
    /** The first chart spans columns A..C, the second D..J. */
    private static final int SPLIT = 3;
    private static final byte[] TEAL = {(byte) 0x2E, (byte) 0x75, (byte) 0x8C};
    private static final byte[] BRICK = {(byte) 0xB0, (byte) 0x4A, (byte) 0x3C};

    private final SXSSFWorkbook workbook;
    private final XSSFSheet sheet;
    private final Styles styles;
    private final CarryOver carryOver;
    private XSSFDrawing drawing;
    private int r;

    SummaryWriter(SXSSFWorkbook workbook, XSSFSheet sheet, Styles styles, CarryOver carryOver) {
        this.workbook = workbook;
        this.sheet = sheet;
        this.styles = styles;
        this.carryOver = carryOver;
    }

    void write(RunSummary s) {
        for (int i = 0; i < WIDTHS.length; i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        sheet.setDisplayGridlines(false);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.LETTER_PAPERSIZE);

        Row title = sheet.createRow(r++);
        title.setHeightInPoints(24);
        text(title, 0, "J3490 reconciliation: worklists of " + s.runDate(), styles.title);
        Row date = sheet.createRow(r++);
        text(date, 0, "Run date", styles.bold);
        Cell runDate = date.createCell(1);
        runDate.setCellValue(s.runDate());
        runDate.setCellStyle(styles.date);
        Row generated = sheet.createRow(r++);
        text(generated, 0, "Generated", styles.bold);
        text(generated, 1, s.generatedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), null);
        r++;

        totals(s);
        int chartTop = r + 1;
        r = chartTop + CHART_ROWS + 1;
        int[] statusRows = byStatus(s);
        sheet.setRowBreak(r - 1);
        int[] denialRows = byDenialReason(s);
        topLines(s);
        byPayer(s);
        groupCodes(s);
        carryOverNotes();
        inputFiles(s);

        if (statusRows[1] >= statusRows[0]) {
            barChart(0, chartTop, SPLIT, chartTop + CHART_ROWS, "Dollars at stake by worklist",
                    new CellRangeAddress(statusRows[0], statusRows[1], 1, 1),
                    new CellRangeAddress(statusRows[0], statusRows[1], 8, 8), TEAL);
        }
        if (denialRows[1] >= denialRows[0]) {
            barChart(SPLIT, chartTop, LAST_COLUMN + 1, chartTop + CHART_ROWS,
                    "Dollars at stake by denial code (top " + TOP_LINES + ")",
                    new CellRangeAddress(denialRows[0], denialRows[1], 0, 0),
                    new CellRangeAddress(denialRows[0], denialRows[1], 8, 8), BRICK);
        } else {
            Row none = row(chartTop + CHART_ROWS / 2);
            text(none, 4, "No denials in this run.", styles.bold);
        }
    }

    // ---- sections ------------------------------------------------------------------------------

    private void totals(RunSummary s) {
        header("Totals", List.of("", "", "Lines", "Billed", "Paid", "Reimbursed", "Expected", "Variance", "At Stake"));
        groupRow(s.total(), "Reconciled target lines", true);
        RunSummary.Group actionable = sum("WORKLISTS", s.byStatus().stream()
                .filter(g -> statusOf(g) != null && statusOf(g).actionable()).toList());
        groupRow(actionable, "On the worklists (to work)", false);
        countRow("Lines of other procedure codes (counted only)", s.otherCodeLines(), null);
        countRow("Duplicate lines (delivered twice; not reconciled again)", s.duplicates(), null);
        countRow("Rejected input rows", s.rejectedRows(), WorklistWorkbookWriter.REJECTED_ROWS);
    }

    /** @return first and last row of the actionable statuses (the chart's range) */
    private int[] byStatus(RunSummary s) {
        header("By worklist", List.of("Status", "Worklist (click to open)", "Lines", "Billed", "Paid", "Reimbursed",
                "Expected", "Variance", "At Stake"));
        // the worklists in the order of their tabs, then the statuses without a worklist
        List<RunSummary.Group> ordered = new ArrayList<>();
        for (Status w : WorklistWorkbookWriter.WORKLISTS) {
            s.byStatus().stream().filter(g -> statusOf(g) == w).forEach(ordered::add);
        }
        s.byStatus().stream().filter(g -> !ordered.contains(g)).forEach(ordered::add);
        int first = r;
        int last = r - 1;
        for (RunSummary.Group g : ordered) {
            Status status = statusOf(g);
            boolean actionable = status != null && status.actionable();
            Row row = groupRow(g, g.key(), false);
            if (actionable) {
                link(row, 1, status.label(), status.label());
                last = row.getRowNum();
            } else {
                text(row, 1, (status == null ? g.label() : status.label()) + " (no worklist)", null);
            }
        }
        r++;
        return new int[] {first, last};
    }

    private int[] byDenialReason(RunSummary s) {
        header("Denial reasons (CARC)", List.of("Code", "Reason", "Lines", "Billed", "Paid", "Reimbursed", "Expected",
                "Variance", "At Stake"));
        int first = r;
        for (RunSummary.Group g : s.byDenialReason()) {
            Row row = groupRow(g, g.key(), false);
            text(row, 1, g.label(), styles.note);
            int lines = WorklistWorkbookWriter.linesOf(g.label() == null ? "" : g.label(), WIDTHS[1]);
            if (lines > 1) {
                row.setHeightInPoints(lines * WorklistWorkbookWriter.LINE_HEIGHT);
            }
        }
        int last = Math.min(r, first + TOP_LINES) - 1;
        if (s.byDenialReason().isEmpty()) {
            text(row(r++), 0, "No denials in this run.", null);
        } else {
            text(row(r++), 0, "A line denied for several reasons counts under each of its codes; the worklists "
                    + "show every code with its description.", styles.note);
            sheet.addMergedRegion(new CellRangeAddress(r - 1, r - 1, 0, LAST_COLUMN));
        }
        r++;
        return new int[] {first, last};
    }

    private void topLines(RunSummary s) {
        header("Top " + TOP_LINES + " lines by amount at stake", List.of("Claim ID / Line", "Payer", "Deadline",
                "At Stake", "Worklist", "Team"));
        List<ReconciledLine> top = s.topLines().subList(0, Math.min(TOP_LINES, s.topLines().size()));
        for (ReconciledLine l : top) {
            Row row = row(r++);
            text(row, 0, l.claimId() + " / " + l.lineNumber(), null);
            text(row, 1, l.payerName() == null ? l.payerId() : l.payerName(), null);
            date(row, 2, l.appealDeadline());
            money(row, 3, l.amountAtStake(), styles.money);
            if (l.status().actionable()) {
                link(row, 4, l.status().label(), l.status().label());
            } else {
                text(row, 4, l.status().label(), null);
            }
            text(row, 5, l.team(), null);
        }
        if (top.isEmpty()) {
            text(row(r++), 0, "No lines in this run.", null);
        }
        r++;
    }

    private void byPayer(RunSummary s) {
        header("By payer", List.of("Payer ID", "Payer Name", "Lines", "Billed", "Paid", "Reimbursed", "Expected",
                "Variance", "At Stake"));
        for (RunSummary.Group g : s.byPayer()) {
            Row row = groupRow(g, g.key(), false);
            text(row, 1, g.label(), null);
        }
        r++;
    }

    private void groupCodes(RunSummary s) {
        text(row(r++), 0, "Codes", styles.section);
        for (RunSummary.CodeNote c : s.groupCodes()) {
            Row row = row(r++);
            text(row, 0, c.code() + " (group code)", styles.bold);
            text(row, 1, c.description(), null);
        }
        Row carc = row(r++);
        text(carc, 0, "CARC, RARC", styles.bold);
        text(carc, 1, "Denial Codes are GROUP-REASON (e.g. CO-16); each worklist shows every code with its "
                + "description in Denial Reasons and Remark Descriptions.", null);
        r++;
    }

    private void carryOverNotes() {
        text(row(r++), 0, "Carry-over of the team's work", styles.section);
        List<String> notes = carryOver.notes();
        if (notes.isEmpty()) {
            notes = List.of("No earlier workbook was read: Owner, Work Status, Follow-up Date and Notes start empty.");
        }
        List<String> problems = carryOver.problems();
        for (String note : notes) {
            Row row = row(r++);
            text(row, 0, note, problems.contains(note) ? styles.warning : styles.note);
            sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, LAST_COLUMN));
            // a merged cell is not fitted by Excel: size it for the text (about 180 characters a line)
            row.setHeightInPoints(WorklistWorkbookWriter.LINE_HEIGHT * (1 + note.length() / 180));
        }
        if (carryOver.leftOff > 0) {
            link(row(r++), 0, "Open " + WorklistWorkbookWriter.CLOSED_LINES, WorklistWorkbookWriter.CLOSED_LINES);
        }
        r++;
    }

    private void inputFiles(RunSummary s) {
        header("Input files", List.of("Kind", "File", "Rows", "Target Lines", "Rejected", "Note"));
        for (RunSummary.InputFile f : s.inputFiles()) {
            Row row = row(r++);
            text(row, 0, f.kind(), null);
            text(row, 1, f.name(), null);
            number(row, 2, f.rows(), null);
            if (f.targetLines() != null) {
                number(row, 3, f.targetLines(), null);
            }
            number(row, 4, f.rejected(), null);
            text(row, 5, f.skippedReason() == null ? null : "skipped: " + f.skippedReason(), null);
        }
    }

    // ---- charts --------------------------------------------------------------------------------

    /** A horizontal bar chart of one money column against one label column, largest on top. */
    private void barChart(int col1, int row1, int col2, int row2, String title, CellRangeAddress categories,
            CellRangeAddress values, byte[] rgb) {
        if (drawing == null) {
            drawing = sheet.createDrawingPatriarch();
        }
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col1, row1, col2, row2);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(AxisPosition.LEFT);
        categoryAxis.setOrientation(AxisOrientation.MAX_MIN);
        XDDFValueAxis valueAxis = chart.createValueAxis(AxisPosition.BOTTOM);
        valueAxis.setCrosses(AxisCrosses.MAX);
        valueAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        valueAxis.setNumberFormat("\"$\"#,##0");
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet, categories);
        XDDFNumericalDataSource<Double> amounts = XDDFDataSourcesFactory.fromNumericCellRange(sheet, values);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categoryAxis, valueAxis);
        data.setBarDirection(BarDirection.BAR);
        data.setVaryColors(false);
        data.setGapWidth(60);
        XDDFChartData.Series series = data.addSeries(labels, amounts);
        series.setTitle("At stake", null);
        series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
        chart.plot(data);
    }

    // ---- rows and cells ------------------------------------------------------------------------

    private Row row(int index) {
        Row row = sheet.getRow(index);
        return row == null ? sheet.createRow(index) : row;
    }

    private void header(String title, List<String> headers) {
        Row t = row(r++);
        t.setHeightInPoints(18);
        text(t, 0, title, styles.section);
        Row row = row(r++);
        for (int i = 0; i < headers.size(); i++) {
            text(row, i, headers.get(i), NUMERIC_HEADERS.contains(headers.get(i)) ? styles.headerRight : styles.header);
        }
    }

    private Row groupRow(RunSummary.Group g, String label, boolean bold) {
        Row row = row(r++);
        text(row, 0, label, bold ? styles.bold : styles.top);
        number(row, 2, g.lines(), styles.top);
        CellStyle money = bold ? styles.moneyBold : styles.money;
        money(row, 3, g.billed(), money);
        money(row, 4, g.paid(), money);
        money(row, 5, g.reimbursed(), money);
        money(row, 6, g.expected(), money);
        money(row, 7, g.variance(), money);
        money(row, 8, g.atStake(), money);
        return row;
    }

    private void countRow(String label, long count, String linkTo) {
        Row row = row(r++);
        if (linkTo != null) {
            link(row, 0, label, linkTo);
        } else {
            text(row, 0, label, null);
        }
        number(row, 2, count, null);
    }

    private void link(Row row, int column, String label, String sheetName) {
        Cell cell = row.createCell(column);
        cell.setCellValue(label);
        cell.setHyperlink(WorklistWorkbookWriter.sheetLink(workbook, sheetName));
        cell.setCellStyle(styles.link);
    }

    private static void money(Row row, int column, BigDecimal value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
    }

    private void date(Row row, int column, LocalDate value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(styles.date);
    }

    private static Status statusOf(RunSummary.Group g) {
        try {
            return Status.valueOf(g.key());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Adds the groups' counts and dollars (presentation totals; BigDecimal until the cell). */
    private static RunSummary.Group sum(String key, List<RunSummary.Group> groups) {
        long lines = 0;
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal reimbursed = BigDecimal.ZERO;
        BigDecimal expected = BigDecimal.ZERO;
        BigDecimal variance = BigDecimal.ZERO;
        BigDecimal atStake = BigDecimal.ZERO;
        for (RunSummary.Group g : groups) {
            lines += g.lines();
            billed = billed.add(nz(g.billed()));
            paid = paid.add(nz(g.paid()));
            reimbursed = reimbursed.add(nz(g.reimbursed()));
            expected = expected.add(nz(g.expected()));
            variance = variance.add(nz(g.variance()));
            atStake = atStake.add(nz(g.atStake()));
        }
        return new RunSummary.Group(key, key, lines, billed, paid, reimbursed, expected, variance, atStake);
    }

    private static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}
