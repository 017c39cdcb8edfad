package com.rcm.j3490.workbook.poi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The rows this extension writes itself come out as POI writes them, character for character. */
class RowXmlTest {
    private static final String[] TEXTS = {"plain", "", " leading space", "trailing tab\t", "Müller, Zoë & <Søren> \"x\" 'y'",
        "line\nbreak\r\nand\ttab", "no\u00A0break", "bell\u0007 and nul\u0000", "not a char \uFFFE\uFFFF",
        "emoji 😀 pair", "lone \uD800 high", "lone \uDC00 low", "end high \uD83D", "€ 1,210.00 — CO-16 → paid",
        "x".repeat(30_000)};

    @Test
    void theRowsComeOutAsPoiWritesThem() throws Exception {
        String poi;
        try (SXSSFWorkbook plain = new SXSSFWorkbook(5)) {
            poi = sheetXml(plain);
            plain.dispose();
        }
        String ours;
        try (SheetCompressingWorkbook extension = new SheetCompressingWorkbook(5)) {
            ours = sheetXml(extension);
            extension.dispose();
        }
        assertThat(ours).contains("&lt;Søren&gt;", "<f>", "t=\"b\"", "hidden=\"1\"", "customHeight=\"1\"");
        assertThat(ours).startsWith("first 0, last " + (TEXTS.length + 9) + ", physical " + (TEXTS.length + 5))
                .isEqualTo(poi);
    }

    @Test
    void directRowsRefuseWhatSxssfRefuses() throws Exception {
        try (SheetCompressingWorkbook wb = new SheetCompressingWorkbook(5)) {
            SXSSFSheet sheet = wb.createSheet("Rows");
            sheet.createRow(0).createCell(0).setCellValue("header");
            sheet.flushRows();
            DirectRows rows = wb.directRows(sheet);
            assertThatThrownBy(() -> rows.begin(0, 0)).as("a row already written")
                    .isInstanceOf(IllegalArgumentException.class);
            rows.begin(1, 0).text(0, "x".repeat(32_767), null);
            assertThatThrownBy(() -> rows.text(1, "x".repeat(32_768), null)).as("longer than a cell holds")
                    .hasMessageContaining("32767");
            assertThatThrownBy(() -> rows.number(5, Double.POSITIVE_INFINITY, null)).hasMessageContaining("Infinity");
            assertThatThrownBy(() -> rows.number(0, 1.0, null)).as("a column not after the last")
                    .isInstanceOf(IllegalArgumentException.class);
            try (SXSSFWorkbook other = new SXSSFWorkbook()) {
                SXSSFSheet foreign = other.createSheet("other");
                assertThatThrownBy(() -> wb.directRows(foreign)).hasMessageContaining("not a streamed sheet of this workbook");
                other.dispose();
            }
            wb.dispose();
        }
    }

    /** The same rows into a sheet of the workbook; its rows' XML as written. */
    private static String sheetXml(SXSSFWorkbook wb) throws Exception {
        CellStyle money = wb.createCellStyle();
        money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        SXSSFSheet sheet = wb.createSheet("Rows");
        int r = 0;
        for (String text : TEXTS) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(text);
            row.createCell(2).setCellValue(r * 1234.5678);
            row.createCell(3).setCellStyle(money);
            row.getCell(3).setCellValue(-0.1);
            row.createCell(4).setCellStyle(date);
            row.getCell(4).setCellValue(LocalDate.of(2026, 11, 23).plusDays(r));
            row.createCell(5).setCellStyle(money); // blank with a style
            row.createCell(40).setCellValue(1e21);
            if (r % 3 == 0) {
                row.setHeightInPoints(45f);
            }
        }
        Row formula = sheet.createRow(r++);
        formula.createCell(0).setCellValue("formula row");
        formula.createCell(1).setCellFormula("A1&\"<x>\"");
        sheet.createRow(r++).createCell(7).setCellValue(true);
        Row hidden = sheet.createRow(r++);
        hidden.setZeroHeight(true);
        hidden.createCell(0).setCellValue("hidden");
        sheet.createRow(r++); // no cells
        sheet.createRow(r + 5).createCell(2).setCellValue(Double.MIN_VALUE); // after a gap
        sheet.flushRows(1); // as LineSheet does: the sheet's dimension comes from the row kept
        String rows = "first " + sheet.getFirstRowNum() + ", last " + sheet.getLastRowNum() + ", physical "
                + sheet.getPhysicalNumberOfRows() + "\n";
        sheet.flushRows();
        try (InputStream in = sheet.getWorksheetXMLInputStream()) {
            return rows + new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
