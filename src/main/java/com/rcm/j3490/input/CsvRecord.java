package com.rcm.j3490.input;

/**
 * One CSV record with the line it starts on and its raw text.
 *
 * @param header the file's header, to read fields by column name
 */
public record CsvRecord(String file, long line, String[] fields, String raw, HeaderIndex header) {
    /** The trimmed value of a column, or null when the column is absent or the value blank. */
    public String get(String column) {
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
