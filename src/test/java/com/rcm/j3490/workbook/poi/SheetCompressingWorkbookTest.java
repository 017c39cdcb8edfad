package com.rcm.j3490.workbook.poi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rcm.j3490.support.WorkbookReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetCompressingWorkbookTest {
    @TempDir
    Path dir;

    @Test
    void streamedSheetsCompressedWhileWrittenReadBackCellForCellWithValidCrcs() throws Exception {
        Path file = dir.resolve("w.xlsx");
        try (var wb = new SheetCompressingWorkbook(10)) {
            wb.getXSSFWorkbook().createSheet("Summary").createRow(0).createCell(0).setCellValue("in memory");
            for (String name : new String[] {"Big", "Empty", "Small"}) {
                SXSSFSheet sheet = wb.createSheet(name);
                sheet.createFreezePane(0, 1);
                int rows = name.equals("Big") ? 20_000 : name.equals("Small") ? 3 : 0;
                for (int r = 0; r < rows; r++) {
                    Row row = sheet.createRow(r);
                    row.createCell(0).setCellValue("CLM-" + r + " Müller, Zoë & <Søren>");
                    row.createCell(1).setCellValue(r * 1.25);
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.dispose();
        }

        // java.util.zip checks every entry's CRC and length as it reads
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    assertThat(in.readAllBytes()).as(entry.getName()).hasSize((int) entry.getSize());
                }
            }
        }
        try (XSSFWorkbook read = WorkbookReader.open(file)) {
            assertThat(read.getSheetAt(0).getSheetName()).isEqualTo("Summary");
            Sheet big = read.getSheet("Big");
            assertThat(big.getLastRowNum()).isEqualTo(19_999);
            assertThat(big.getRow(12_345).getCell(0).getStringCellValue()).isEqualTo("CLM-12345 Müller, Zoë & <Søren>");
            assertThat(big.getRow(12_345).getCell(1).getNumericCellValue()).isEqualTo(12_345 * 1.25);
            assertThat(big.getPaneInformation().isFreezePane()).isTrue();
            assertThat(read.getSheet("Empty").getPhysicalNumberOfRows()).isZero();
            assertThat(WorkbookReader.rows(read.getSheet("Small"))).hasSize(3);
        }
    }

    /** Trust case 10: a full disk is reported as a full disk, not as "unclosed entries". */
    @Test
    void aFailedWriteReportsItsOwnCause() throws Exception {
        try (var wb = new SheetCompressingWorkbook(10)) {
            SXSSFSheet sheet = wb.createSheet("Big");
            for (int r = 0; r < 5_000; r++) {
                sheet.createRow(r).createCell(0).setCellValue("CLM-" + r + " some text that takes room");
            }
            OutputStream fullDisk = new OutputStream() {
                private long written;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    written += len;
                    if (written > 20_000) {
                        throw new IOException("No space left on device");
                    }
                }
            };
            assertThatThrownBy(() -> wb.write(fullDisk))
                    .satisfies(e -> assertThat(causes(e)).anyMatch(m -> m.contains("No space left on device"))
                            .noneMatch(m -> m.contains("unclosed entries")));
            wb.dispose();
        }
    }

    private static java.util.List<String> causes(Throwable e) {
        java.util.List<String> messages = new java.util.ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            for (Throwable s : t.getSuppressed()) {
                messages.add("suppressed: " + s.getMessage());
            }
        }
        return messages;
    }

    @Test
    void aSheetsDataStillReadsAsPlainXml() throws Exception {
        try (var wb = new SheetCompressingWorkbook(2)) {
            SXSSFSheet sheet = wb.createSheet("Rows");
            for (int r = 0; r < 50; r++) {
                sheet.createRow(r).createCell(0).setCellValue("line " + r);
            }
            try (InputStream in = sheet.getWorksheetXMLInputStream()) {
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(xml.strip()).startsWith("<row r=\"1\"").contains("line 49").endsWith("</row>");
            }
            wb.dispose();
        }
    }

    @Test
    void theSheetXmlIsSplitWhereTheRowsGo() {
        byte[][] empty = SheetCompressingWorkbook.splitAtSheetData(bytes("<ws><cols/><sheetData/><pane/></ws>"), "p");
        assertThat(text(empty[0])).isEqualTo("<ws><cols/><sheetData>");
        assertThat(text(empty[1])).isEqualTo("</sheetData><pane/></ws>");

        byte[][] full = SheetCompressingWorkbook.splitAtSheetData(bytes("<ws><sheetData><row/></sheetData><x/></ws>"), "p");
        assertThat(text(full[0])).isEqualTo("<ws><sheetData>");
        assertThat(text(full[1])).isEqualTo("</sheetData><x/></ws>");

        assertThatThrownBy(() -> SheetCompressingWorkbook.splitAtSheetData(bytes("<ws/>"), "xl/worksheets/sheet9.xml"))
                .hasMessageContaining("xl/worksheets/sheet9.xml");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
