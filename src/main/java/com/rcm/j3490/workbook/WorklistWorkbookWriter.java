package com.rcm.j3490.workbook;

import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.rules.CodeDescriptions;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import com.rcm.j3490.workbook.Column.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Streams the run's workbook with POI SXSSF (a window of rows in memory, the rest on disk) to
 * a temporary file, and renames it to its final name only when every sheet is complete.
 * Knows sheets, columns and styles; nothing of how lines are priced.
 */
public final class WorklistWorkbookWriter implements AutoCloseable {
    /** Data rows per sheet: Excel's 1,048,576 rows less the header. */
    static final int EXCEL_MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;
    public static final String SUMMARY = "Summary";
    public static final String ALL_LINES = "All Lines";
    public static final String REJECTED_ROWS = "Rejected Rows";
    public static final List<String> WORK_STATUSES =
            List.of("New", "In progress", "Resubmitted", "Appealed", "Paid", "Written off", "Closed");
    /** Worklist sheets in the order the contract lists the groups. */
    public static final List<Status> WORKLISTS = List.of(Status.UNDERPAID, Status.DENIED_CO16, Status.DENIED_CO50,
            Status.DENIED_CO151, Status.DENIED_OTHER, Status.NO_EXPECTED, Status.OVERPAID, Status.PATIENT_RESP,
            Status.REVERSED);

    private final Path finalPath;
    private final Path tempPath;
    private final SXSSFWorkbook workbook;
    private final Styles styles;
    private final CodeDescriptions codes;
    private final int maxDataRows;
    private final int deadlineWarningDays;
    private boolean committed;

    public static String fileName(LocalDate runDate) {
        return "j3490-worklist-" + runDate + ".xlsx";
    }

    public WorklistWorkbookWriter(Path outputDir, LocalDate runDate, CodeDescriptions codes, int deadlineWarningDays) {
        this(outputDir, runDate, codes, deadlineWarningDays, EXCEL_MAX_DATA_ROWS);
    }

    WorklistWorkbookWriter(Path outputDir, LocalDate runDate, CodeDescriptions codes, int deadlineWarningDays,
            int maxDataRows) {
        this.finalPath = outputDir.resolve(fileName(runDate));
        this.tempPath = outputDir.resolve(fileName(runDate) + ".tmp");
        this.codes = codes;
        this.maxDataRows = maxDataRows;
        this.deadlineWarningDays = deadlineWarningDays;
        this.workbook = new SXSSFWorkbook(null, 200, false, false);
        this.styles = new Styles(workbook);
    }

    public Path finalPath() {
        return finalPath;
    }

    // ---- Summary -----------------------------------------------------------------------

    public void summary(RunSummary s) {
        SXSSFSheet sheet = workbook.createSheet(SUMMARY);
        int[] widths = {30, 34, 12, 12, 14, 14, 14, 14, 14, 40};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        int r = 0;
        Row title = sheet.createRow(r++);
        text(title, 0, "J3490 reconciliation worklist", styles.title);
        Row date = sheet.createRow(r++);
        text(date, 0, "Run date", styles.bold);
        dateCell(date, 1, s.runDate());
        Row generated = sheet.createRow(r++);
        text(generated, 0, "Generated", styles.bold);
        text(generated, 1, s.generatedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), null);
        r++;

        r = header(sheet, r, "Totals", List.of("", "", "Lines", "Billed", "Paid", "Reimbursed", "Expected", "Variance",
                "At Stake"));
        r = groupRow(sheet, r, "Reconciled target lines", s.total());
        r = countRow(sheet, r, "Lines of other procedure codes (counted only)", s.otherCodeLines());
        r = countRow(sheet, r, "Duplicate lines (delivered twice; not reconciled again)", s.duplicates());
        r = countRow(sheet, r, "Rejected rows (see " + REJECTED_ROWS + ")", s.rejectedRows());
        r++;

        r = header(sheet, r, "By status", List.of("Status", "Worklist", "Lines", "Billed", "Paid", "Reimbursed",
                "Expected", "Variance", "At Stake"));
        for (RunSummary.Group g : s.byStatus()) {
            Row row = groupRowStart(sheet, r++, g);
            Status status = Status.valueOf(g.key());
            if (status.actionable()) {
                Cell link = row.createCell(1);
                link.setCellValue(status.label());
                var hyperlink = workbook.getCreationHelper().createHyperlink(org.apache.poi.common.usermodel.HyperlinkType.DOCUMENT);
                hyperlink.setAddress("'" + status.label() + "'!A1");
                link.setHyperlink(hyperlink);
                link.setCellStyle(styles.link);
            }
        }
        r++;

        r = header(sheet, r, "By payer", List.of("Payer ID", "Payer Name", "Lines", "Billed", "Paid", "Reimbursed",
                "Expected", "Variance", "At Stake"));
        for (RunSummary.Group g : s.byPayer()) {
            Row row = groupRowStart(sheet, r++, g);
            text(row, 1, g.label(), null);
        }
        r++;

        r = header(sheet, r, "Input files", List.of("Kind", "File", "Rows", "Target Lines", "Rejected", "", "", "", "",
                "Note"));
        for (RunSummary.InputFile f : s.inputFiles()) {
            Row row = sheet.createRow(r++);
            text(row, 0, f.kind(), null);
            text(row, 1, f.name(), null);
            number(row, 2, f.rows(), null);
            if (f.targetLines() != null) {
                number(row, 3, f.targetLines(), null);
            }
            number(row, 4, f.rejected(), null);
            text(row, 9, f.skippedReason() == null ? null : "skipped: " + f.skippedReason(), null);
        }
    }

    private int header(SXSSFSheet sheet, int r, String title, List<String> headers) {
        text(sheet.createRow(r++), 0, title, styles.section);
        Row row = sheet.createRow(r++);
        for (int i = 0; i < headers.size(); i++) {
            text(row, i, headers.get(i), styles.header);
        }
        return r;
    }

    private int groupRow(SXSSFSheet sheet, int r, String label, RunSummary.Group g) {
        Row row = groupRowStart(sheet, r, g);
        text(row, 0, label, null);
        return r + 1;
    }

    private Row groupRowStart(SXSSFSheet sheet, int r, RunSummary.Group g) {
        Row row = sheet.createRow(r);
        text(row, 0, g.key(), null);
        number(row, 2, g.lines(), null);
        money(row, 3, g.billed());
        money(row, 4, g.paid());
        money(row, 5, g.reimbursed());
        money(row, 6, g.expected());
        money(row, 7, g.variance());
        money(row, 8, g.atStake());
        return row;
    }

    private int countRow(SXSSFSheet sheet, int r, String label, long count) {
        Row row = sheet.createRow(r);
        text(row, 0, label, null);
        number(row, 2, count, null);
        return r + 1;
    }

    // ---- line sheets -----------------------------------------------------------------------

    /** Receives lines for one sheet (continued on "Name (2)", ... past Excel's row limit). */
    public interface LineSink extends Consumer<ReconciledLine>, AutoCloseable {
        @Override
        void close();
    }

    public LineSink allLines() {
        return new LineSheet(ALL_LINES, LineColumns.allLines(), 0, false);
    }

    public LineSink worklist(Status status) {
        return new LineSheet(status.label(), LineColumns.worklist(codes), 2, true);
    }

    private final class LineSheet implements LineSink {
        private final String baseName;
        private final List<Column> columns;
        private final int frozenColumns;
        private final boolean worklist;
        private int part;
        private SXSSFSheet sheet;
        private int rows;

        LineSheet(String baseName, List<Column> columns, int frozenColumns, boolean worklist) {
            this.baseName = baseName;
            this.columns = columns;
            this.frozenColumns = frozenColumns;
            this.worklist = worklist;
            newSheet();
        }

        private void newSheet() {
            if (sheet != null) {
                finishSheet();
            }
            part++;
            sheet = workbook.createSheet(part == 1 ? baseName : baseName + " (" + part + ")");
            rows = 0;
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                text(header, i, c.header(), styles.header);
                sheet.setColumnWidth(i, c.width() * 256);
            }
            sheet.createFreezePane(frozenColumns, 1);
        }

        @Override
        public void accept(ReconciledLine line) {
            if (rows == maxDataRows) {
                newSheet();
            }
            Row row = sheet.createRow(++rows);
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                Object v = c.value().apply(line);
                if (v == null) {
                    continue;
                }
                switch (c.kind()) {
                    case MONEY -> money(row, i, (BigDecimal) v);
                    case DATE -> dateCell(row, i, (LocalDate) v);
                    case NUMBER -> row.createCell(i).setCellValue(((BigDecimal) v).doubleValue());
                    case WRAPPED_TEXT -> text(row, i, (String) v, styles.wrapped);
                    case TEXT -> text(row, i, (String) v, null);
                }
            }
        }

        private void finishSheet() {
            int lastRow = Math.max(rows, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, columns.size() - 1));
            if (worklist) {
                decorateWorklist(sheet, columns, lastRow);
            }
        }

        @Override
        public void close() {
            finishSheet();
        }
    }

    /** Work Status drop-down, and deadline highlighting: amber within the warning window, red past due. */
    private void decorateWorklist(SXSSFSheet sheet, List<Column> columns, int lastRow) {
        int statusColumn = indexOf(columns, LineColumns.WORK_STATUS);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(WORK_STATUSES.toArray(String[]::new)),
                new CellRangeAddressList(1, Math.max(lastRow, 1000), statusColumn, statusColumn));
        validation.setShowErrorBox(true);
        validation.createErrorBox("Work Status", "Choose a status from the list.");
        sheet.addValidationData(validation);

        int deadline = indexOf(columns, LineColumns.APPEAL_DEADLINE);
        String cell = "$" + org.apache.poi.ss.util.CellReference.convertNumToColString(deadline) + "2";
        SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule pastDue = cf.createConditionalFormattingRule(
                "AND(" + cell + "<>\"\"," + cell + "<TODAY())");
        fill(pastDue, IndexedColors.ROSE, true);
        ConditionalFormattingRule soon = cf.createConditionalFormattingRule(
                "AND(" + cell + "<>\"\"," + cell + "<=TODAY()+" + deadlineWarningDays + ")");
        fill(soon, IndexedColors.LIGHT_YELLOW, false);
        CellRangeAddress[] range = {new CellRangeAddress(1, Math.max(lastRow, 1), 0, columns.size() - 1)};
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

    /** Writes the temporary file and renames it to the final name. */
    public Path commit() {
        try {
            Files.createDirectories(finalPath.getParent());
            try (OutputStream out = Files.newOutputStream(tempPath)) {
                workbook.write(out);
            }
            try {
                Files.move(tempPath, finalPath, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tempPath, finalPath, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
            return finalPath;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write workbook " + finalPath + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException ignored) {
            // temp files of a closed workbook; nothing to keep
        }
        if (!committed) {
            try {
                Files.deleteIfExists(tempPath);
            } catch (IOException ignored) {
                // a stale .tmp is never read and is replaced by the next run
            }
        }
    }

    // ---- cells ---------------------------------------------------------------------------------

    /** Input text is always written as a text cell, never as a formula. */
    private static void text(Row row, int column, String value, CellStyle style) {
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

    private static void number(Row row, int column, long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle money;
        final CellStyle date;
        final CellStyle wrapped;
        final CellStyle bold;
        final CellStyle title;
        final CellStyle section;
        final CellStyle link;

        Styles(SXSSFWorkbook wb) {
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            header = wb.createCellStyle();
            header.setFont(boldFont);
            header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("\"$\"#,##0.00_);[Red](\"$\"#,##0.00)"));
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            wrapped = wb.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            bold = wb.createCellStyle();
            bold.setFont(boldFont);
            Font titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(titleFont);
            Font sectionFont = wb.createFont();
            sectionFont.setBold(true);
            sectionFont.setFontHeightInPoints((short) 12);
            section = wb.createCellStyle();
            section.setFont(sectionFont);
            Font linkFont = wb.createFont();
            linkFont.setUnderline(Font.U_SINGLE);
            linkFont.setColor(IndexedColors.BLUE.getIndex());
            link = wb.createCellStyle();
            link.setFont(linkFont);
        }
    }
}
