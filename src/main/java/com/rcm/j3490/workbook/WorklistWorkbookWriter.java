package com.rcm.j3490.workbook;

import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.rules.CodeDescriptions;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import com.rcm.j3490.workbook.Column.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.FontFamily;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Streams the run's workbook with POI SXSSF (a window of rows in memory, the rest on disk) to
 * a temporary file, and renames it to its final name only when every sheet is complete.
 * Knows sheets, columns and styles; nothing of how lines are priced.
 *
 * <p>The Summary is the one sheet held in memory (a few hundred rows): it is an ordinary XSSF
 * sheet of the workbook SXSSF wraps, created first so it is the first tab, and filled when the
 * workbook is committed, so it can hold native charts and report the carry-over.
 *
 * <p>Order of use: {@link #carryOver}; {@link #tonight} for every line of the night (it tells the
 * carry-over which lines tonight's remittance has), then the {@link #worklist(Status)} sheets and
 * {@link #closedLines()}; {@link #allLines()} at any time before commit, also on another thread
 * while the worklists are written (creating and completing sheets is serialised on the workbook;
 * rows go to each sheet's own file); {@link #rejectedRows}, {@link #summary} (any time before
 * commit), {@link #commit()}.
 */
public final class WorklistWorkbookWriter implements AutoCloseable {
    /** Data rows per sheet: Excel's 1,048,576 rows less the header. */
    static final int EXCEL_MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;
    public static final String SUMMARY = "Summary";
    public static final String ALL_LINES = "All Lines";
    public static final String CLOSED_LINES = "Closed Lines";
    public static final String REJECTED_ROWS = "Rejected Rows";
    public static final List<String> WORK_STATUSES =
            List.of("New", "In progress", "Resubmitted", "Appealed", "Paid", "Written off", "Closed");
    /** Worklist sheets in the order the contract lists the groups. */
    public static final List<Status> WORKLISTS = List.of(Status.UNDERPAID, Status.DENIED_CO16, Status.DENIED_CO50,
            Status.DENIED_CO151, Status.DENIED_OTHER, Status.NO_EXPECTED, Status.OVERPAID, Status.PATIENT_RESP,
            Status.REVERSED);
    /** Points per line of 11-point text. */
    static final float LINE_HEIGHT = 15f;
    /** A row grows for wrapped text up to this many lines; the rest shows when the cell is opened. */
    static final int MAX_ROW_LINES = 4;
    /** Worklist rows that get the Work Status drop-down even when the sheet is shorter. */
    private static final int MIN_VALIDATED_ROWS = 1000;

    private final Path finalPath;
    private final SXSSFWorkbook workbook;
    private final XSSFSheet summarySheet;
    private final Styles styles;
    private final CodeDescriptions codes;
    private final int maxDataRows;
    private final int deadlineWarningDays;
    private CarryOver carryOver = CarryOver.none();
    private RunSummary summary;
    private com.rcm.j3490.reconcile.RemittanceBalances remittanceBalances;
    /** Tonight's lines left off the worklists as done; bounded by the carried rows (team input). */
    private final List<Object[]> closedRows = new ArrayList<>();
    private boolean closedLinesWritten;
    private boolean committed;
    /** Continuation sheets ("All Lines (2)") and the sheet each continues, in creation order. */
    private final List<String[]> continuations = java.util.Collections.synchronizedList(new ArrayList<>());

    public static String fileName(LocalDate runDate) {
        return "j3490-worklist-" + runDate + ".xlsx";
    }

    public WorklistWorkbookWriter(Path outputDir, LocalDate runDate, CodeDescriptions codes, int deadlineWarningDays) {
        this(outputDir, runDate, codes, deadlineWarningDays, EXCEL_MAX_DATA_ROWS);
    }

    WorklistWorkbookWriter(Path outputDir, LocalDate runDate, CodeDescriptions codes, int deadlineWarningDays,
            int maxDataRows) {
        this.finalPath = outputDir.resolve(fileName(runDate));
        this.codes = codes;
        this.maxDataRows = maxDataRows;
        this.deadlineWarningDays = deadlineWarningDays;
        this.workbook = new SheetCompressingWorkbook(200);
        // An XSSF sheet (not streamed) so it can host XDDF charts; first, so it is the first tab.
        this.summarySheet = workbook.getXSSFWorkbook().createSheet(SUMMARY);
        this.styles = new Styles(workbook);
    }

    public Path finalPath() {
        return finalPath;
    }

    /** The team's input read from an earlier workbook; call before {@link #tonight}. */
    public void carryOver(CarryOver carry) {
        this.carryOver = carry == null ? CarryOver.none() : carry;
    }

    /** The 835s' balancing, claim CAS and PLB for the Summary (contract 5.2); call before {@link #commit}. */
    public void remittanceBalances(com.rcm.j3490.reconcile.RemittanceBalances balances) {
        this.remittanceBalances = balances;
    }

    /** The Summary's content; written when the workbook is committed. */
    public void summary(RunSummary s) {
        this.summary = s;
    }

    // ---- line sheets -----------------------------------------------------------------------

    /** Receives lines for one sheet (continued on "Name (2)", ... past Excel's row limit). */
    public interface LineSink extends Consumer<ReconciledLine>, AutoCloseable {
        @Override
        void close();
    }

    /** A line of tonight's remittance: the carry-over keeps worked lines tonight does not have. */
    public void tonight(ReconciledLine line) {
        carryOver.seenTonight(line);
    }

    public LineSink allLines() {
        LineSheet sheet = new LineSheet(ALL_LINES, LineColumns.allLines(), 0, false, false);
        return new LineSink() {
            @Override
            public void accept(ReconciledLine line) {
                sheet.write(sheet.valuesOf(line));
            }

            @Override
            public void close() {
                sheet.finish();
            }
        };
    }

    /**
     * A worklist, fed in worklist order: each line gets its carried team input; a line marked done
     * goes to {@link #CLOSED_LINES} instead; worked lines that tonight's remittance does not have
     * are merged in at their place in the order.
     */
    public LineSink worklist(Status status) {
        List<Column> columns = LineColumns.worklist(codes);
        LineSheet sheet = new LineSheet(status.label(), columns, 2, true, true);
        int[] work = LineColumns.WORK_COLUMNS.stream().mapToInt(LineColumns::worklistIndex).toArray();
        int atStake = LineColumns.worklistIndex(LineColumns.AMOUNT_AT_STAKE);
        int deadline = LineColumns.worklistIndex(LineColumns.APPEAL_DEADLINE);
        Iterator<Object[]> forward = carryOver.carriedForward(status).iterator();
        return new LineSink() {
            private Object[] nextForward = forward.hasNext() ? forward.next() : null;

            @Override
            public void accept(ReconciledLine line) {
                Object[] values = sheet.valuesOf(line);
                CarryOver.Decision decision = carryOver.decide(line);
                if (decision.work() != null) {
                    for (int i = 0; i < work.length; i++) {
                        values[work[i]] = decision.work()[i];
                    }
                }
                if (decision.leaveOff()) {
                    closedRows.add(values);
                    return;
                }
                while (nextForward != null && before(nextForward, values)) {
                    sheet.write(nextForward);
                    nextForward = forward.hasNext() ? forward.next() : null;
                }
                sheet.write(values);
            }

            /** Worklist order: amount at stake, largest first, then appeal deadline, earliest first. */
            private boolean before(Object[] a, Object[] b) {
                int byAmount = CarryOver.money(a[atStake]).compareTo(CarryOver.money(b[atStake]));
                if (byAmount != 0) {
                    return byAmount > 0;
                }
                LocalDate da = a[deadline] instanceof LocalDate d ? d : LocalDate.MAX;
                LocalDate db = b[deadline] instanceof LocalDate d ? d : LocalDate.MAX;
                return da.isBefore(db);
            }

            @Override
            public void close() {
                while (nextForward != null) {
                    sheet.write(nextForward);
                    nextForward = forward.hasNext() ? forward.next() : null;
                }
                sheet.finish();
            }
        };
    }

    /**
     * Lines tonight that the team had marked Closed, Paid or Written off (and for which the payer
     * sent nothing new): kept here so the mark carries on; a biller reopens one by changing its
     * Work Status. Call after the worklists.
     */
    public void closedLines() {
        if (closedLinesWritten) {
            return;
        }
        closedLinesWritten = true;
        LineSheet sheet = new LineSheet(CLOSED_LINES, LineColumns.worklist(codes), 2, true, false);
        closedRows.forEach(sheet::write);
        sheet.finish();
    }

    private final class LineSheet {
        private final String baseName;
        private final List<Column> columns;
        private final int frozenColumns;
        private final boolean workColumns;
        private final boolean deadlines;
        private int part;
        private SXSSFSheet sheet;
        private int rows;

        /**
         * @param workColumns the sheet has the team's columns (Work Status drop-down)
         * @param deadlines appeal deadlines are highlighted
         */
        LineSheet(String baseName, List<Column> columns, int frozenColumns, boolean workColumns, boolean deadlines) {
            this.baseName = baseName;
            this.columns = columns;
            this.frozenColumns = frozenColumns;
            this.workColumns = workColumns;
            this.deadlines = deadlines;
            newSheet();
        }

        private void newSheet() {
            synchronized (workbook) {
                createSheet();
            }
        }

        private void createSheet() {
            if (sheet != null) {
                finish();
            }
            part++;
            String name = part == 1 ? baseName : baseName + " (" + part + ")";
            if (part > 1) {
                continuations.add(new String[] {name, sheet.getSheetName()});
            }
            sheet = workbook.createSheet(name);
            rows = 0;
            Row header = sheet.createRow(0);
            header.setHeightInPoints(2 * LINE_HEIGHT);
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                text(header, i, c.header(), styles.header);
                sheet.setColumnWidth(i, c.width() * 256);
            }
            sheet.createFreezePane(frozenColumns, 1);
            // printed: landscape, the header row and the frozen columns on every page
            sheet.getPrintSetup().setLandscape(true);
            sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
            if (frozenColumns > 0) {
                sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, frozenColumns - 1));
            }
        }

        Object[] valuesOf(ReconciledLine line) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = columns.get(i).value().apply(line);
            }
            return values;
        }

        void write(Object[] values) {
            if (rows == maxDataRows) {
                newSheet();
            }
            Row row = sheet.createRow(++rows);
            int lines = 1;
            for (int i = 0; i < columns.size(); i++) {
                Object v = values[i];
                if (v == null) {
                    continue;
                }
                Kind kind = columns.get(i).kind();
                if (kind == Kind.WRAPPED_TEXT) {
                    lines = Math.max(lines, linesOf(v.toString(), columns.get(i).width()));
                }
                if (v instanceof BigDecimal n) {
                    if (kind == Kind.MONEY) {
                        money(row, i, n);
                    } else {
                        Cell cell = row.createCell(i);
                        cell.setCellValue(n.doubleValue());
                        cell.setCellStyle(styles.top);
                    }
                } else if (v instanceof LocalDate d) {
                    dateCell(row, i, d);
                } else {
                    // input text (and anything a biller typed) is always a text cell, never a formula
                    text(row, i, v.toString(), kind == Kind.WRAPPED_TEXT ? styles.wrapped : styles.top);
                }
            }
            if (lines > 1) {
                // spreadsheet programs do not all fit rows to wrapped text when they open a file
                row.setHeightInPoints(lines * LINE_HEIGHT);
            }
        }

        void finish() {
            synchronized (workbook) {
                complete();
            }
        }

        /** Autofilter, print titles, validations and formats: workbook-level names and styles. */
        private void complete() {
            int lastRow = Math.max(rows, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, columns.size() - 1));
            if (workColumns) {
                workStatusList();
            }
            if (deadlines) {
                deadlineHighlight(lastRow);
            }
            // the sheet takes no more rows: its last window goes to disk now, instead of waiting
            // (and aging into the old generation) until the workbook is saved
            try {
                sheet.flushRows(1); // one row stays: SXSSF derives the sheet's dimension (A1:AM123) from it
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write sheet " + sheet.getSheetName(), e);
            }
        }

        /** Work Status drop-down. */
        private void workStatusList() {
            int statusColumn = indexOf(columns, LineColumns.WORK_STATUS);
            DataValidationHelper helper = sheet.getDataValidationHelper();
            DataValidation validation = helper.createValidation(
                    helper.createExplicitListConstraint(WORK_STATUSES.toArray(String[]::new)),
                    new CellRangeAddressList(1, Math.max(rows, MIN_VALIDATED_ROWS), statusColumn, statusColumn));
            validation.setShowErrorBox(true);
            validation.createErrorBox("Work Status", "Choose a status from the list.");
            sheet.addValidationData(validation);
        }

        /** Amber within the warning window, rose (and bold) past due; relative to TODAY() when opened. */
        private void deadlineHighlight(int lastRow) {
            int deadline = indexOf(columns, LineColumns.APPEAL_DEADLINE);
            String cell = "$" + CellReference.convertNumToColString(deadline) + "2";
            SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
            ConditionalFormattingRule pastDue = cf.createConditionalFormattingRule(
                    "AND(" + cell + "<>\"\"," + cell + "<TODAY())");
            fill(pastDue, IndexedColors.ROSE, true);
            ConditionalFormattingRule soon = cf.createConditionalFormattingRule(
                    "AND(" + cell + "<>\"\"," + cell + "<=TODAY()+" + deadlineWarningDays + ")");
            fill(soon, IndexedColors.LIGHT_YELLOW, false);
            CellRangeAddress[] range = {new CellRangeAddress(1, lastRow, 0, columns.size() - 1)};
            cf.addConditionalFormatting(range, new ConditionalFormattingRule[] {pastDue, soon});
        }
    }

    /** Lines a wrapped text takes in a column of {@code width} characters, at most {@link #MAX_ROW_LINES}. */
    static int linesOf(String text, int width) {
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines += Math.max(1, (int) Math.ceil(paragraph.length() / (Math.max(1, width) * 1.05)));
        }
        return Math.min(MAX_ROW_LINES, lines);
    }

    private static void fill(ConditionalFormattingRule rule, IndexedColors color, boolean bold) {
        PatternFormatting pattern = rule.createPatternFormatting();
        pattern.setFillBackgroundColor(color.getIndex());
        pattern.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        if (bold) {
            rule.createFontFormatting().setFontStyle(false, true);
        }
    }

    private static int indexOf(List<Column> columns, String header) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).header().equals(header)) {
                return i;
            }
        }
        throw new IllegalArgumentException(header);
    }

    // ---- Rejected Rows ---------------------------------------------------------------------------

    public void rejectedRows(Consumer<Consumer<RowRejection>> source) {
        List<String> headers = List.of("File", "Line", "Reason", "Raw Row");
        int[] widths = {30, 8, 60, 100};
        SXSSFSheet[] sheet = {null};
        int[] rows = {0};
        int[] part = {0};
        Runnable newSheet = () -> {
            part[0]++;
            sheet[0] = workbook.createSheet(part[0] == 1 ? REJECTED_ROWS : REJECTED_ROWS + " (" + part[0] + ")");
            Row header = sheet[0].createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                text(header, i, headers.get(i), styles.header);
                sheet[0].setColumnWidth(i, widths[i] * 256);
            }
            sheet[0].createFreezePane(0, 1);
            rows[0] = 0;
        };
        newSheet.run();
        source.accept(rejection -> {
            if (rows[0] == maxDataRows) {
                newSheet.run();
            }
            Row row = sheet[0].createRow(++rows[0]);
            text(row, 0, rejection.file(), null);
            number(row, 1, rejection.line(), null);
            text(row, 2, rejection.reason(), null);
            text(row, 3, rejection.rawRow(), null);
        });
        sheet[0].setAutoFilter(new CellRangeAddress(0, Math.max(rows[0], 1), 0, headers.size() - 1));
    }

    // ---- finishing ---------------------------------------------------------------------------

    /**
     * Writes the Summary, then publishes the workbook ({@link WorkbookPublisher}: a temporary file
     * unique to this process, published under the final name and verified). A workbook already
     * under the final name (the same date reconciled again on purpose, or a restart after the
     * rename) is kept as {@code j3490-worklist-<date>.replaced-<time>.xlsx}, never overwritten:
     * billers may have worked in it.
     */
    public Path commit() {
        closedLines();
        // a sheet continued while other sheets were being written goes back next to the one it continues
        for (String[] c : continuations) {
            workbook.setSheetOrder(c[0], workbook.getSheetIndex(c[1]) + 1);
        }
        if (summary != null) {
            new SummaryWriter(workbook, summarySheet, styles, carryOver).write(summary);
            RemittanceBalanceSection.write(summarySheet, styles, summarySheet.getLastRowNum() + 2, remittanceBalances);
        }
        Path published = WorkbookPublisher.publish(finalPath, workbook::write);
        committed = true;
        return published;
    }

    @Override
    @SuppressWarnings("deprecation")
    public void close() {
        if (!committed) {
            // an abandoned workbook: drop its streamed rows (close alone would try to flush them)
            workbook.dispose();
        }
        try {
            workbook.close();
        } catch (IOException ignored) {
            // temp files of a closed workbook; nothing to keep
        }
    }

    // ---- cells ---------------------------------------------------------------------------------

    /** Input text is always written as a text cell, never as a formula. */
    static void text(Row row, int column, String value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private void money(Row row, int column, BigDecimal value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(styles.money);
    }

    private void dateCell(Row row, int column, LocalDate value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(styles.date);
    }

    static void number(Row row, int column, long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** A link to cell A1 of another sheet of this workbook. */
    static Hyperlink sheetLink(SXSSFWorkbook wb, String sheetName) {
        Hyperlink link = wb.getXSSFWorkbook().getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
        link.setAddress("'" + sheetName.replace("'", "''") + "'!A1");
        return link;
    }

    /** The workbook's shared cell styles. */
    static final class Styles {
        static final String MONEY_FORMAT = "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)";
        static final String DATE_FORMAT = "yyyy-mm-dd";
        final CellStyle header;
        final CellStyle headerRight;
        final CellStyle top;
        final CellStyle money;
        final CellStyle moneyBold;
        final CellStyle date;
        final CellStyle wrapped;
        final CellStyle bold;
        final CellStyle title;
        final CellStyle section;
        final CellStyle link;
        final CellStyle note;
        final CellStyle warning;

        private static Font font(SXSSFWorkbook wb) {
            XSSFFont font = (XSSFFont) wb.createFont();
            font.setFontName("Calibri");
            font.setFamily(FontFamily.SWISS);
            font.setFontHeightInPoints((short) 11);
            return font;
        }

        Styles(SXSSFWorkbook wb) {
            Font boldFont = font(wb);
            boldFont.setBold(true);
            header = wb.createCellStyle();
            header.setFont(boldFont);
            header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            headerRight = wb.createCellStyle();
            headerRight.cloneStyleFrom(header);
            headerRight.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
            top = wb.createCellStyle();
            top.setVerticalAlignment(VerticalAlignment.TOP);
            money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat(MONEY_FORMAT));
            money.setVerticalAlignment(VerticalAlignment.TOP);
            moneyBold = wb.createCellStyle();
            moneyBold.cloneStyleFrom(money);
            moneyBold.setFont(boldFont);
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat(DATE_FORMAT));
            date.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT);
            date.setVerticalAlignment(VerticalAlignment.TOP);
            wrapped = wb.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            bold = wb.createCellStyle();
            bold.setFont(boldFont);
            bold.setVerticalAlignment(VerticalAlignment.TOP);
            Font titleFont = font(wb);
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 16);
            title = wb.createCellStyle();
            title.setFont(titleFont);
            Font sectionFont = font(wb);
            sectionFont.setBold(true);
            sectionFont.setFontHeightInPoints((short) 12);
            sectionFont.setColor(IndexedColors.DARK_BLUE.getIndex());
            section = wb.createCellStyle();
            section.setFont(sectionFont);
            Font linkFont = font(wb);
            linkFont.setUnderline(Font.U_SINGLE);
            linkFont.setColor(IndexedColors.BLUE.getIndex());
            link = wb.createCellStyle();
            link.setFont(linkFont);
            note = wb.createCellStyle();
            note.setWrapText(true);
            note.setVerticalAlignment(VerticalAlignment.TOP);
            Font warningFont = font(wb);
            warningFont.setColor(IndexedColors.DARK_RED.getIndex());
            warning = wb.createCellStyle();
            warning.cloneStyleFrom(note);
            warning.setFont(warningFont);
        }
    }
}
