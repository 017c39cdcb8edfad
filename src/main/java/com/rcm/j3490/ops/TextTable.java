package com.rcm.j3490.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table for a terminal: a header row, columns padded, numbers right-aligned. */
final class TextTable {
    private final String[] headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** A header that starts with '>' is a right-aligned (numeric) column; the '>' is not shown. */
    TextTable(String... headers) {
        this.headers = new String[headers.length];
        this.rightAligned = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            rightAligned[i] = headers[i].startsWith(">");
            this.headers[i] = rightAligned[i] ? headers[i].substring(1) : headers[i];
        }
    }

    TextTable row(Object... cells) {
        String[] row = new String[headers.length];
        for (int i = 0; i < row.length; i++) {
            Object c = i < cells.length ? cells[i] : null;
            row[i] = c == null ? "" : c.toString();
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Lines without trailing spaces; {@code indent} is put before each. */
    List<String> lines(String indent) {
        int[] widths = Arrays.stream(headers).mapToInt(String::length).toArray();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size() + 1);
        lines.add(line(indent, headers, widths));
        for (String[] row : rows) {
            lines.add(line(indent, row, widths));
        }
        return lines;
    }

    private String line(String indent, String[] cells, int[] widths) {
        StringBuilder b = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append("  ");
            }
            String pad = " ".repeat(widths[i] - cells[i].length());
            b.append(rightAligned[i] ? pad + cells[i] : cells[i] + pad);
        }
        return b.toString().stripTrailing();
    }
}
