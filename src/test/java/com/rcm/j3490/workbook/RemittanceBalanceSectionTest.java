package com.rcm.j3490.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.input.x12.ClaimAdjustment;
import com.rcm.j3490.input.x12.ProviderAdjustment;
import com.rcm.j3490.input.x12.TransactionBalance;
import com.rcm.j3490.reconcile.RemittanceBalances;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The Summary's X12 block (contract 5.2, 5.3), written and read back with POI. */
class RemittanceBalanceSectionTest {
    static final int FIRST_ROW = 3;

    static TransactionBalance balanced() {
        return new TransactionBalance("night.835", 3, "CHK1", "PAYER2U", "SYNTHETIC PLAN", new BigDecimal("240.00"),
                new BigDecimal("250.00"), new BigDecimal("10.00"), 2, 3, 0, List.of());
    }

    static TransactionBalance broken() {
        return new TransactionBalance("night.835", 40, "CHK2", null, "OTHER PLAN", new BigDecimal("55.00"),
                new BigDecimal("50.00"), BigDecimal.ZERO, 1, 2, 2, List.of(new TransactionBalance.ClaimBalance("C500",
                        new BigDecimal("100"), new BigDecimal("50"), BigDecimal.ZERO)));
    }

    static RemittanceBalances balances(long claimLines, long unjoined) {
        return new RemittanceBalances(List.of(balanced(), broken()),
                List.of(new ClaimAdjustment("night.835", "CHK1", "PAYER2U", "C100", "CO", "45", new BigDecimal("10"),
                        new BigDecimal("2"))),
                List.of(pl("L6", "INT1", "-5"), pl("WO", "REC9", "15"), pl("FB", "FWD1", "-2.50"), pl("ZZ", null, "1")),
                claimLines, unjoined);
    }

    static ProviderAdjustment pl(String reason, String reference, String amount) {
        return new ProviderAdjustment("night.835", "CHK1", "PAYER2U", "1234567893", "20261231", reason, reference,
                new BigDecimal(amount));
    }

    /** The section written from row 3 of a Summary sheet, saved and read back. */
    static XSSFWorkbook written(RemittanceBalances balances, int[] end) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SXSSFWorkbook wb = new SXSSFWorkbook()) {
            WorkbookStyles styles = new WorkbookStyles(wb);
            end[0] = RemittanceBalanceSection.write(wb.getXSSFWorkbook().createSheet("Summary"), styles, FIRST_ROW, balances);
            wb.write(bytes);
        }
        return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
    }

    static Row rowStarting(Sheet sheet, String first) {
        for (Row row : sheet) {
            Cell c = row.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(first)) {
                return row;
            }
        }
        throw new AssertionError("no row starting with " + first);
    }

    static List<String> firstColumn(Sheet sheet) {
        List<String> values = new ArrayList<>();
        for (Row row : sheet) {
            Cell c = row.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING) {
                values.add(c.getStringCellValue());
            }
        }
        return values;
    }

    static double money(Row row, int column) {
        return row.getCell(column).getNumericCellValue();
    }

    static boolean red(Cell cell) {
        return ((XSSFCellStyle) cell.getCellStyle()).getFont().getColor() == IndexedColors.RED.getIndex();
    }

    @Test
    void everyTransactionSetIsOneRowWithItsSumsAndWhatDoesNotBalanceStandsOutInRed() throws IOException {
        try (XSSFWorkbook wb = written(balances(4, 1), new int[1])) {
            Sheet sheet = wb.getSheet("Summary");
            assertThat(sheet.getRow(FIRST_ROW).getCell(0).getStringCellValue()).isEqualTo(RemittanceBalanceSection.TITLE);
            Row ok = rowStarting(sheet, "night.835 (ST at segment 3)");
            assertThat(ok.getCell(1).getStringCellValue()).isEqualTo("PAYER2U SYNTHETIC PLAN");
            assertThat(ok.getCell(2).getStringCellValue()).isEqualTo("CHK1");
            assertThat(List.of(money(ok, 3), money(ok, 4), money(ok, 5), money(ok, 6))).containsExactly(240.0, 250.0, 10.0, 0.0);
            assertThat(List.of(money(ok, 7), money(ok, 8))).containsExactly(2.0, 3.0);
            assertThat(ok.getCell(9).getStringCellValue()).isEqualTo("Balances");
            assertThat(red(ok.getCell(9))).isFalse();

            Row off = rowStarting(sheet, "night.835 (ST at segment 40)");
            assertThat(off.getCell(1).getStringCellValue()).as("no payer id: the name").isEqualTo("OTHER PLAN");
            assertThat(money(off, 6)).as("BPR02 - (sum CLP04 - sum PLB)").isEqualTo(5.0);
            assertThat(off.getCell(9).getStringCellValue())
                    .isEqualTo("Payment off by 5.00; 1 claim(s) do not balance; 2 line(s) do not balance");
            assertThat(red(off.getCell(9))).isTrue();
        }
    }

    @Test
    void claimsThatDoNotBalanceAreListedWithTheirDifference() throws IOException {
        try (XSSFWorkbook wb = written(balances(4, 1), new int[1])) {
            Sheet sheet = wb.getSheet("Summary");
            assertThat(firstColumn(sheet)).contains(RemittanceBalanceSection.CLAIMS_OFF);
            Row c = rowStarting(sheet, "C500");
            assertThat(c.getCell(1).getStringCellValue()).isEqualTo("night.835");
            assertThat(c.getCell(2).getStringCellValue()).isEqualTo("CHK2");
            assertThat(List.of(money(c, 3), money(c, 4), money(c, 5), money(c, 6))).containsExactly(100.0, 50.0, 0.0, 50.0);
        }
    }

    @Test
    void claimLevelCasIsListedPerClaimWithGroupReasonAmountAndQuantity() throws IOException {
        try (XSSFWorkbook wb = written(balances(4, 1), new int[1])) {
            Sheet sheet = wb.getSheet("Summary");
            assertThat(firstColumn(sheet)).contains(RemittanceBalanceSection.CLAIM_CAS);
            Row c = rowStarting(sheet, "C100");
            assertThat(c.getCell(1).getStringCellValue()).isEqualTo("PAYER2U");
            assertThat(c.getCell(2).getStringCellValue()).isEqualTo("CHK1");
            assertThat(c.getCell(3).getStringCellValue()).isEqualTo("CO-45");
            assertThat(money(c, 4)).isEqualTo(10.0);
            assertThat(c.getCell(5).getNumericCellValue()).isEqualTo(2.0);
        }
    }

    @Test
    void plbInterestRecoupmentAndForwardBalanceAreNamedAndTotalled() throws IOException {
        try (XSSFWorkbook wb = written(balances(4, 1), new int[1])) {
            Sheet sheet = wb.getSheet("Summary");
            List<String> reasons = new ArrayList<>();
            List<Double> amounts = new ArrayList<>();
            boolean in = false;
            for (Row row : sheet) {
                Cell first = row.getCell(0);
                if (first != null && first.getCellType() == CellType.STRING
                        && first.getStringCellValue().equals(RemittanceBalanceSection.PLB)) {
                    in = true;
                } else if (in && row.getCell(2) != null && row.getCell(3) != null
                        && row.getCell(3).getCellType() == CellType.NUMERIC) {
                    assertThat(first.getStringCellValue()).isEqualTo("CHK1");
                    reasons.add(row.getCell(1).getStringCellValue() + "|" + row.getCell(2).getStringCellValue() + "|"
                            + (row.getCell(4) == null ? "" : row.getCell(4).getStringCellValue()));
                    amounts.add(money(row, 3));
                } else if (in && row.getCell(1) != null && row.getCell(1).getStringCellValue().equals("Total")) {
                    assertThat(money(row, 3)).isEqualTo(8.5);
                    in = false;
                }
            }
            assertThat(reasons).containsExactly("Interest owed|L6|INT1", "Overpayment recovery (recoupment)|WO|REC9",
                    "Forward balance|FB|FWD1", "Code ZZ|ZZ|");
            assertThat(amounts).containsExactly(-5.0, 15.0, -2.5, 1.0);
            assertThat(in).as("a Total row ends the list").isFalse();
        }
    }

    @Test
    void claimsGivenCountsTheTargetLinesJoinedAndNotJoined() throws IOException {
        try (XSSFWorkbook wb = written(balances(4, 1), new int[1])) {
            Sheet sheet = wb.getSheet("Summary");
            assertThat(money(rowStarting(sheet, RemittanceBalanceSection.TARGET_CLAIM_LINES), 2)).isEqualTo(4.0);
            assertThat(money(rowStarting(sheet, RemittanceBalanceSection.JOINED), 2)).isEqualTo(3.0);
            assertThat(money(rowStarting(sheet, RemittanceBalanceSection.NOT_JOINED), 2)).isEqualTo(1.0);
            assertThat(firstColumn(sheet)).doesNotContain(RemittanceBalanceSection.NO_TARGET_LINES);
        }
    }

    @Test
    void claimsWithoutAnyTargetLineAreAWarning() throws IOException {
        try (XSSFWorkbook wb = written(new RemittanceBalances(List.of(), List.of(), List.of(), 0L, 0L), new int[1])) {
            Sheet sheet = wb.getSheet("Summary");
            assertThat(firstColumn(sheet)).doesNotContain(RemittanceBalanceSection.TITLE);
            Row warning = rowStarting(sheet, RemittanceBalanceSection.NO_TARGET_LINES);
            assertThat(red(warning.getCell(0))).isTrue();
        }
    }

    @Test
    void aRunWithoutX12AndWithoutClaimsWritesNothing() throws IOException {
        int[] end = new int[1];
        try (XSSFWorkbook wb = written(RemittanceBalances.NONE, end)) {
            assertThat(end[0]).isEqualTo(FIRST_ROW);
            assertThat(wb.getSheet("Summary").getPhysicalNumberOfRows()).isZero();
        }
    }
}
