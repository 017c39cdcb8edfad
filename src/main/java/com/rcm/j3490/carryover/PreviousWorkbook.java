package com.rcm.j3490.carryover;

import com.rcm.j3490.rules.Status;
import com.rcm.j3490.workbook.LineColumns;
import com.rcm.j3490.workbook.WorklistWorkbookWriter;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the worklist sheets of an earlier night's workbook (and their "(2)" continuations) with
 * POI's event API: the package is opened read-only and each sheet's XML is streamed through
 * {@link XSSFSheetXMLHandler} one row at a time (shared and inline strings, cell references),
 * so a big workbook is never loaded as cells. Numbers come back as plain decimals and date cells
 * as ISO dates, whatever format a biller gave them.
 *
 * <p>Columns are found by their header, so a biller may reorder or hide columns; a sheet missing
 * one of {@link #REQUIRED} headers is skipped and reported. A file that is not an xlsx, or that
 * holds no readable worklist sheet, is {@link Unreadable}.
 */
final class PreviousWorkbook {
    /** The headers a worklist sheet must keep for its team columns to be read back. */
    static final List<String> REQUIRED = List.of(LineColumns.CLAIM_ID, LineColumns.LINE, LineColumns.PAYER_ID,
            LineColumns.OWNER, LineColumns.WORK_STATUS, LineColumns.FOLLOW_UP_DATE, LineColumns.NOTES);
    private static final Pattern CONTINUATION = Pattern.compile("^(.*) \\((\\d+)\\)$");

    /** The earlier workbook cannot be used at all. */
    static final class Unreadable extends Exception {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A sheet's header row: the headers in sheet order. */
    record Header(String sheet, List<String> headers) {
    }

    /** One data row: header → cell text (ISO for dates, plain decimals for numbers); blank cells absent. */
    record Row(String sheet, int rowNumber, Map<String, String> values) {
        String get(String header) {
            return values.get(header);
        }
    }

    /** What was read: the sheets used and the sheets skipped, with why. */
    record Outcome(List<String> sheetsRead, List<String> problems) {
    }

    private PreviousWorkbook() {
    }

    /**
     * Streams each recognised sheet's header to {@code headers} and its data rows to {@code rows}.
     *
     * @throws Unreadable when the file is not an xlsx workbook or has no readable worklist sheet
     */
    static Outcome read(Path file, Consumer<Header> headers, Consumer<Row> rows) throws Unreadable {
        List<String> sheetsRead = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception | LinkageError e) {
            throw new Unreadable("not an xlsx workbook (" + message(e) + ")", e);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (worklistOf(name) == null) {
                        continue;
                    }
                    Rows handler = new Rows(name, headers, rows);
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, handler, new RawValues(),
                            false));
                    xml.parse(new InputSource(in));
                    if (handler.problem == null && !handler.headerSeen) {
                        handler.problem = "no header row";
                    }
                    if (handler.problem != null) {
                        problems.add("sheet '" + name + "': " + handler.problem + "; its rows were skipped");
                    } else {
                        sheetsRead.add(name);
                    }
                }
            }
        } catch (Exception | LinkageError e) {
            throw new Unreadable("cannot be read (" + message(e) + ")", e);
        } finally {
            pkg.revert();
        }
        if (sheetsRead.isEmpty()) {
            problems.add(0, "no worklist sheet with the expected headers (sheets are found by name, e.g. '"
                    + Status.UNDERPAID.label() + "')");
            throw new Unreadable(String.join("; ", problems), null);
        }
        return new Outcome(List.copyOf(sheetsRead), List.copyOf(problems));
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    /** Which worklist a sheet name is ("Underpaid", "Underpaid (2)", ...), or null. */
    static Status worklistOf(String sheetName) {
        String base = sheetName;
        Matcher m = CONTINUATION.matcher(sheetName);
        if (m.matches()) {
            base = m.group(1);
        }
        for (Status s : WorklistWorkbookWriter.WORKLISTS) {
            if (s.label().equals(base)) {
                return s;
            }
        }
        return null;
    }

    /**
     * Cell values as data, not as displayed: a date-formatted number becomes an ISO date, any other
     * number a plain decimal (no thousands separators, no currency), so a biller's formats do not matter.
     */
    private static final class RawValues extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate date = DateUtil.getLocalDateTime(value).toLocalDate();
                return date.toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** The rows of one sheet: the first row names the columns. */
    private static final class Rows implements SheetContentsHandler {
        private final String sheet;
        private final Consumer<Header> headers;
        private final Consumer<Row> rows;
        private final Map<Integer, String> columns = new HashMap<>();
        private Map<String, String> current;
        private int rowNumber;
        boolean headerSeen;
        String problem;

        Rows(String sheet, Consumer<Header> headers, Consumer<Row> rows) {
            this.sheet = sheet;
            this.headers = headers;
            this.rows = rows;
        }

        @Override
        public void startRow(int row) {
            rowNumber = row;
            current = new HashMap<>();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            if (problem != null || value == null || value.isBlank()) {
                return;
            }
            int column = new CellReference(reference).getCol();
            if (!headerSeen) {
                columns.putIfAbsent(column, value.strip());
                return;
            }
            String header = columns.get(column);
            if (header != null) {
                current.put(header, value);
            }
        }

        @Override
        public void endRow(int row) {
            if (problem != null) {
                return;
            }
            if (!headerSeen) {
                headerSeen = true;
                if (row != 0) {
                    problem = "the header row is not the first row";
                    return;
                }
                Set<String> missing = new LinkedHashSet<>(REQUIRED);
                missing.removeAll(columns.values());
                if (!missing.isEmpty()) {
                    problem = "headers changed (missing: " + String.join(", ", missing) + ")";
                    return;
                }
                headers.accept(new Header(sheet, columns.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).distinct().toList()));
                return;
            }
            if (!current.isEmpty()) {
                rows.accept(new Row(sheet, rowNumber + 1, current));
            }
        }
    }
}
