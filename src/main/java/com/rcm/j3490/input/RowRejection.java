package com.rcm.j3490.input;

/** A rejected input row: file name, line number (header = 1), reason, and the raw text. */
public record RowRejection(String file, long line, String reason, String rawRow) {
}
