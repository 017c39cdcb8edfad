package com.rcm.j3490.workbook.poi;

import java.util.Arrays;
import java.util.Iterator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFRow;

/**
 * One row's XML, built in a buffer so that the sheet's writer takes it in one call. POI's
 * {@code SheetDataWriter} writes every tag, attribute and escaped character with a call of its own
 * (about 15 calls a cell and one per character of text): on a night of a million lines and half a
 * million open items that was most of the time spent writing rows. The XML is the same as POI's,
 * character for character, for the rows the job writes: text (inline), numbers and blank cells, a
 * custom height. Any other row (formulas, booleans, errors, hidden, styled or outlined rows) is
 * not built here ({@link #build} answers false) and POI writes it.
 */
final class RowXml {
    private char[] chars = new char[16 * 1024];
    private int length;
    /** The current row's number as written (1-based), in its digits: every cell reference repeats it. */
    private final char[] rowNumber = new char[10];
    private int rowNumberLength;
    private final char[] scratch = new char[10];
    /** Column letters by index ("A", "B", ... "AA"), made once. */
    private String[] columns = new String[0];

    char[] chars() {
        return chars;
    }

    int length() {
        return length;
    }

    /** Builds the row's XML (0-based {@code rownum}); false: a row POI must write. */
    boolean build(int rownum, SXSSFRow row) {
        if (row.getZeroHeight() || row.isFormatted() || row.getOutlineLevel() != 0 || row.getHidden() != null
                || row.getCollapsed() != null) {
            return false;
        }
        begin(rownum, row.hasCustomHeight() ? row.getHeightInPoints() : -1);
        Iterator<Cell> cells = row.allCellsIterator(); // every column up to the last, null where none
        for (int column = 0; cells.hasNext(); column++) {
            Cell cell = cells.next();
            if (cell == null) {
                continue;
            }
            int style = cell.getCellStyle().getIndex() & 0xffff;
            switch (cell.getCellType()) {
                case STRING -> text(column, cell.getStringCellValue(), style);
                case NUMERIC -> number(column, cell.getNumericCellValue(), style);
                case BLANK -> blank(column, style);
                default -> {
                    return false;
                }
            }
        }
        end();
        return true;
    }

    /** Starts a row (0-based {@code rownum}); {@code height} in points, below 0: the default height. */
    void begin(int rownum, float height) {
        length = 0;
        rowNumberLength = digits(rownum + 1, rowNumber);
        append("<row r=\"").append(rowNumber, rowNumberLength).append('"');
        if (height >= 0) {
            append(" customHeight=\"1\" ht=\"").append(Float.toString(height)).append('"');
        }
        append(">\n");
    }

    /** An inline text cell; {@code style} is the cell style's index (0: none). */
    void text(int column, String text, int style) {
        start(column, style);
        append(" t=\"inlineStr\"><is><t");
        if (!text.isEmpty() && (Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1)))) {
            append(" xml:space=\"preserve\"");
        }
        append('>').escaped(text).append("</t></is></c>");
    }

    void number(int column, double value, int style) {
        start(column, style);
        append(" t=\"n\"><v>").append(Double.toString(value)).append("</v></c>");
    }

    void blank(int column, int style) {
        start(column, style);
        append("></c>");
    }

    void end() {
        append("</row>\n");
    }

    private void start(int column, int style) {
        append("<c r=\"").append(column(column)).append(rowNumber, rowNumberLength).append('"');
        if (style != 0) {
            append(" s=\"").append(scratch, digits(style, scratch)).append('"');
        }
    }

    private String column(int index) {
        if (index >= columns.length) {
            int from = columns.length;
            columns = Arrays.copyOf(columns, Math.max(index + 1, from * 2));
            for (int i = from; i < columns.length; i++) {
                columns[i] = CellReference.convertNumToColString(i);
            }
        }
        return columns[index];
    }

    /**
     * Text as POI escapes it: the five XML specials but the apostrophe, line breaks, tabs and the
     * no-break space as character references, other control characters and U+FFFE/U+FFFF as
     * {@code ?}. A lone surrogate goes through as it is (the writer's encoder makes it {@code ?}).
     */
    private RowXml escaped(String s) {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> append("&lt;");
                case '>' -> append("&gt;");
                case '&' -> append("&amp;");
                case '"' -> append("&quot;");
                case '\n' -> append("&#xa;");
                case '\r' -> append("&#xd;");
                case '\t' -> append("&#x9;");
                case '\u00A0' -> append("&#xa0;");
                default -> {
                    if (c < ' ' || c >= '\uFFFE') {
                        c = '?';
                    }
                    room(1);
                    chars[length++] = c; // a surrogate pair goes through one half at a time, in order
                }
            }
        }
        return this;
    }

    private RowXml append(String s) {
        int n = s.length();
        room(n);
        s.getChars(0, n, chars, length);
        length += n;
        return this;
    }

    private RowXml append(char[] c, int n) {
        room(n);
        System.arraycopy(c, 0, chars, length, n);
        length += n;
        return this;
    }

    /** The decimal digits of {@code value} (not negative) into {@code to}; their count. */
    private static int digits(int value, char[] to) {
        int n = 0;
        do {
            to[n++] = (char) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            char t = to[i];
            to[i] = to[j];
            to[j] = t;
        }
        return n;
    }

    private RowXml append(char c) {
        room(1);
        chars[length++] = c;
        return this;
    }

    private void room(int n) {
        if (length + n > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + n));
        }
    }
}
