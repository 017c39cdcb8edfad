package com.rcm.j3490.workbook;

import static com.rcm.j3490.workbook.Nights.NIGHT_1;
import static com.rcm.j3490.workbook.Nights.NIGHT_2;
import static com.rcm.j3490.workbook.Nights.NIGHT_3;
import static com.rcm.j3490.workbook.Nights.line;
import static com.rcm.j3490.workbook.Nights.open;
import static com.rcm.j3490.workbook.Nights.rowsOf;
import static com.rcm.j3490.workbook.Nights.setWork;
import static com.rcm.j3490.workbook.Nights.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The team's columns read back into the items (contract 6.3), and what the Summary says about it. */
class TeamColumnsTest {
    @TempDir
    Path dir;

    private final List<ReconciledLine> night1 = List.of(
            line("U1").atStake("150.00").build(),
            line("D1").status(Status.DENIED_CO16).denial("CO-16").atStake("500.00").build(),
            line("O1").status(Status.OVERPAID).atStake("40.00").build());

    @Test
    void anUnreadableNewerWorkbookIsSkippedWithAWarningAndTheNextEarlierOneIsRead() throws Exception {
        Path first = Nights.write(dir, NIGHT_1, night1);
        Nights.edit(first, wb -> setWork(wb, "Underpaid", "U1", "Owner", "Ana"));
        Files.writeString(dir.resolve(WorklistWorkbookWriter.fileName(NIGHT_2)), "not a workbook");
        Path third = Nights.write(dir, NIGHT_3, List.of());
        try (XSSFWorkbook wb = open(third)) {
            XSSFSheet sheet = wb.getSheet("Underpaid");
            assertThat(value(sheet, rowsOf(sheet, "U1").get(0), "Owner")).isEqualTo("Ana");
            List<String> warnings = redTexts(wb.getSheet("Summary"));
            assertThat(warnings).anyMatch(t -> t.startsWith(WorklistWorkbookWriter.fileName(NIGHT_2)
                    + " could not be read and was skipped"));
        }
        assertThat(Files.readString(dir.resolve(WorklistWorkbookWriter.fileName(NIGHT_2)))).isEqualTo("not a workbook");
    }

    @Test
    void aSheetWithoutTheKeyHeadersIsSkippedAndSaysWhy() throws Exception {
        Path first = Nights.write(dir, NIGHT_1, night1);
        Nights.edit(first, wb -> {
            setWork(wb, "Underpaid", "U1", "Owner", "Ana");
            setWork(wb, "Denied CO-16", "D1", "Owner", "Dev");
            XSSFSheet sheet = wb.getSheet("Underpaid");
            sheet.getRow(0).getCell(Nights.headers(sheet).get("Claim ID")).setCellValue("Claim");
        });
        try (XSSFWorkbook wb = open(Nights.write(dir, NIGHT_2, List.of()))) {
            XSSFSheet underpaid = wb.getSheet("Underpaid");
            assertThat(value(underpaid, rowsOf(underpaid, "U1").get(0), "Owner")).isEmpty();
            XSSFSheet denied = wb.getSheet("Denied CO-16");
            assertThat(value(denied, rowsOf(denied, "D1").get(0), "Owner")).isEqualTo("Dev");
            assertThat(redTexts(wb.getSheet("Summary"))).anyMatch(t -> t.contains("sheet 'Underpaid': headers changed "
                    + "(missing: Claim ID)"));
        }
    }

    @Test
    void aWorkbookAlreadyReadIsNotReadAgainOverNewerValues() throws Exception {
        Path first = Nights.write(dir, NIGHT_1, night1);
        Nights.edit(first, wb -> setWork(wb, "Denied CO-16", "D1", "Work Status", "Appealed"));
        // night 2: the payer answers the appeal; the item says so
        Path second = Nights.write(dir, NIGHT_2, List.of(line("D1").status(Status.DENIED_CO16).denial("CO-16")
                .check("CHK200").paid("10.00").atStake("490.00").build()));
        try (XSSFWorkbook wb = open(second)) {
            XSSFSheet sheet = wb.getSheet("Denied CO-16");
            assertThat(value(sheet, rowsOf(sheet, "D1").get(0), "Work Status")).isEqualTo("Payer responded");
            assertThat(value(sheet, rowsOf(sheet, "D1").get(0), "Last Payer Action")).isNotEmpty();
        }
        Files.delete(second);
        // night 3 finds only the night-1 workbook, which says "Appealed": the item keeps "Payer responded"
        try (XSSFWorkbook wb = open(Nights.write(dir, NIGHT_3, List.of()))) {
            XSSFSheet sheet = wb.getSheet("Denied CO-16");
            assertThat(value(sheet, rowsOf(sheet, "D1").get(0), "Work Status")).isEqualTo("Payer responded");
        }
    }

    @Test
    void theOldPaidChoiceClosesAndAnUnknownStatusIsLeftEmptyWithAWarning() throws Exception {
        Path first = Nights.write(dir, NIGHT_1, night1);
        Nights.edit(first, wb -> {
            setWork(wb, "Underpaid", "U1", "Work Status", "Paid");
            setWork(wb, "Overpaid", "O1", "Work Status", "Chasing");
        });
        try (XSSFWorkbook wb = open(Nights.write(dir, NIGHT_2, List.of()))) {
            assertThat(rowsOf(wb.getSheet("Underpaid"), "U1")).isEmpty();
            XSSFSheet resolved = wb.getSheet("Resolved");
            assertThat(value(resolved, rowsOf(resolved, "U1").get(0), "Resolution")).isEqualTo("Closed");
            XSSFSheet overpaid = wb.getSheet("Overpaid");
            assertThat(value(overpaid, rowsOf(overpaid, "O1").get(0), "Work Status")).isEmpty();
            assertThat(redTexts(wb.getSheet("Summary"))).anyMatch(t -> t.startsWith("1 row(s) had a Work Status "
                    + "that is not one of the choices"));
        }
    }

    @Test
    void patientNamesNoneLeavesThemOffEveryWorklist() throws Exception {
        Path file = Nights.write(dir, NIGHT_1, night1, 0, Nights.DESCRIPTIONS,
                new WorklistWorkbookWriter.Options(14, false, 30));
        try (XSSFWorkbook wb = open(file)) {
            for (Status s : WorklistWorkbookWriter.WORKLISTS) {
                assertThat(Nights.headers(wb.getSheet(s.label()))).as(s.label()).doesNotContainKey("Patient Name");
            }
        }
        Path other = Files.createDirectory(dir.resolve("all"));
        try (XSSFWorkbook wb = open(Nights.write(other, NIGHT_1, night1))) {
            XSSFSheet denied = wb.getSheet("Denied CO-16");
            assertThat(value(denied, rowsOf(denied, "D1").get(0), "Patient Name")).isEqualTo("DOE, JANE");
            assertThat(Nights.headers(wb.getSheet("Underpaid"))).doesNotContainKey("Patient Name");
        }
    }

    /** The Summary's warnings: bold red text. */
    private static List<String> redTexts(XSSFSheet summary) {
        List<String> texts = new ArrayList<>();
        for (Row row : summary) {
            for (Cell c : row) {
                if (c.getCellType() == CellType.STRING && ((org.apache.poi.xssf.usermodel.XSSFCellStyle) c.getCellStyle()).getFont().getColor()
                        == org.apache.poi.ss.usermodel.IndexedColors.RED.getIndex()) {
                    texts.add(c.getStringCellValue());
                }
            }
        }
        return texts;
    }

}
