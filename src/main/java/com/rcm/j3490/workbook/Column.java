package com.rcm.j3490.workbook;

import java.util.function.Function;

/** A workbook column: header, cell kind, width in characters, and the value it shows for a row source. */
record Column<T>(String header, Kind kind, int width, Function<T, Object> value) {
    enum Kind {
        TEXT, WRAPPED_TEXT, MONEY, DATE, NUMBER
    }
}
