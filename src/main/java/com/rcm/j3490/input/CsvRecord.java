package com.rcm.j3490.input;

/**
 * One CSV record with the line it starts on and its raw text.
 *
 * @param header the file's header, to read fields by column name
 */
public record CsvRecord(String file, long line, String[] fields, String raw, HeaderIndex header) {
    /**
     * Longest value a field may hold. Ids, codes, amounts and lists above it reject the row; free
     * text ({@link #text}) is cut to it, ending with {@link #TRUNCATION_MARKER}. Far below Excel's
     * 32,767 characters a cell, so no accepted value can break the workbook.
     */
    public static final int MAX_VALUE_LENGTH = 1000;
    public static final String TRUNCATION_MARKER = com.rcm.j3490.rules.Flag.TRUNCATION_MARKER;

    /** The trimmed value of a column, or null when the column is absent or the value blank; too long rejects the row. */
    public String get(String column) {
        String value = header.value(fields, column);
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            throw new RowRejectedException(column + " is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        return value;
    }

    /** A free-text value (names, descriptions): like {@link #get}, but cut with a marker instead of rejected. */
    public String text(String column) {
        String value = header.value(fields, column);
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            return value.substring(0, MAX_VALUE_LENGTH - TRUNCATION_MARKER.length()) + TRUNCATION_MARKER;
        }
        return value;
    }

    /** The value without any check, for counting and grouping only, never as data. */
    public String peek(String column) {
        return header.value(fields, column);
    }

    public String require(String column) {
        String value = get(column);
        if (value == null) {
            throw new RowRejectedException("missing required value " + column);
        }
        return value;
    }
}
