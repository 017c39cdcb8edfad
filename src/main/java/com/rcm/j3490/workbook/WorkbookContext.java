package com.rcm.j3490.workbook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** What the sheets of one workbook share: the workbook, its styles, its limits, and how every sheet prints. */
record WorkbookContext(SXSSFWorkbook workbook, WorkbookStyles styles, LocalDate runDate, int maxDataRows,
        int deadlineWarningDays, List<String[]> continuations) {
    /** Footer text: every printed page says what it is, which page, which night, and that it holds PHI (6.4). */
    static final String PHI = "Contains PHI";

    WorkbookContext(SXSSFWorkbook workbook, WorkbookStyles styles, LocalDate runDate, int maxDataRows,
            int deadlineWarningDays) {
        this(workbook, styles, runDate, maxDataRows, deadlineWarningDays,
                Collections.synchronizedList(new ArrayList<>()));
    }

    /** Landscape, one page wide (as many pages down as it takes), the header row on every page, the footer. */
    void printSetup(Sheet sheet) {
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.LETTER_PAPERSIZE);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        sheet.getFooter().setLeft("&A");
        sheet.getFooter().setCenter("Page &P of &N");
        sheet.getFooter().setRight("Run date " + runDate + " \u2013 " + PHI);
    }
}
