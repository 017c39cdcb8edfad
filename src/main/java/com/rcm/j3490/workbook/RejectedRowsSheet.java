package com.rcm.j3490.workbook;

import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.workbook.Column.Kind;
import java.util.List;
import java.util.function.Consumer;

/** Rejected Rows: every rejected input row (file, line, reason, the raw row); present even when empty. */
final class RejectedRowsSheet {
    static final String NAME = "Rejected Rows";
    private static final List<Column<RowRejection>> COLUMNS = List.of(
            new Column<>("File", Kind.TEXT, 30, RowRejection::file),
            new Column<>("Line", Kind.NUMBER, 8, r -> (long) r.line()),
            new Column<>("Reason", Kind.WRAPPED_TEXT, 60, RowRejection::reason),
            new Column<>("Raw Row", Kind.TEXT, 100, RowRejection::rawRow));

    private RejectedRowsSheet() {
    }

    static void write(WorkbookContext context, Consumer<Consumer<RowRejection>> source) {
        LineSheet sheet = new LineSheet(context, LineSheet.Shape.of(NAME, COLUMNS, List.of(), 0, 0));
        source.accept(rejection -> {
            Object[] values = new Object[COLUMNS.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = COLUMNS.get(i).value().apply(rejection);
            }
            sheet.write(values);
        });
        sheet.finish();
    }
}
