package com.rcm.j3490.reconcile;

import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.RemittanceRowParser;
import com.rcm.j3490.input.RowRejectedException;
import com.rcm.j3490.input.x12.X12ServiceLine;
import com.rcm.j3490.rules.Flag;
import com.rcm.j3490.rules.RemittanceLine;
import java.util.Set;

/**
 * One remittance record as read, not yet parsed (parsing happens in the processor, which may
 * run on several threads). A CSV row and an 835 service line (contract 5.2) are the same record:
 * columns of 1.1 by name; an 835 line may also carry the flags section 5 adds and a reason why
 * its loop cannot be read at all.
 *
 * @param seq        the record's ordinal among all remittance records of the run (1-based)
 * @param fileOrder  the file's position among the run's remittance files
 * @param ordinal    the record's position among its claim's records in the file (for a missing line_number)
 * @param flags      flags added by the X12 reader (CLAIM_LINE_NOT_FOUND, CLAIM_ADJUSTMENT); empty for CSV
 * @param structure  null, or why an 835 loop cannot be read (the record is then rejected with it)
 * @param fromX12    an 835 service line: its values are checked as a CSV row's, its (absent) CSV syntax is not
 */
public record RemittanceItem(long seq, int fileOrder, CsvRecord record, long ordinal, Set<Flag> flags,
        String structure, boolean fromX12) {

    public RemittanceItem {
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(flags);
    }

    /** A CSV row. */
    public RemittanceItem(long seq, int fileOrder, CsvRecord record, long ordinal) {
        this(seq, fileOrder, record, ordinal, Set.of(), null, false);
    }

    /** An 835 service line. */
    public static RemittanceItem of(long seq, int fileOrder, X12ServiceLine line) {
        return new RemittanceItem(seq, fileOrder, line.record(), line.ordinal(), line.flags(), line.structure(), true);
    }

    /** The row of 1.1 this record gives; throws {@link RowRejectedException} with the reason when rejected. */
    public RemittanceLine parse() {
        if (structure != null) {
            throw new RowRejectedException(structure);
        }
        // an 835 line has no CSV syntax to check (a quote in its values is data)
        return fromX12 ? RemittanceRowParser.parseMapped(record, ordinal) : RemittanceRowParser.parse(record, ordinal);
    }
}
