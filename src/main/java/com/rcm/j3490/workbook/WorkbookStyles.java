package com.rcm.j3490.workbook;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FontFamily;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFont;

/** The workbook's shared cell styles (a workbook holds a limited number of styles: create each once). */
final class WorkbookStyles {
    static final String MONEY_FORMAT = "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)";
    static final String DATE_FORMAT = "yyyy-mm-dd";
    final CellStyle header;
    final CellStyle headerRight;
    final CellStyle top;
    final CellStyle money;
    final CellStyle moneyBold;
    final CellStyle date;
    final CellStyle wrapped;
    final CellStyle bold;
    final CellStyle title;
    final CellStyle section;
    final CellStyle link;
    final CellStyle note;
    final CellStyle warning;
    /** A text after a right-aligned number (the 835 balancing's Result): indented, so they do not run together. */
    final CellStyle afterNumber;
    final CellStyle warningAfterNumber;

    WorkbookStyles(SXSSFWorkbook wb) {
        Font boldFont = font(wb);
        boldFont.setBold(true);
        header = wb.createCellStyle();
        header.setFont(boldFont);
        header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        headerRight = wb.createCellStyle();
        headerRight.cloneStyleFrom(header);
        headerRight.setAlignment(HorizontalAlignment.RIGHT);
        top = wb.createCellStyle();
        top.setVerticalAlignment(VerticalAlignment.TOP);
        money = wb.createCellStyle();
        money.setDataFormat(wb.createDataFormat().getFormat(MONEY_FORMAT));
        money.setVerticalAlignment(VerticalAlignment.TOP);
        moneyBold = wb.createCellStyle();
        moneyBold.cloneStyleFrom(money);
        moneyBold.setFont(boldFont);
        date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat(DATE_FORMAT));
        date.setAlignment(HorizontalAlignment.LEFT);
        date.setVerticalAlignment(VerticalAlignment.TOP);
        wrapped = wb.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        bold = wb.createCellStyle();
        bold.setFont(boldFont);
        bold.setVerticalAlignment(VerticalAlignment.TOP);
        Font titleFont = font(wb);
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 16);
        title = wb.createCellStyle();
        title.setFont(titleFont);
        Font sectionFont = font(wb);
        sectionFont.setBold(true);
        sectionFont.setFontHeightInPoints((short) 12);
        sectionFont.setColor(IndexedColors.DARK_BLUE.getIndex());
        section = wb.createCellStyle();
        section.setFont(sectionFont);
        Font linkFont = font(wb);
        linkFont.setUnderline(Font.U_SINGLE);
        linkFont.setColor(IndexedColors.BLUE.getIndex());
        link = wb.createCellStyle();
        link.setFont(linkFont);
        note = wb.createCellStyle();
        note.setWrapText(true);
        note.setVerticalAlignment(VerticalAlignment.TOP);
        Font warningFont = font(wb);
        warningFont.setColor(IndexedColors.RED.getIndex());
        warningFont.setBold(true);
        warning = wb.createCellStyle();
        warning.cloneStyleFrom(note);
        warning.setFont(warningFont);
        afterNumber = wb.createCellStyle();
        afterNumber.cloneStyleFrom(top);
        afterNumber.setIndention((short) 1);
        warningAfterNumber = wb.createCellStyle();
        warningAfterNumber.cloneStyleFrom(warning);
        warningAfterNumber.setIndention((short) 1);
    }

    private static Font font(SXSSFWorkbook wb) {
        XSSFFont font = (XSSFFont) wb.createFont();
        font.setFontName("Calibri");
        font.setFamily(FontFamily.SWISS);
        font.setFontHeightInPoints((short) 11);
        return font;
    }
}
