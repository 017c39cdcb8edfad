package com.rcm.j3490.reconcile;

import com.rcm.j3490.input.CsvRecord;

/**
 * One remittance record as read, not yet parsed (parsing happens in the processor, which may
 * run on several threads).
 *
 * @param seq       the record's ordinal among all remittance records of the run (1-based)
 * @param fileOrder the file's position among the run's remittance files
 * @param ordinal   the record's position among its claim's records in the file (for a missing line_number)
 */
public record RemittanceItem(long seq, int fileOrder, CsvRecord record, long ordinal) {
}
