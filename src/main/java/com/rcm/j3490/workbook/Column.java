package com.rcm.j3490.workbook;

import com.rcm.j3490.rules.ReconciledLine;
import java.util.function.Function;

/** A workbook column: header, cell kind, width in characters, and the value it shows. */
record Column(String header, Kind kind, int width, Function<ReconciledLine, Object> value) {
    enum Kind {
        TEXT, WRAPPED_TEXT, MONEY, DATE, NUMBER
    }
}
