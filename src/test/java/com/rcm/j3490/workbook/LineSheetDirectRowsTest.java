package com.rcm.j3490.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.workbook.poi.SheetCompressingWorkbook;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows written straight into the sheet's XML (the job's workbook) come out as the same sheets as
 * rows written through SXSSF's row objects (a plain SXSSF workbook): every worksheet part of the
 * two files is the same text, dimension, continuation sheets and the last row included.
 */
class LineSheetDirectRowsTest {
    private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

    @Test
    void directRowsMakeTheSameSheetsAsSxssfRows(@TempDir Path dir) throws Exception {
        Map<String, String> direct = sheets(new SheetCompressingWorkbook(3), dir.resolve("direct.xlsx"));
        Map<String, String> sxssf = sheets(new SXSSFWorkbook(3), dir.resolve("sxssf.xlsx"));

        // 17 rows at 7 a sheet: "Lines", "Lines (2)", "Lines (3)"; then "Empty" and "One"
        assertThat(direct).hasSize(5);
        assertThat(direct.values()).allSatisfy(xml -> assertThat(xml).contains("<dimension ref=\"A1:G"));
        assertThat(String.join("", direct.values())).contains("customHeight=\"1\"", "&lt;Søren&gt;", "t=\"n\"");
        assertThat(direct).isEqualTo(sxssf);
    }

    private static Map<String, String> sheets(SXSSFWorkbook wb, Path file) throws Exception {
        try (wb) {
            WorkbookContext context = new WorkbookContext(wb, new WorkbookStyles(wb), NIGHT, 7, 14);
            List<Column<Integer>> columns = List.of(
                    column("Claim", Column.Kind.TEXT, r -> "CLM-" + r),
                    column("Note", Column.Kind.WRAPPED_TEXT, r -> r % 4 == 0 ? null
                            : "Müller & <Søren> " + "appeal with the invoice ".repeat(r)),
                    column("Paid", Column.Kind.MONEY, r -> new BigDecimal(r + ".05").negate()),
                    column("Rate", Column.Kind.NUMBER, r -> new BigDecimal("106.0000")),
                    column("Days", Column.Kind.NUMBER, r -> (long) r - 3),
                    column("Deadline", Column.Kind.DATE, r -> r % 3 == 0 ? null : NIGHT.plusDays(r)),
                    column("Team", Column.Kind.TEXT, r -> r % 5 == 0 ? " padded " : "Billing\t"));
            LineSheet sheet = new LineSheet(context, LineSheet.Shape.of("Lines", columns, List.of(), 1, 5));
            for (int r = 1; r <= 17; r++) {
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < columns.size(); i++) {
                    values[i] = columns.get(i).value().apply(r);
                }
                sheet.write(values);
            }
            sheet.finish();
            // a sheet without rows and one with a single row (a worklist with no item, or one)
            new LineSheet(context, LineSheet.Shape.of("Empty", columns, List.of(), 1, 5)).finish();
            LineSheet one = new LineSheet(context, LineSheet.Shape.of("One", columns, List.of(), 1, 5));
            one.write(new Object[] {"CLM-1", null, BigDecimal.ONE, null, 2L, NIGHT, "Billing"});
            one.finish();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.dispose();
        }
        Map<String, String> parts = new TreeMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.getName().startsWith("xl/worksheets/sheet")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        // plain SXSSF splices its rows in after "<sheetData>\n", the job's workbook without the newline
                        parts.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8)
                                .replace("<sheetData>\n", "<sheetData>"));
                    }
                }
            }
        }
        return parts;
    }

    private static Column<Integer> column(String header, Column.Kind kind, Function<Integer, Object> value) {
        return new Column<>(header, kind, 12, value);
    }
}
