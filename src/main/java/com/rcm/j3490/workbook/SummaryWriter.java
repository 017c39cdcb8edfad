package com.rcm.j3490.workbook;

import com.rcm.j3490.backlog.AgeBucket;
import com.rcm.j3490.backlog.BacklogFigures;
import com.rcm.j3490.backlog.BacklogFigures.Tally;
import com.rcm.j3490.backlog.MoneyKind;
import com.rcm.j3490.backlog.Resolution;
import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.reconcile.RemittanceBalances;
import com.rcm.j3490.rules.Status;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The Summary sheet: what a manager reads in a minute. Warnings first (in red), then the backlog
 * the worklists hold, summed from exactly the items written on them ({@link BacklogFigures}, the
 * same figures the {@code backlog} command prints): open items by worklist, two native charts
 * (open dollars by worklist, one series per kind of money; denied items by the reason that
 * decided them), age, resolved, denials, team and owner. Money of different kinds is never added
 * together: each kind has its own column. Then tonight's remittance, the codes, the team's input
 * and the input files.
 */
public final class SummaryWriter {
    /** The Input files note of a claims file (recon.input.claims), whose lines the X12 block counts. */
    static final String CLAIMS_FILE_NOTE = "claims to join: lines counted under " + RemittanceBalanceSection.CLAIMS;
    /** Facts and warnings (red) for the Summary, in plain words. */
    public record Notes(List<String> facts, List<String> warnings) {
        public static final Notes NONE = new Notes(List.of(), List.of());

        public Notes {
            facts = List.copyOf(facts);
            warnings = List.copyOf(warnings);
        }
    }

    /** Columns: A label, B name, C items, D new tonight / recovered, E..H the four kinds of money. */
    private static final int[] WIDTHS = {30, 34, 10, 13, 15, 15, 15, 15, 13, 13};
    static final int LAST_COLUMN = WIDTHS.length - 1;
    private static final int KINDS_FROM = 4;
    private static final int CHART_ROWS = 20;
    private static final int SPLIT = 4;
    private static final Set<String> NUMERIC_HEADERS = Set.of("Items", "New Tonight", "Recovered", "Lines", "Billed",
            "Paid", "Reimbursed", "Expected", "Variance", "Rows", "Target Lines", "Rejected",
            MoneyKind.RECOVERABLE.label(), MoneyKind.REFUND_OWED.label(), MoneyKind.PATIENT_BALANCE.label(),
            MoneyKind.REVERSED.label());
    /** Series colours per kind of money: teal, amber, violet, brick. */
    private static final byte[][] KIND_RGB = {{0x2E, 0x75, (byte) 0x8C}, {(byte) 0xC9, (byte) 0x8A, 0x1A},
            {0x6A, 0x4C, (byte) 0x93}, {(byte) 0xB0, 0x4A, 0x3C}};

    private final WorkbookContext context;
    private final XSSFSheet sheet;
    private final WorkbookStyles styles;
    private final Notes notes;
    private final RemittanceBalances balances;
    private XSSFDrawing drawing;
    private int r;

    SummaryWriter(WorkbookContext context, XSSFSheet sheet, Notes notes, RemittanceBalances balances) {
        this.context = context;
        this.sheet = sheet;
        this.styles = context.styles();
        this.notes = notes;
        this.balances = balances;
    }

    void write(RunSummary s, BacklogFigures f) {
        for (int i = 0; i < WIDTHS.length; i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        sheet.setDisplayGridlines(false);
        context.printSetup(sheet);
        sheet.setRepeatingRows(null);

        Row title = sheet.createRow(r++);
        title.setHeightInPoints(24);
        Cells.text(title, 0, "J3490 worklists: the backlog on " + f.runDate(), styles.title);
        Row date = sheet.createRow(r++);
        Cells.text(date, 0, "Run date", styles.bold);
        Cells.date(date, 1, f.runDate(), styles.date);
        if (s != null) {
            Row generated = sheet.createRow(r++);
            Cells.text(generated, 0, "Generated", styles.bold);
            Cells.text(generated, 1, s.generatedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), null);
        }
        for (String warning : notes.warnings()) {
            paragraph(warning, styles.warning);
        }
        r++;

        int[] worklistRows = byWorklist(f);
        int chartTop = r + 1;
        r = chartTop + CHART_ROWS + 1;
        sheet.setRowBreak(r - 1);
        byAge(f);
        resolved(f);
        int[] denialRows = denials(f);
        tallies("By team", "Team", f.byTeam());
        tallies("By owner", "Owner", f.byOwner());
        if (s != null) {
            tonight(s);
            byPayer(s);
            groupCodes(s);
        }
        teamInput();
        if (s != null) {
            inputFiles(s);
        }
        r = RemittanceBalanceSection.write(sheet, styles, r + 1, balances);

        worklistChart(chartTop, worklistRows);
        if (denialRows[1] >= denialRows[0]) {
            barChart(SPLIT, chartTop, LAST_COLUMN + 1, chartTop + CHART_ROWS,
                    "Denied items by the reason that decided them",
                    new CellRangeAddress(denialRows[0], denialRows[1], 0, 0),
                    new CellRangeAddress(denialRows[0], denialRows[1], 2, 2));
        } else {
            Cells.text(row(chartTop + CHART_ROWS / 2), SPLIT + 1, "No denied items open.", styles.bold);
        }
    }

    // ---- the backlog -----------------------------------------------------------------------------

    private List<String> kindHeaders() {
        return java.util.Arrays.stream(MoneyKind.values()).map(MoneyKind::label).toList();
    }

    /** @return first and last row of the worklists (the chart's range) */
    private int[] byWorklist(BacklogFigures f) {
        List<String> headers = new java.util.ArrayList<>(List.of("Status", "Open items by worklist (click to open)",
                "Items", ""));
        headers.addAll(kindHeaders());
        header("The backlog: open items on the worklists", headers);
        int first = r;
        for (Status w : WorklistWorkbookWriter.WORKLISTS) {
            Row row = tallyRow(w.name(), f.byWorklist().get(w), false);
            link(row, 1, w.label(), w.label());
        }
        int last = r - 1;
        tallyRow("All worklists", f.open(), true);
        r++;
        return new int[] {first, last};
    }

    private void byAge(BacklogFigures f) {
        List<String> headers = new java.util.ArrayList<>(List.of("Days Open", "", "Items", ""));
        headers.addAll(kindHeaders());
        header("Age of the open items", headers);
        for (AgeBucket bucket : AgeBucket.values()) {
            tallyRow(bucket.label() + " days", f.byAge().get(bucket), false);
        }
        tallyRow("New tonight", f.newTonight(), false);
        r++;
    }

    private void resolved(BacklogFigures f) {
        header("Resolved (see the " + WorklistWorkbookWriter.RESOLVED + " sheet)", List.of("", "", "Items",
                "Recovered"));
        recoveryRow("Resolved tonight", f.resolvedTonight(), false);
        recoveryRow("Resolved in the window", f.resolvedInWindow(), true);
        for (Resolution res : Resolution.values()) {
            BacklogFigures.Recovery rec = f.resolvedInWindowBy().get(res);
            if (rec != null) {
                recoveryRow("  " + res.label(), rec, false);
            }
        }
        Cells.text(row(r++), 0, "Recovered: what a payer paid on an item after it was opened (a team's Closed, "
                + "Written off or Refund sent recovers nothing).", styles.note);
        sheet.addMergedRegion(new CellRangeAddress(r - 1, r - 1, 0, LAST_COLUMN));
        r++;
    }

    private void recoveryRow(String label, BacklogFigures.Recovery rec, boolean bold) {
        Row row = row(r++);
        Cells.text(row, 0, label, bold ? styles.bold : styles.top);
        Cells.number(row, 2, rec.count(), bold ? styles.bold : styles.top);
        Cells.money(row, 3, rec.recovered(), bold ? styles.moneyBold : styles.money);
        link(row, 1, "Open " + WorklistWorkbookWriter.RESOLVED, WorklistWorkbookWriter.RESOLVED);
    }

    /** @return first and last row of the reasons (the chart's range) */
    private int[] denials(BacklogFigures f) {
        List<String> headers = new java.util.ArrayList<>(List.of("Deciding reason", "", "Items", "",
                MoneyKind.RECOVERABLE.label()));
        header("Open denials by the reason that decided their status", headers);
        int first = r;
        for (Map.Entry<String, Tally> e : f.denialsByReason().entrySet()) {
            Row row = row(r++);
            Cells.text(row, 0, e.getKey(), styles.top);
            Cells.number(row, 2, e.getValue().count(), styles.top);
            Cells.money(row, KINDS_FROM, e.getValue().amount(MoneyKind.RECOVERABLE), styles.money);
        }
        int last = r - 1;
        if (f.denialsByReason().isEmpty()) {
            Cells.text(row(r++), 0, "No denied items open.", null);
        } else {
            paragraph("Each denied line counts once, under the reason that decided its status (CO-16, CO-50, "
                    + "CO-151, else its largest denial); CO-45 (contractual), CO-253 (sequestration) and PR "
                    + "adjustments are not denials.", styles.note);
        }
        r++;
        return new int[] {first, last};
    }

    private void tallies(String title, String what, Map<String, Tally> tallies) {
        List<String> headers = new java.util.ArrayList<>(List.of(what, "", "Items", ""));
        headers.addAll(kindHeaders());
        header(title, headers);
        tallies.forEach((key, t) -> tallyRow(key, t, false));
        if (tallies.isEmpty()) {
            Cells.text(row(r++), 0, "No open items.", null);
        }
        r++;
    }

    private Row tallyRow(String label, Tally t, boolean bold) {
        Row row = row(r++);
        Cells.text(row, 0, label, bold ? styles.bold : styles.top);
        Cells.number(row, 2, t == null ? 0 : t.count(), bold ? styles.bold : styles.top);
        MoneyKind[] kinds = MoneyKind.values();
        for (int k = 0; k < kinds.length; k++) {
            BigDecimal amount = t == null ? null : t.amounts().get(kinds[k]);
            if (amount != null || bold) {
                Cells.money(row, KINDS_FROM + k, amount == null ? BigDecimal.ZERO : amount,
                        bold ? styles.moneyBold : styles.money);
            }
        }
        return row;
    }

    // ---- tonight's run -------------------------------------------------------------------------

    private void tonight(RunSummary s) {
        header("Tonight's remittance", List.of("Status", "", "Lines", "Billed", "Paid", "Reimbursed", "Expected",
                "Variance"));
        lineGroupRow(s.total(), "Reconciled target lines", true);
        for (RunSummary.Group g : s.byStatus()) {
            if (g.lines() > 0) {
                lineGroupRow(g, g.key(), false);
            }
        }
        countRow("Lines of other procedure codes (counted only)", s.otherCodeLines(), null);
        countRow("Duplicate lines (delivered twice; not reconciled again)", s.duplicates(), null);
        countRow("Rejected input rows", s.rejectedRows(), WorklistWorkbookWriter.REJECTED_ROWS);
        r++;
    }

    private void byPayer(RunSummary s) {
        header("Tonight's remittance by payer", List.of("Payer ID", "Payer Name", "Lines", "Billed", "Paid",
                "Reimbursed", "Expected", "Variance"));
        for (RunSummary.Group g : s.byPayer()) {
            Row row = lineGroupRow(g, g.key(), false);
            Cells.text(row, 1, g.label(), null);
        }
        r++;
    }

    private Row lineGroupRow(RunSummary.Group g, String label, boolean bold) {
        Row row = row(r++);
        Cells.text(row, 0, label, bold ? styles.bold : styles.top);
        Cells.number(row, 2, g.lines(), bold ? styles.bold : styles.top);
        CellStyle money = bold ? styles.moneyBold : styles.money;
        Cells.money(row, 3, g.billed(), money);
        Cells.money(row, 4, g.paid(), money);
        Cells.money(row, 5, g.reimbursed(), money);
        Cells.money(row, 6, g.expected(), money);
        Cells.money(row, 7, g.variance(), money);
        return row;
    }

    private void groupCodes(RunSummary s) {
        Cells.text(row(r++), 0, "Codes", styles.section);
        for (RunSummary.CodeNote c : s.groupCodes()) {
            Row row = row(r++);
            Cells.text(row, 0, c.code() + " (group code)", styles.bold);
            Cells.text(row, 1, c.description(), null);
        }
        Row carc = row(r++);
        Cells.text(carc, 0, "CARC, RARC", styles.bold);
        Cells.text(carc, 1, "Denial Codes are GROUP-REASON (e.g. CO-16); each worklist shows every code with its "
                + "description in Denial Reasons and Remark Descriptions, and the adjustments as sent.", null);
        r++;
    }

    private void teamInput() {
        Cells.text(row(r++), 0, "The team's columns", styles.section);
        List<String> facts = notes.facts().isEmpty()
                ? List.of("No earlier workbook was read tonight: Owner, Work Status, Follow-up Date and Notes are "
                        + "those kept with the items.")
                : notes.facts();
        for (String fact : facts) {
            paragraph(fact, styles.note);
        }
        r++;
    }

    private void inputFiles(RunSummary s) {
        header("Input files", List.of("Kind", "File", "Rows", "Target Lines", "Rejected", "", "Note"));
        for (RunSummary.InputFile f : s.inputFiles()) {
            Row row = row(r++);
            Cells.text(row, 0, f.kind(), null);
            Cells.text(row, 1, f.name(), null);
            boolean claims = f.kind().equals(InputKind.CLAIM_LINES.label());
            if (!claims) {
                // a claims file is read when the 835 lines join it; its lines are counted under "Claims given"
                Cells.number(row, 2, f.rows(), null);
            }
            if (f.targetLines() != null) {
                Cells.number(row, 3, f.targetLines(), null);
            }
            Cells.number(row, 4, f.rejected(), null);
            Cells.text(row, 6, f.skippedReason() != null ? "skipped: " + f.skippedReason()
                    : claims ? CLAIMS_FILE_NOTE : null, null);
        }
    }

    // ---- charts --------------------------------------------------------------------------------

    /** Open dollars by worklist: one series per kind of money, stacked (a worklist holds one kind). */
    private void worklistChart(int top, int[] rows) {
        XSSFChart chart = chart(0, top, SPLIT, top + CHART_ROWS, "Open dollars by worklist");
        XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(AxisPosition.LEFT);
        categoryAxis.setOrientation(AxisOrientation.MAX_MIN);
        XDDFValueAxis valueAxis = chart.createValueAxis(AxisPosition.BOTTOM);
        valueAxis.setCrosses(AxisCrosses.MAX);
        valueAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        valueAxis.setNumberFormat("\"$\"#,##0");
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(rows[0], rows[1], 1, 1));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categoryAxis, valueAxis);
        data.setBarDirection(BarDirection.BAR);
        data.setBarGrouping(BarGrouping.STACKED);
        data.setVaryColors(false);
        data.setGapWidth(60);
        MoneyKind[] kinds = MoneyKind.values();
        for (int k = 0; k < kinds.length; k++) {
            XDDFNumericalDataSource<Double> amounts = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(rows[0], rows[1], KINDS_FROM + k, KINDS_FROM + k));
            XDDFChartData.Series series = data.addSeries(labels, amounts);
            series.setTitle(kinds[k].label(), null);
            series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(KIND_RGB[k])));
        }
        XDDFChartLegend legend = chart.getOrAddLegend();
        legend.setPosition(LegendPosition.BOTTOM);
        chart.plot(data);
        fullOverlap(chart);
    }

    /**
     * Stacked bars need an overlap of 100 % to sit on one another. POI's API for it needs a schema
     * type its lite jar lacks, so the element is written with a cursor, where CT_BarChart has it:
     * right after gapWidth.
     */
    private static void fullOverlap(XSSFChart chart) {
        var bar = chart.getCTChart().getPlotArea().getBarChartArray(0);
        try (org.apache.xmlbeans.XmlCursor cursor = bar.getGapWidth().newCursor()) {
            cursor.toEndToken();
            cursor.toNextToken();
            String ns = "http://schemas.openxmlformats.org/drawingml/2006/chart";
            cursor.beginElement(new javax.xml.namespace.QName(ns, "overlap", "c"));
            cursor.insertAttributeWithValue("val", "100");
        }
    }

    /** A horizontal bar chart of one count column against one label column, largest on top. */
    private void barChart(int col1, int row1, int col2, int row2, String title, CellRangeAddress categories,
            CellRangeAddress values) {
        XSSFChart chart = chart(col1, row1, col2, row2, title);
        XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(AxisPosition.LEFT);
        categoryAxis.setOrientation(AxisOrientation.MAX_MIN);
        XDDFValueAxis valueAxis = chart.createValueAxis(AxisPosition.BOTTOM);
        valueAxis.setCrosses(AxisCrosses.MAX);
        valueAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        valueAxis.setNumberFormat("#,##0");
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet, categories);
        XDDFNumericalDataSource<Double> counts = XDDFDataSourcesFactory.fromNumericCellRange(sheet, values);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categoryAxis, valueAxis);
        data.setBarDirection(BarDirection.BAR);
        data.setVaryColors(false);
        data.setGapWidth(60);
        XDDFChartData.Series series = data.addSeries(labels, counts);
        series.setTitle("Items", null);
        series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(KIND_RGB[3])));
        chart.plot(data);
    }

    private XSSFChart chart(int col1, int row1, int col2, int row2, String title) {
        if (drawing == null) {
            drawing = sheet.createDrawingPatriarch();
        }
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col1, row1, col2, row2);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        return chart;
    }

    // ---- rows and cells ------------------------------------------------------------------------

    private Row row(int index) {
        Row row = sheet.getRow(index);
        return row == null ? sheet.createRow(index) : row;
    }

    private void paragraph(String text, CellStyle style) {
        paragraph(sheet, row(r++), text, style);
    }

    /** A note across the Summary's columns, its row as tall as the text needs. */
    static void paragraph(XSSFSheet sheet, Row row, String text, CellStyle style) {
        Cells.text(row, 0, text, style);
        sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, LAST_COLUMN));
        // a merged cell is not fitted by Excel: size it for the text (about 160 characters a line)
        row.setHeightInPoints(LineSheet.LINE_HEIGHT * (1 + text.length() / 160));
    }

    /** Characters that fit in a Summary column (its width). */
    static int width(int column) {
        return WIDTHS[column];
    }

    /**
     * Makes a row tall enough for a wrapped text in one of its cells (Excel does not fit rows
     * written by a program); never lowers it.
     */
    static void fitText(Row row, int column, String text) {
        if (text == null) {
            return;
        }
        int perLine = Math.max(1, WIDTHS[column] - 1);
        int lines = (text.length() + perLine - 1) / perLine;
        float height = LineSheet.LINE_HEIGHT * Math.max(1, lines);
        if (height > row.getHeightInPoints()) {
            row.setHeightInPoints(height);
        }
    }

    private void header(String title, List<String> headers) {
        Row t = row(r++);
        t.setHeightInPoints(18);
        Cells.text(t, 0, title, styles.section);
        Row row = row(r++);
        for (int i = 0; i < headers.size(); i++) {
            Cells.text(row, i, headers.get(i), NUMERIC_HEADERS.contains(headers.get(i)) ? styles.headerRight
                    : styles.header);
        }
    }

    private void countRow(String label, long count, String linkTo) {
        Row row = row(r++);
        if (linkTo != null) {
            link(row, 0, label, linkTo);
        } else {
            Cells.text(row, 0, label, null);
        }
        Cells.number(row, 2, count, null);
    }

    private void link(Row row, int column, String label, String sheetName) {
        Cell cell = row.createCell(column);
        cell.setCellValue(label);
        cell.setHyperlink(Cells.sheetLink(context.workbook(), sheetName));
        cell.setCellStyle(styles.link);
    }
}
