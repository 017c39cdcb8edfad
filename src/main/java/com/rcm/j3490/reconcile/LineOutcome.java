package com.rcm.j3490.reconcile;

import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.rules.ReconciledLine;

/** What became of one remittance record. */
public sealed interface LineOutcome {
    int fileOrder();

    /**
     * A target-code line, reconciled; {@code duplicateKey} identifies a redelivered row;
     * {@code staged} is the line's {@link LineCodec} form, made on the
     * processing thread so the writing thread only stores it.
     */
    record Reconciled(long seq, int fileOrder, String file, long sourceLine, String duplicateKey, ReconciledLine line,
            byte[] staged) implements LineOutcome {

        public Reconciled(long seq, int fileOrder, String file, long sourceLine, String duplicateKey,
                ReconciledLine line) {
            this(seq, fileOrder, file, sourceLine, duplicateKey, line, LineCodec.encode(line));
        }
    }

    record Rejected(int fileOrder, RowRejection rejection) implements LineOutcome {
    }

    /** A line of another procedure code (administration codes and the like): counted only. */
    record OtherCode(int fileOrder) implements LineOutcome {
    }
}
