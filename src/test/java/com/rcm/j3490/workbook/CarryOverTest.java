package com.rcm.j3490.workbook;

import static com.rcm.j3490.workbook.Nights.NIGHT_1;
import static com.rcm.j3490.workbook.Nights.NIGHT_2;
import static com.rcm.j3490.workbook.Nights.NIGHT_3;
import static com.rcm.j3490.workbook.Nights.edit;
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
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CarryOverTest {
    private static final LocalDate FOLLOW_UP = LocalDate.of(2026, 12, 2);

    @TempDir
    Path dir;

    private final ReconciledLine a = line("A1").atStake("150.00").build();
    private final ReconciledLine b = line("B1").status(Status.DENIED_CO16).denial("CO-16").atStake("400.00").build();

    /** Night 1, then the biller's work on A1: Owner, Work Status, Follow-up Date, Notes. */
    private Path night1WithWork(String workStatus) throws Exception {
        Path night1 = Nights.write(dir, NIGHT_1, List.of(a, b));
        edit(night1, wb -> {
            setWork(wb, "Underpaid", "A1", "Owner", "Ann");
            setWork(wb, "Underpaid", "A1", "Work Status", workStatus);
            setWork(wb, "Underpaid", "A1", "Follow-up Date", FOLLOW_UP);
            setWork(wb, "Underpaid", "A1", "Notes", "Called payer; ref 123");
        });
        return night1;
    }

    @Test
    void theSameLineTheNextNightKeepsTheTeamsWork() throws Exception {
        night1WithWork("In progress");

        Path night2 = Nights.write(dir, NIGHT_2, List.of(a, b));

        try (XSSFWorkbook wb = open(night2)) {
            XSSFSheet underpaid = wb.getSheet("Underpaid");
            Row row = rowsOf(underpaid, "A1").get(0);
            assertThat(value(underpaid, row, "Owner")).isEqualTo("Ann");
            assertThat(value(underpaid, row, "Work Status")).isEqualTo("In progress");
            assertThat(value(underpaid, row, "Notes")).isEqualTo("Called payer; ref 123");
            Cell followUp = row.getCell(Nights.headers(underpaid).get("Follow-up Date"));
            assertThat(DateUtil.isCellDateFormatted(followUp)).isTrue();
            assertThat(followUp.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(FOLLOW_UP);
            // the untouched line stays untouched
            XSSFSheet co16 = wb.getSheet("Denied CO-16");
            assertThat(value(co16, rowsOf(co16, "B1").get(0), "Owner")).isEmpty();
            assertThat(summaryText(wb)).anyMatch(t -> t.startsWith("Team input read from j3490-worklist-2026-11-23.xlsx"));
        }
        // and the night after, from night 2's workbook
        Path night3 = Nights.write(dir, NIGHT_3, List.of(a, b));
        try (XSSFWorkbook wb = open(night3)) {
            XSSFSheet underpaid = wb.getSheet("Underpaid");
            assertThat(value(underpaid, rowsOf(underpaid, "A1").get(0), "Owner")).isEqualTo("Ann");
        }
    }

    @Test
    void aClosedLineStaysOffTheWorklistsNightAfterNight() throws Exception {
        night1WithWork("Closed");

        Path night2 = Nights.write(dir, NIGHT_2, List.of(a, b));
        try (XSSFWorkbook wb = open(night2)) {
            assertThat(rowsOf(wb.getSheet("Underpaid"), "A1")).isEmpty();
            assertThat(rowsOf(wb.getSheet("All Lines"), "A1")).hasSize(1);
            XSSFSheet closed = wb.getSheet("Closed Lines");
            Row row = rowsOf(closed, "A1").get(0);
            assertThat(value(closed, row, "Work Status")).isEqualTo("Closed");
            assertThat(value(closed, row, "Owner")).isEqualTo("Ann");
            assertThat(closed.getDataValidations()).hasSize(1);
        }
        Path night3 = Nights.write(dir, NIGHT_3, List.of(a, b));
        try (XSSFWorkbook wb = open(night3)) {
            assertThat(rowsOf(wb.getSheet("Underpaid"), "A1")).isEmpty();
            assertThat(rowsOf(wb.getSheet("Closed Lines"), "A1")).hasSize(1);
        }
    }

    @Test
    void paidAndWrittenOffCountAsDoneToo() throws Exception {
        night1WithWork("written off");
        Path night2 = Nights.write(dir, NIGHT_2, List.of(a, b));
        try (XSSFWorkbook wb = open(night2)) {
            assertThat(rowsOf(wb.getSheet("Underpaid"), "A1")).isEmpty();
        }
        assertThat(CarryOver.isDone("Paid")).isTrue();
        assertThat(CarryOver.isDone("Written-off")).isTrue();
        assertThat(CarryOver.isDone("Appealed")).isFalse();
    }

    @Test
    void aClosedLineComesBackWhenThePayerSendsSomethingNew() throws Exception {
        night1WithWork("Closed");
        ReconciledLine repaid = line("A1").check("CHK200").paid("320.00").atStake("130.00").build();

        Path night2 = Nights.write(dir, NIGHT_2, List.of(repaid, b));

        try (XSSFWorkbook wb = open(night2)) {
            XSSFSheet underpaid = wb.getSheet("Underpaid");
            List<Row> rows = rowsOf(underpaid, "A1");
            assertThat(rows).hasSize(1);
            Row row = rows.get(0);
            assertThat(value(underpaid, row, "Check Number")).isEqualTo("CHK200");
            assertThat(value(underpaid, row, "Work Status")).isEqualTo("New");
            assertThat(value(underpaid, row, "Owner")).isEqualTo("Ann");
            assertThat(value(underpaid, row, "Notes")).isEqualTo("Called payer; ref 123");
            assertThat(rowsOf(wb.getSheet("Closed Lines"), "A1")).isEmpty();
        }
    }

    @Test
    void aReopenedClosedLineIsBackOnItsWorklist() throws Exception {
        night1WithWork("Closed");
        Path night2 = Nights.write(dir, NIGHT_2, List.of(a, b));
        edit(night2, wb -> setWork(wb, "Closed Lines", "A1", "Work Status", "In progress"));

        Path night3 = Nights.write(dir, NIGHT_3, List.of(a, b));

        try (XSSFWorkbook wb = open(night3)) {
            XSSFSheet underpaid = wb.getSheet("Underpaid");
            assertThat(value(underpaid, rowsOf(underpaid, "A1").get(0), "Work Status")).isEqualTo("In progress");
        }
    }

    @Test
    void aWorkedOpenLineNotInTonightsRemittanceStaysOnItsWorklist() throws Exception {
        night1WithWork("Appealed");
        ReconciledLine bigger = line("Z9").atStake("999.00").build();
        ReconciledLine smaller = line("Z1").atStake("1.00").build();

        Path night2 = Nights.write(dir, NIGHT_2, List.of(bigger, smaller, b));

        try (XSSFWorkbook wb = open(night2)) {
            XSSFSheet underpaid = wb.getSheet("Underpaid");
            assertThat(claimIds(underpaid)).containsExactly("Z9", "A1", "Z1");
            Row row = rowsOf(underpaid, "A1").get(0);
            assertThat(value(underpaid, row, "Work Status")).isEqualTo("Appealed");
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(150.0);
            assertThat(row.getCell(0).getCellStyle().getDataFormatString()).contains("$");
            assertThat(value(underpaid, row, "Drug Name")).isEqualTo("Drug X 10 mg");
            assertThat(DateUtil.isCellDateFormatted(row.getCell(1))).isTrue();
            // not in tonight's data: not on All Lines
            assertThat(rowsOf(wb.getSheet("All Lines"), "A1")).isEmpty();
        }
    }

    @Test
    void aTextFileNamedLikeAWorkbookIsSkippedWithANoteAndLeftAsItWas() throws Exception {
        night1WithWork("In progress");
        Path broken = dir.resolve("j3490-worklist-2026-11-24.xlsx");
        Files.writeString(broken, "Claim ID,Owner\nA1,Ann\n");
        FileTime before = Files.getLastModifiedTime(broken);

        Path night3 = Nights.write(dir, NIGHT_3, List.of(a, b));

        assertThat(Files.readString(broken)).isEqualTo("Claim ID,Owner\nA1,Ann\n");
        assertThat(Files.getLastModifiedTime(broken)).isEqualTo(before);
        try (XSSFWorkbook wb = open(night3)) {
            assertThat(summaryText(wb)).anyMatch(t -> t.startsWith(
                    "j3490-worklist-2026-11-24.xlsx could not be read and was skipped (it is left as it was): not an xlsx"));
            // the earlier readable workbook is used instead
            XSSFSheet underpaid = wb.getSheet("Underpaid");
            assertThat(value(underpaid, rowsOf(underpaid, "A1").get(0), "Owner")).isEqualTo("Ann");
        }
    }

    @Test
    void aSheetWithChangedHeadersIsSkippedWithANote() throws Exception {
        Path night1 = night1WithWork("In progress");
        edit(night1, wb -> {
            setWork(wb, "Denied CO-16", "B1", "Owner", "Bob");
            // retyped in a spreadsheet program: a new (shared-string) cell
            var header = wb.getSheet("Underpaid").getRow(0);
            int owner = Nights.headers(wb.getSheet("Underpaid")).get("Owner");
            header.removeCell(header.getCell(owner));
            header.createCell(owner).setCellValue("Assigned To");
        });
        byte[] bytes = Files.readAllBytes(night1);

        Path night2 = Nights.write(dir, NIGHT_2, List.of(a, b));

        assertThat(Files.readAllBytes(night1)).isEqualTo(bytes);
        try (XSSFWorkbook wb = open(night2)) {
            assertThat(summaryText(wb)).anyMatch(t -> t.equals("j3490-worklist-2026-11-23.xlsx, sheet 'Underpaid': "
                    + "headers changed (missing: Owner); its rows were skipped."));
            XSSFSheet underpaid = wb.getSheet("Underpaid");
            assertThat(value(underpaid, rowsOf(underpaid, "A1").get(0), "Owner")).isEmpty();
            XSSFSheet co16 = wb.getSheet("Denied CO-16");
            assertThat(value(co16, rowsOf(co16, "B1").get(0), "Owner")).isEqualTo("Bob");
        }
    }

    @Test
    void aWorkbookWithoutWorklistSheetsIsSkipped() throws Exception {
        Path night1 = night1WithWork("In progress");
        edit(night1, wb -> {
            for (Status s : WorklistWorkbookWriter.WORKLISTS) {
                wb.setSheetName(wb.getSheetIndex(s.label()), "Mine " + s.ordinal());
            }
            wb.setSheetName(wb.getSheetIndex("Closed Lines"), "Done");
        });

        CarryOver carry = CarryOver.read(dir, NIGHT_2);

        assertThat(carry.carriedRows()).isZero();
        assertThat(carry.source()).isEmpty();
        assertThat(carry.problems()).singleElement().asString()
                .contains("could not be read and was skipped")
                .contains("no worklist sheet with the expected headers");
    }

    @Test
    void onlyRowsWithTeamInputAreHeldAndLaterWorkbooksAreIgnored() throws Exception {
        night1WithWork("In progress");
        Files.writeString(dir.resolve("j3490-worklist-2026-12-31.xlsx"), "from the future");
        Files.writeString(dir.resolve("~$j3490-worklist-2026-11-23.xlsx"), "Excel lock file");

        CarryOver carry = CarryOver.read(dir, NIGHT_2);

        assertThat(carry.carriedRows()).isEqualTo(1);
        assertThat(carry.source()).contains(dir.resolve("j3490-worklist-2026-11-23.xlsx"));
        assertThat(carry.problems()).isEmpty();
    }

    @Test
    void reconcilingTheSameDateAgainKeepsTheEditedWorkbookAside() throws Exception {
        Path night1 = night1WithWork("In progress");
        byte[] edited = Files.readAllBytes(night1);

        Path again = Nights.write(dir, NIGHT_1, List.of(a, b));

        try (var files = Files.list(dir)) {
            List<Path> replaced = files.filter(p -> p.getFileName().toString()
                    .matches("j3490-worklist-2026-11-23\\.replaced-\\d{8}-\\d{6}\\.xlsx")).toList();
            assertThat(replaced).hasSize(1);
            assertThat(Files.readAllBytes(replaced.get(0))).isEqualTo(edited);
        }
        try (XSSFWorkbook wb = open(again)) {
            XSSFSheet underpaid = wb.getSheet("Underpaid");
            assertThat(value(underpaid, rowsOf(underpaid, "A1").get(0), "Owner")).isEqualTo("Ann");
        }
    }

    @Test
    void noEarlierWorkbookIsNotAProblem() {
        CarryOver carry = CarryOver.read(dir, NIGHT_1);
        assertThat(carry.problems()).isEmpty();
        assertThat(carry.notes()).containsExactly("No earlier workbook in " + dir + ": nothing to carry over.");
        assertThat(CarryOver.read(dir.resolve("missing"), NIGHT_1).problems()).isEmpty();
    }

    private static List<String> claimIds(XSSFSheet sheet) {
        int col = Nights.headers(sheet).get("Claim ID");
        List<String> ids = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0) {
                ids.add(row.getCell(col).getStringCellValue());
            }
        }
        return ids;
    }

    private static List<String> summaryText(XSSFWorkbook wb) {
        List<String> texts = new ArrayList<>();
        for (Row row : wb.getSheet("Summary")) {
            for (Cell c : row) {
                if (c.getCellType() == CellType.STRING) {
                    texts.add(c.getStringCellValue());
                }
            }
        }
        return texts;
    }

    @SuppressWarnings("unused")
    private static String dump(XSSFWorkbook wb) {
        return Arrays.toString(summaryText(wb).toArray());
    }
}
