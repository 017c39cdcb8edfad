package com.rcm.j3490.reconcile;

import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.rules.RemittanceLine;

/**
 * One remittance record as read: either a parsed line or a rejection.
 *
 * @param seq       the record's ordinal among all remittance records of the run (1-based)
 * @param fileOrder the file's position among the run's remittance files
 */
public record RemittanceItem(long seq, int fileOrder, String file, long line, RemittanceLine parsed,
        RowRejection rejection) {
}
