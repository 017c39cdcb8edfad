package com.rcm.j3490.workbook.poi;

import java.io.IOException;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;

/**
 * Rows written straight into a streamed sheet's XML, without SXSSF's row and cell objects (per
 * cell an object, a tree-map entry and a style lookup, then read back to write the XML): for a
 * sheet written in order, row by row. The XML is the one SXSSF writes for the same cells
 * ({@link RowXml}).
 *
 * <p>Rules of use: the sheet's window is empty when the first direct row is written
 * ({@code flushRows()} after the header row); rows ascend; cells ascend within a row; a row
 * created through the sheet afterwards comes after the last direct row (SXSSF takes the sheet's
 * dimension from the last row it holds, so the last row should go through the sheet).
 */
public final class DirectRows {
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private final DeflatingSheetDataWriter writer;
    private final RowXml xml = new RowXml();
    private int rownum = -1;
    private int lastColumn = -1;

    DirectRows(DeflatingSheetDataWriter writer) {
        this.writer = writer;
    }

    /** Starts row {@code rownum} (0-based); {@code height} in points, 0 for the default. */
    public DirectRows begin(int rownum, float height) {
        if (rownum <= writer.getLastFlushedRow()) {
            throw new IllegalArgumentException("row " + rownum + " is not after the last row written, "
                    + writer.getLastFlushedRow());
        }
        this.rownum = rownum;
        lastColumn = -1;
        xml.begin(rownum, height > 0 ? height : -1);
        return this;
    }

    /** A text cell; longer than a cell can hold is refused, as SXSSF refuses it. */
    public DirectRows text(int column, String value, CellStyle style) {
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException("The maximum length of cell contents (text) is " + MAX_TEXT
                    + " characters");
        }
        xml.text(next(column), value, index(style));
        return this;
    }

    /** A number cell; not a finite number is refused (SXSSF would make it an error cell). */
    public DirectRows number(int column, double value, CellStyle style) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("column " + column + ": " + value + " is not a number a cell can hold");
        }
        xml.number(next(column), value, index(style));
        return this;
    }

    /** Ends the row and writes it to the sheet. */
    public void end() throws IOException {
        xml.end();
        writer.write(rownum, lastColumn < 0 ? -1 : lastColumn + 1, xml);
    }

    private int next(int column) {
        if (column <= lastColumn) {
            throw new IllegalArgumentException("column " + column + " is not after column " + lastColumn);
        }
        lastColumn = column;
        return column;
    }

    private static int index(CellStyle style) {
        return style == null ? 0 : style.getIndex() & 0xffff;
    }
}
