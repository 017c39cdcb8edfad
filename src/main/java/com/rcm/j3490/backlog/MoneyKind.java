package com.rcm.j3490.backlog;

import com.rcm.j3490.rules.Status;
import java.util.Optional;

/**
 * Kinds of money on the worklists that are never added into one figure (contract 6.2): what the
 * payers still owe us, what we owe them back, what patients owe, and what payers took back.
 */
public enum MoneyKind {
    RECOVERABLE("Recoverable"),
    REFUND_OWED("Refund owed"),
    PATIENT_BALANCE("Patient balance"),
    REVERSED("Reversed");

    private final String label;

    MoneyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind of an item's amount at stake; empty for PAID_OK (nothing at stake). */
    public static Optional<MoneyKind> of(Status status) {
        return Optional.ofNullable(switch (status) {
            case DENIED_CO16, DENIED_CO50, DENIED_CO151, DENIED_OTHER, UNDERPAID, NO_EXPECTED -> RECOVERABLE;
            case OVERPAID -> REFUND_OWED;
            case PATIENT_RESP -> PATIENT_BALANCE;
            case REVERSED -> REVERSED;
            case PAID_OK -> null;
        });
    }
}
