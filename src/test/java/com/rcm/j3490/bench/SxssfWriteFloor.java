package com.rcm.j3490.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Write floor of the benchmark: writes a workbook with the same sheets, rows and cells as the
 * job's — strings, money-styled numbers and date-styled dates — with POI SXSSF (window 200, no
 * shared strings table, uncompressed temp files: the job's settings) and nothing else: no
 * database, no rules, no formatting beyond two cell styles.
 *
 * <p>{@code --like job.xlsx} counts the job workbook's sheets, rows and string/number cells first
 * (not timed); {@code --rows ALL WORK} writes an "All Lines" sheet of ALL rows x 32 cells and
 * one worklist sheet of WORK rows x 29 cells instead. Prints one line:
 * {@code write-floor sheets=S rows=R cells=C bytes=B ms=T}.
 *
 * <pre>
 * java -cp "$CP" com.rcm.j3490.bench.SxssfWriteFloor --like reports/j3490-worklist-2026-11-23.xlsx out.xlsx
 * </pre>
 */
public final class SxssfWriteFloor {
    /** Excel's last row index is 1,048,575: a header and 1,048,575 data rows per sheet. */
    static final int EXCEL_MAX_DATA_ROWS = 1_048_575;

    /** Rows, string cells and numeric cells of one sheet (header row included). */
    public record SheetShape(String name, long rows, long stringCells, long numericCells) {
        long cells() {
            return stringCells + numericCells;
        }
    }

    private SxssfWriteFloor() {
    }

    public static void main(String[] args) throws IOException {
        List<SheetShape> shapes;
        Path out;
        if (args.length == 3 && args[0].equals("--like")) {
            long t0 = System.nanoTime();
            shapes = shapeOf(Path.of(args[1]));
            long total = shapes.stream().mapToLong(SheetShape::cells).sum();
            System.out.printf(Locale.ROOT, "workbook-shape sheets=%d rows=%d cells=%d counted_ms=%d%n", shapes.size(),
                    shapes.stream().mapToLong(SheetShape::rows).sum(), total, (System.nanoTime() - t0) / 1_000_000);
            for (SheetShape s : shapes) {
                System.out.printf(Locale.ROOT, "  sheet \"%s\" rows=%d strings=%d numbers=%d%n", s.name(), s.rows(),
                        s.stringCells(), s.numericCells());
            }
            out = Path.of(args[2]);
        } else if (args.length == 4 && args[0].equals("--rows")) {
            shapes = synthetic(Long.parseLong(args[1]), Long.parseLong(args[2]));
            out = Path.of(args[3]);
        } else {
            System.err.println("usage: SxssfWriteFloor --like <job.xlsx> <out.xlsx>\n"
                    + "       SxssfWriteFloor --rows <allLinesRows> <worklistRows> <out.xlsx>");
            System.exit(2);
            return;
        }
        long t0 = System.nanoTime();
        long cells = write(shapes, out);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "write-floor sheets=%d rows=%d cells=%d bytes=%d ms=%d%n", shapes.size(),
                shapes.stream().mapToLong(SheetShape::rows).sum(), cells, Files.size(out), ms);
    }

    /** The job's layout without the job: All Lines 32 columns (continued past Excel's limit), a worklist 29. */
    static List<SheetShape> synthetic(long allLines, long worklist) {
        List<SheetShape> shapes = new ArrayList<>();
        shapes.add(new SheetShape("Summary", 40, 200, 160));
        int part = 1;
        for (long left = allLines; left > 0 || part == 1; left -= EXCEL_MAX_DATA_ROWS, part++) {
            long rows = Math.min(left, EXCEL_MAX_DATA_ROWS);
            shapes.add(new SheetShape(part == 1 ? "All Lines" : "All Lines (" + part + ")", rows + 1,
                    32 + rows * 20, rows * 12));
            if (left <= EXCEL_MAX_DATA_ROWS) {
                break;
            }
        }
        shapes.add(new SheetShape("Worklist", worklist + 1, 33 + worklist * 20, worklist * 9));
        return shapes;
    }

    /** Writes the shapes: every row gets its share of the sheet's string and numeric cells. */
    static long write(List<SheetShape> shapes, Path out) throws IOException {
        long cells = 0;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, false, false)) {
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("\"$\"#,##0.00_);[Red](\"$\"#,##0.00)"));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            String[] texts = {"C17-10004711", "3", "EFT4821020418", "1", "MCRB01", "01234-5678-90", "ASP", "INV700123",
                "UNDERPAID", "CO-16", "M119;N350", "JW_JZ_MISSING;DRUG_DESCRIPTION_MISSING",
                "Dispute the underpayment: cite the contract basis and rate, attach the invoice or pricing, "
                    + "show expected vs reimbursed", "Medicare Part B (JH)", "J3490", "JZ",
                "Bortezomib 2.5 mg/10 mL, single-dose vial", "ML", "0000123456789", "Underpayments"};
            LocalDate day = LocalDate.of(2026, 9, 1);
            for (SheetShape shape : shapes) {
                SXSSFSheet sheet = wb.createSheet(shape.name());
                long rows = Math.max(shape.rows(), 1);
                long strings = shape.stringCells();
                long numbers = shape.numericCells();
                for (long r = 0; r < rows; r++) {
                    // spread the cells evenly: row r gets the cells its running share calls for
                    int s = (int) (strings * (r + 1) / rows - strings * r / rows);
                    int n = (int) (numbers * (r + 1) / rows - numbers * r / rows);
                    Row row = sheet.createRow((int) r);
                    int col = 0;
                    for (int i = 0; i < s; i++) {
                        row.createCell(col++).setCellValue(texts[(int) ((r + i) % texts.length)]);
                    }
                    for (int i = 0; i < n; i++) {
                        Cell cell = row.createCell(col++);
                        if (i % 4 == 1) {
                            cell.setCellValue(day.plusDays((r + i) % 400));
                            cell.setCellStyle(date);
                        } else {
                            cell.setCellValue(((r * 7919 + i * 104729) % 500_000) / 100.0);
                            cell.setCellStyle(money);
                        }
                    }
                    cells += s + n;
                }
            }
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        }
        return cells;
    }

    // ---- counting the job's workbook (not timed) ----------------------------------------------

    private static final Pattern SHEET = Pattern.compile("<sheet\\b[^>]*?name=\"([^\"]*)\"[^>]*?r:id=\"([^\"]+)\"");
    private static final Pattern REL = Pattern.compile("<Relationship\\b[^>]*?Id=\"([^\"]+)\"[^>]*?Target=\"([^\"]+)\"");
    private static final Pattern REL_REVERSED =
            Pattern.compile("<Relationship\\b[^>]*?Target=\"([^\"]+)\"[^>]*?Id=\"([^\"]+)\"");

    /** Sheets of an .xlsx in workbook order, with rows and string / numeric cells, by streaming each sheet's XML. */
    public static List<SheetShape> shapeOf(Path xlsx) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            String workbook = text(zip, "xl/workbook.xml");
            String rels = text(zip, "xl/_rels/workbook.xml.rels");
            Map<String, String> targets = new HashMap<>();
            Matcher m = REL.matcher(rels);
            while (m.find()) {
                targets.put(m.group(1), m.group(2));
            }
            m = REL_REVERSED.matcher(rels);
            while (m.find()) {
                targets.putIfAbsent(m.group(2), m.group(1));
            }
            List<SheetShape> shapes = new ArrayList<>();
            m = SHEET.matcher(workbook);
            while (m.find()) {
                String target = targets.get(m.group(2));
                String entry = target.startsWith("/") ? target.substring(1) : "xl/" + target;
                ZipEntry e = zip.getEntry(entry);
                try (InputStream in = new BufferedInputStream(zip.getInputStream(e), 1 << 16)) {
                    long[] counts = count(in);
                    shapes.add(new SheetShape(unescape(m.group(1)), counts[0], counts[1], counts[2]));
                }
            }
            return shapes;
        }
    }

    private static String text(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    /** [rows, string cells, other cells]: a byte scan for "<row " and "<c " start tags. */
    static long[] count(InputStream in) throws IOException {
        long rows = 0;
        long strings = 0;
        long others = 0;
        byte[] buf = new byte[1 << 16];
        // state: 0 outside; 1 after '<'; 2 after "<c"; 3 after "<r"; 4 "<ro"; 5 "<row"; 6 inside a <c tag
        int state = 0;
        StringBuilder tag = new StringBuilder(64);
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                switch (state) {
                    case 0 -> state = b == '<' ? 1 : 0;
                    case 1 -> state = b == 'c' ? 2 : b == 'r' ? 3 : b == '<' ? 1 : 0;
                    case 2 -> {
                        if (b == ' ' || b == '>' || b == '/') {
                            if (b == ' ') {
                                tag.setLength(0);
                                state = 6;
                            } else {
                                others++;
                                state = 0;
                            }
                        } else {
                            state = b == '<' ? 1 : 0;
                        }
                    }
                    case 3 -> state = b == 'o' ? 4 : b == '<' ? 1 : 0;
                    case 4 -> state = b == 'w' ? 5 : b == '<' ? 1 : 0;
                    case 5 -> {
                        if (b == ' ' || b == '>') {
                            rows++;
                        }
                        state = b == '<' ? 1 : 0;
                    }
                    case 6 -> {
                        if (b == '>') {
                            String t = tag.toString();
                            if (t.contains("t=\"inlineStr\"") || t.contains("t=\"s\"") || t.contains("t=\"str\"")) {
                                strings++;
                            } else {
                                others++;
                            }
                            state = 0;
                        } else {
                            tag.append((char) b);
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            }
        }
        return new long[] {rows, strings, others};
    }
}
