package com.rcm.j3490.input.x12;

import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.RemittanceRowParser;
import com.rcm.j3490.input.RowRejectedException;
import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.rules.Flag;
import com.rcm.j3490.rules.RemittanceLine;
import java.util.Set;

/**
 * One 835 service line (SVC loop 2110) as the same record a remittance CSV row gives: its 1.1
 * columns by name, {@code line} = the SVC segment's position, {@code raw} = the loop's segments.
 * Parsing goes through {@link RemittanceRowParser} like any CSV row, so every validation and rule
 * of the values applies unchanged; the CSV syntax checks (field count, stray quotes) do not, since
 * an 835 is not CSV.
 *
 * @param ordinal   the SVC loop's position among its CLP01's loops in the file (line_number fallback)
 * @param flags     flags section 5 adds: CLAIM_LINE_NOT_FOUND, CLAIM_ADJUSTMENT
 * @param structure null, or why the loop cannot be read at all (a segment with too few elements,
 *                  no SVC02/SVC03): the row is then rejected with that reason
 */
public record X12ServiceLine(CsvRecord record, long ordinal, Set<Flag> flags, String structure) {

    /** The parsed row; throws {@link RowRejectedException} with the reason when rejected. */
    public RemittanceLine parse() {
        if (structure != null) {
            throw new RowRejectedException(structure);
        }
        return RemittanceRowParser.parseMapped(record, ordinal);
    }

    public RowRejection rejection(String reason) {
        return new RowRejection(record.file(), record.line(), reason, record.raw());
    }
}
