package com.rcm.j3490.workbook;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writing one cell: input text is always a text cell (never a formula), money and dates are typed cells. */
final class Cells {
    private Cells() {
    }

    static void text(Row row, int column, String value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    static void number(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    static void money(Row row, int column, BigDecimal value, CellStyle style) {
        if (value != null) {
            number(row, column, value.doubleValue(), style);
        }
    }

    static void date(Row row, int column, LocalDate value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** A link to cell A1 of another sheet of this workbook. */
    static Hyperlink sheetLink(SXSSFWorkbook wb, String sheetName) {
        Hyperlink link = wb.getXSSFWorkbook().getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
        link.setAddress("'" + sheetName.replace("'", "''") + "'!A1");
        return link;
    }
}
