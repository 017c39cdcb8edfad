package com.rcm.j3490.ops;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/** Reads a sheet of a workbook as text rows (cells as Excel shows them, tab-separated), streaming. */
final class WorkbookSheets {
    private WorkbookSheets() {
    }

    static List<String> rows(Path workbook, String sheetName) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    if (!sheets.getSheetName().equals(sheetName)) {
                        continue;
                    }
                    List<String> rows = new ArrayList<>();
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                            new Collector(rows), new DataFormatter(), false));
                    parser.parse(new InputSource(in));
                    return rows;
                }
            }
        }
        throw new AssertionError("no sheet '" + sheetName + "' in " + workbook);
    }

    private static final class Collector implements SheetContentsHandler {
        private final List<String> rows;
        private List<String> cells;

        Collector(List<String> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(String.join("\t", cells));
        }

        @Override
        public void cell(String ref, String formatted, XSSFComment comment) {
            int column = ref == null ? cells.size() : new CellReference(ref).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(formatted == null ? "" : formatted);
        }
    }
}
