package com.rcm.j3490.workbook;

import com.rcm.j3490.workbook.Column.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import com.rcm.j3490.workbook.poi.DirectRows;
import com.rcm.j3490.workbook.poi.SheetCompressingWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * One streamed sheet of rows (continued on "Name (2)", ... past Excel's row limit): the header
 * row, column widths, frozen panes, autofilter, printing (6.4: landscape, one page wide, the
 * header row on every page, a footer naming the sheet, the page, the run date and that it holds
 * PHI), and for worklists the Work Status list, the Follow-up Date validation and the deadline
 * highlight. Rows are written as values aligned to the headers.
 */
final class LineSheet {
    /** Points per line of 11-point text. */
    static final float LINE_HEIGHT = 15f;
    /** A row grows for wrapped text up to this many lines; the rest shows when the cell is opened. */
    static final int MAX_ROW_LINES = 4;
    /** Rows that get the team's validations even when the sheet is shorter (rows a biller adds). */
    private static final int MIN_VALIDATED_ROWS = 1000;

    /** What a sheet is: its name, headers, and which of its columns have a role. -1: none. */
    record Shape(String baseName, List<String> headers, List<Kind> kinds, int[] widths, int frozenColumns,
            int printedColumns, int workStatusColumn, int followUpColumn, int deadlineColumn, List<String> workStatuses) {
        static Shape of(String baseName, List<? extends Column<?>> columns, List<String> extraHeaders, int frozen,
                int printed) {
            List<String> headers = new java.util.ArrayList<>(columns.stream().map(Column::header).toList());
            List<Kind> kinds = new java.util.ArrayList<>(columns.stream().map(Column::kind).toList());
            int[] widths = new int[columns.size() + extraHeaders.size()];
            for (int i = 0; i < columns.size(); i++) {
                widths[i] = columns.get(i).width();
            }
            for (int i = 0; i < extraHeaders.size(); i++) {
                headers.add(extraHeaders.get(i));
                kinds.add(Kind.TEXT);
                widths[columns.size() + i] = Math.max(10, Math.min(30, extraHeaders.get(i).length() + 2));
            }
            return new Shape(baseName, List.copyOf(headers), List.copyOf(kinds), widths, frozen, printed, -1, -1, -1,
                    List.of());
        }

        /**
         * Whether column {@code i} wraps its text: only wrapped-text columns inside the print area.
         * A wrapped column outside it would make its rows tall on paper, where it is not even shown
         * (and LibreOffice fits a row to every wrapped cell when it opens the file); there the text
         * stays on one line and shows whole when the cell is opened.
         */
        boolean wraps(int i) {
            return kinds.get(i) == Kind.WRAPPED_TEXT && (printedColumns <= 0 || i < printedColumns);
        }

        Shape withTeamColumns(List<String> statuses) {
            return new Shape(baseName, headers, kinds, widths, frozenColumns, printedColumns,
                    headers.indexOf(LineColumns.WORK_STATUS), headers.indexOf(LineColumns.FOLLOW_UP_DATE),
                    headers.indexOf(LineColumns.APPEAL_DEADLINE), statuses);
        }
    }

    private final WorkbookContext context;
    private final Shape shape;
    private int part;
    private SXSSFSheet sheet;
    private int rows;
    /** The sheet's rows straight into its XML; null when the workbook cannot take them (plain SXSSF). */
    private DirectTarget direct;
    /** The last row written to this part, held back one row (see write). */
    private Object[] pending;

    LineSheet(WorkbookContext context, Shape shape) {
        this.context = context;
        this.shape = shape;
        synchronized (context.workbook()) {
            createSheet();
        }
    }

    private void createSheet() {
        if (sheet != null) {
            complete();
        }
        part++;
        String name = part == 1 ? shape.baseName() : shape.baseName() + " (" + part + ")";
        if (part > 1) {
            context.continuations().add(new String[] {name, sheet.getSheetName()});
        }
        sheet = context.workbook().createSheet(name);
        rows = 0;
        Row header = sheet.createRow(0);
        header.setHeightInPoints(2 * LINE_HEIGHT);
        for (int i = 0; i < shape.headers().size(); i++) {
            Cells.text(header, i, shape.headers().get(i), context.styles().header);
            sheet.setColumnWidth(i, shape.widths()[i] * 256);
        }
        sheet.createFreezePane(shape.frozenColumns(), 1);
        context.printSetup(sheet);
        if (context.workbook() instanceof SheetCompressingWorkbook streamed) {
            direct = new DirectTarget(streamed.directRows(sheet), context.workbook().getXSSFWorkbook().isDate1904());
        } else {
            direct = null;
        }
    }

    /**
     * One row of values. Rows go straight into the sheet's XML ({@link DirectRows}) when the
     * workbook allows it, one row behind: the sheet's last row goes through SXSSF's row objects,
     * from which SXSSF takes the sheet's dimension (A1:AM123).
     */
    void write(Object[] values) {
        if (rows == context.maxDataRows()) {
            synchronized (context.workbook()) {
                createSheet();
            }
        }
        rows++;
        if (pending != null) {
            if (direct != null) {
                writeDirect(rows - 1, pending);
            } else {
                writeRow(rows - 1, pending);
            }
        }
        pending = values;
    }

    private void writeRow(int rownum, Object[] values) {
        Row row = sheet.createRow(rownum);
        cells(values, new CellTarget() {
            @Override
            public void text(int column, String value, CellStyle style) {
                Cells.text(row, column, value, style);
            }

            @Override
            public void number(int column, double value, CellStyle style) {
                Cells.number(row, column, value, style);
            }

            @Override
            public void date(int column, LocalDate value, CellStyle style) {
                Cells.date(row, column, value, style);
            }
        });
        int lines = lines(values);
        if (lines > 1) {
            // spreadsheet programs do not all fit rows to wrapped text when they open a file
            row.setHeightInPoints(lines * LINE_HEIGHT);
        }
    }

    private void writeDirect(int rownum, Object[] values) {
        int lines = lines(values);
        try {
            if (rownum == 1) {
                // the header row goes first; a sheet of fewer than two rows keeps it in SXSSF's
                // window, as before, so its dimension still comes from a row SXSSF holds
                sheet.flushRows();
            }
            direct.begin(rownum, lines > 1 ? lines * LINE_HEIGHT : 0);
            cells(values, direct);
            direct.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sheet " + sheet.getSheetName(), e);
        }
    }

    /** Where a row's cells go: SXSSF's row objects, or the sheet's XML directly. */
    private interface CellTarget {
        void text(int column, String value, CellStyle style);

        void number(int column, double value, CellStyle style);

        void date(int column, LocalDate value, CellStyle style);
    }

    /** The cells of a row, in column order: money and dates typed, input text always a text cell (never a formula). */
    private void cells(Object[] values, CellTarget target) {
        WorkbookStyles styles = context.styles();
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            if (v instanceof BigDecimal n) {
                target.number(i, n.doubleValue(), shape.kinds().get(i) == Kind.MONEY ? styles.money : styles.top);
            } else if (v instanceof Long n) {
                target.number(i, n, styles.top);
            } else if (v instanceof LocalDate d) {
                target.date(i, d, styles.date);
            } else {
                target.text(i, v.toString(), shape.wraps(i) ? styles.wrapped : styles.top);
            }
        }
    }

    /** Cells straight into the sheet's XML; a date is the serial number SXSSF would store for it. */
    private record DirectTarget(DirectRows rows, boolean date1904) implements CellTarget {
        void begin(int rownum, float height) {
            rows.begin(rownum, height);
        }

        void end() throws IOException {
            rows.end();
        }

        @Override
        public void text(int column, String value, CellStyle style) {
            rows.text(column, value, style);
        }

        @Override
        public void number(int column, double value, CellStyle style) {
            rows.number(column, value, style);
        }

        @Override
        public void date(int column, LocalDate value, CellStyle style) {
            rows.number(column, DateUtil.getExcelDate(value.atStartOfDay(), date1904), style);
        }
    }

    /** Lines the row's wrapped texts take. */
    private int lines(Object[] values) {
        int lines = 1;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && shape.wraps(i)) {
                lines = Math.max(lines, linesOf(values[i].toString(), shape.widths()[i]));
            }
        }
        return lines;
    }

    void finish() {
        synchronized (context.workbook()) {
            complete();
        }
    }

    /** Autofilter, print area, validations and formats: workbook-level names and styles. */
    private void complete() {
        if (pending != null) {
            writeRow(rows, pending); // the last row: through the sheet (see write)
            pending = null;
        }
        int lastRow = Math.max(rows, 1);
        int lastColumn = shape.headers().size() - 1;
        sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, lastColumn));
        int printed = shape.printedColumns() > 0 ? shape.printedColumns() : shape.headers().size();
        context.workbook().setPrintArea(context.workbook().getSheetIndex(sheet), 0, printed - 1, 0, lastRow);
        if (shape.workStatusColumn() >= 0) {
            workStatusList();
        }
        if (shape.followUpColumn() >= 0) {
            followUpDates();
        }
        if (shape.deadlineColumn() >= 0) {
            deadlineHighlight(lastRow, lastColumn);
        }
        // the sheet takes no more rows: its last window goes to disk now, instead of waiting
        // (and aging into the old generation) until the workbook is saved
        try {
            sheet.flushRows(1); // one row stays: SXSSF derives the sheet's dimension (A1:AM123) from it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sheet " + sheet.getSheetName(), e);
        }
    }

    private CellRangeAddressList teamRows(int column) {
        return new CellRangeAddressList(1, Math.max(rows, MIN_VALIDATED_ROWS), column, column);
    }

    /** Work Status drop-down (6.3). */
    private void workStatusList() {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(shape.workStatuses().toArray(String[]::new)),
                teamRows(shape.workStatusColumn()));
        validation.setShowErrorBox(true);
        validation.createErrorBox("Work Status", "Choose a status from the list.");
        sheet.addValidationData(validation);
    }

    /** Follow-up Date takes a date only (6.3). */
    private void followUpDates() {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN, "DATE(2000,1,1)",
                        "DATE(2099,12,31)", WorkbookStyles.DATE_FORMAT),
                teamRows(shape.followUpColumn()));
        validation.setShowErrorBox(true);
        validation.createErrorBox("Follow-up Date", "Enter a date, e.g. 2026-12-15.");
        sheet.addValidationData(validation);
    }

    /** Amber within the warning window, rose (and bold) past due; relative to TODAY() when opened. */
    private void deadlineHighlight(int lastRow, int lastColumn) {
        String cell = "$" + CellReference.convertNumToColString(shape.deadlineColumn()) + "2";
        SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule pastDue = cf.createConditionalFormattingRule(
                "AND(" + cell + "<>\"\"," + cell + "<TODAY())");
        fill(pastDue, IndexedColors.ROSE, true);
        ConditionalFormattingRule soon = cf.createConditionalFormattingRule(
                "AND(" + cell + "<>\"\"," + cell + "<=TODAY()+" + context.deadlineWarningDays() + ")");
        fill(soon, IndexedColors.LIGHT_YELLOW, false);
        CellRangeAddress[] range = {new CellRangeAddress(1, lastRow, 0, lastColumn)};
        cf.addConditionalFormatting(range, new ConditionalFormattingRule[] {pastDue, soon});
    }

    private static void fill(ConditionalFormattingRule rule, IndexedColors color, boolean bold) {
        PatternFormatting pattern = rule.createPatternFormatting();
        pattern.setFillBackgroundColor(color.getIndex());
        pattern.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        if (bold) {
            rule.createFontFormatting().setFontStyle(false, true);
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
}
