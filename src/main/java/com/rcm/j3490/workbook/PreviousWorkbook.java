package com.rcm.j3490.workbook;

import com.rcm.j3490.rules.Status;
import com.rcm.j3490.workbook.Column.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the worklist sheets of an earlier night's workbook (and their "(2)" continuations, and
 * "Closed Lines") with POI's event API: the package is opened read-only and each sheet's XML is
 * streamed through SAX, one row at a time, so a big workbook is never loaded as cells. The one
 * part held whole is the shared-strings table (Excel writes every text as a shared string when a
 * biller saves), which is about the size of the distinct texts of the workbook.
 *
 * <p>Columns are found by their header, so a biller may reorder or hide columns; a sheet missing
 * one of {@link #REQUIRED} headers is skipped and reported. A file that is not an xlsx, or that
 * holds no readable worklist sheet, is {@link Unreadable}.
 */
final class PreviousWorkbook {
    /** The headers a worklist sheet must keep for its rows to be carried over. */
    static final List<String> REQUIRED = List.of(LineColumns.CLAIM_ID, LineColumns.LINE, LineColumns.PAYER_ID,
            LineColumns.CHECK_NUMBER, LineColumns.CLAIM_STATUS, LineColumns.PAID, LineColumns.OWNER,
            LineColumns.WORK_STATUS, LineColumns.FOLLOW_UP_DATE, LineColumns.NOTES);
    private static final Pattern CONTINUATION = Pattern.compile("^(.*) \\((\\d+)\\)$");

    /** The earlier workbook cannot be used at all. */
    static final class Unreadable extends Exception {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One data row of a worklist sheet, its values aligned to {@link LineColumns#worklistHeaders()}. */
    record Row(String sheet, Status sheetStatus, Object[] values) {
    }

    /** What was read: the sheets used and the sheets skipped, with why. */
    record Outcome(List<String> sheetsRead, List<String> problems) {
    }

    private PreviousWorkbook() {
    }

    /**
     * Streams every data row of the recognised sheets to {@code rows}.
     *
     * @throws Unreadable when the file is not an xlsx workbook or has no readable worklist sheet
     */
    static Outcome read(Path file, Consumer<Row> rows) throws Unreadable {
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
            SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    String name = sheets.getSheetName();
                    SheetKind kind = kindOf(name);
                    if (kind == null) {
                        continue;
                    }
                    SheetHandler handler = new SheetHandler(name, kind.status(), strings, rows);
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(handler);
                    xml.parse(new InputSource(in));
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

    /** Which worklist a sheet name is ("Underpaid", "Underpaid (2)", "Closed Lines", ...), or null. */
    private record SheetKind(Status status) {
    }

    static SheetKind kindOf(String sheetName) {
        String base = sheetName;
        Matcher m = CONTINUATION.matcher(sheetName);
        if (m.matches()) {
            base = m.group(1);
        }
        if (base.equals(WorklistWorkbookWriter.CLOSED_LINES)) {
            return new SheetKind(null);
        }
        for (Status s : WorklistWorkbookWriter.WORKLISTS) {
            if (s.label().equals(base)) {
                return new SheetKind(s);
            }
        }
        return null;
    }

    /** SAX handler of one sheet: the header row fixes the columns, then each row is converted and handed on. */
    private static final class SheetHandler extends DefaultHandler {
        private final String sheetName;
        private final Status sheetStatus;
        private final SharedStrings strings;
        private final Consumer<Row> rows;
        private final List<String> headers = LineColumns.worklistHeaders();
        private final List<Kind> kinds = LineColumns.worklistKinds();
        private int[] sourceColumn;
        String problem;
        private boolean headerSeen;

        private final Map<Integer, String> rawRow = new HashMap<>();
        private final Map<Integer, String> rawType = new HashMap<>();
        private int rowNumber;
        private int nextColumn;
        private int column;
        private String type;
        private boolean inValue;
        private boolean inInlineText;
        private boolean inPhonetic;
        private final StringBuilder text = new StringBuilder();

        SheetHandler(String sheetName, Status sheetStatus, SharedStrings strings, Consumer<Row> rows) {
            this.sheetName = sheetName;
            this.sheetStatus = sheetStatus;
            this.strings = strings;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    rawRow.clear();
                    rawType.clear();
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    nextColumn = 0;
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    column = ref == null ? nextColumn : columnOf(ref);
                    nextColumn = column + 1;
                    type = attributes.getValue("t");
                    text.setLength(0);
                }
                case "v" -> {
                    inValue = true;
                    text.setLength(0);
                }
                case "is" -> {
                    inInlineText = true;
                    text.setLength(0);
                }
                case "rPh" -> inPhonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || (inInlineText && !inPhonetic)) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> {
                    inValue = false;
                    rawRow.put(column, text.toString());
                    rawType.put(column, type == null ? "n" : type);
                }
                case "rPh" -> inPhonetic = false;
                case "is" -> {
                    inInlineText = false;
                    rawRow.put(column, text.toString());
                    rawType.put(column, "inlineStr");
                }
                case "row" -> endRow();
                default -> {
                }
            }
        }

        private void endRow() {
            if (problem != null) {
                return;
            }
            if (!headerSeen) {
                headerSeen = true;
                if (rowNumber != 1) {
                    problem = "the header row is not the first row";
                    return;
                }
                header();
                return;
            }
            Object[] values = new Object[headers.size()];
            boolean any = false;
            for (int i = 0; i < headers.size(); i++) {
                int source = sourceColumn[i];
                if (source < 0 || !rawRow.containsKey(source)) {
                    continue;
                }
                values[i] = convert(rawRow.get(source), rawType.get(source), kinds.get(i));
                any |= values[i] != null;
            }
            if (any) {
                rows.accept(new Row(sheetName, sheetStatus, values));
            }
        }

        private void header() {
            Map<String, Integer> found = new HashMap<>();
            rawRow.forEach((col, raw) -> {
                String h = string(raw, rawType.get(col));
                if (h != null) {
                    found.putIfAbsent(h.trim(), col);
                }
            });
            Set<String> missing = new LinkedHashSet<>();
            for (String required : REQUIRED) {
                if (!found.containsKey(required)) {
                    missing.add(required);
                }
            }
            if (!missing.isEmpty()) {
                problem = "headers changed (missing: " + String.join(", ", missing) + ")";
                return;
            }
            sourceColumn = new int[headers.size()];
            for (int i = 0; i < headers.size(); i++) {
                sourceColumn[i] = found.getOrDefault(headers.get(i), -1);
            }
        }

        @Override
        public void endDocument() {
            if (!headerSeen && problem == null) {
                problem = "no header row";
            }
        }

        private String string(String raw, String t) {
            if ("s".equals(t)) {
                return strings.getItemAt(Integer.parseInt(raw.trim())).getString();
            }
            return raw;
        }

        private Object convert(String raw, String t, Kind kind) {
            String s = string(raw, t);
            if (s == null) {
                return null;
            }
            boolean numeric = "n".equals(t);
            switch (kind) {
                case MONEY, NUMBER -> {
                    BigDecimal n = number(s);
                    return n != null ? n : blankToNull(s);
                }
                case DATE -> {
                    if (numeric) {
                        BigDecimal n = number(s);
                        if (n != null && DateUtil.isValidExcelDate(n.doubleValue())) {
                            return DateUtil.getLocalDateTime(n.doubleValue()).toLocalDate();
                        }
                    } else if ("d".equals(t) && s.length() >= 10) {
                        try {
                            return LocalDate.parse(s.substring(0, 10));
                        } catch (RuntimeException ignored) {
                            // not an ISO date: kept as the text it is
                        }
                    }
                    return blankToNull(s);
                }
                default -> {
                    if (numeric) {
                        BigDecimal n = number(s);
                        return n == null ? blankToNull(s) : n.stripTrailingZeros().toPlainString();
                    }
                    return blankToNull(s);
                }
            }
        }

        private static BigDecimal number(String s) {
            String cleaned = s.trim().replace("$", "").replace(",", "");
            boolean negative = cleaned.startsWith("(") && cleaned.endsWith(")");
            if (negative) {
                cleaned = cleaned.substring(1, cleaned.length() - 1);
            }
            try {
                BigDecimal n = new BigDecimal(cleaned);
                return negative ? n.negate() : n;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static String blankToNull(String s) {
            return s.isBlank() ? null : s;
        }

        private static int columnOf(String ref) {
            int col = 0;
            for (int i = 0; i < ref.length(); i++) {
                char c = Character.toUpperCase(ref.charAt(i));
                if (c < 'A' || c > 'Z') {
                    break;
                }
                col = col * 26 + (c - 'A' + 1);
            }
            return col - 1;
        }
    }

    static String normalise(String workStatus) {
        return workStatus == null ? "" : workStatus.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
