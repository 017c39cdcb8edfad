package com.rcm.j3490.input;

import static com.rcm.j3490.input.Columns.*;

import java.util.List;

/**
 * The input files, the columns each must have as CSV, and the file names a folder of them is read
 * for (contract 4 and 5.1: remittances and claims may also be X12, recognised by content).
 */
public enum InputKind {
    REMITTANCE("remittance", List.of(CLAIM_ID, PAYER_ID, SERVICE_DATE, PROCEDURE_CODE, BILLED_AMOUNT, PAID_AMOUNT),
            List.of(".csv", ".835", ".edi", ".x12", ".txt")),
    INVOICES("invoices", List.of(INVOICE_NUMBER, INVOICE_DATE, UNIT_COST)),
    PRICING("pricing reference", List.of(NDC, PAYMENT_LIMIT, EFFECTIVE_FROM)),
    CONTRACTS("payer contracts", List.of(PAYER_ID, BASIS, RATE_PERCENT)),
    CODE_DESCRIPTIONS("code descriptions", List.of(CODE, DESCRIPTION)),
    /** The provider's claims (recon.input.claims): X12 837 files or claim lines exported as CSV (contract 5.4). */
    CLAIM_LINES("claims", List.of(CLAIM_ID), List.of(".837", ".edi", ".x12", ".txt", ".csv"));

    private final String label;
    private final List<String> requiredColumns;
    private final List<String> extensions;

    InputKind(String label, List<String> requiredColumns) {
        this(label, requiredColumns, List.of(".csv"));
    }

    InputKind(String label, List<String> requiredColumns, List<String> extensions) {
        this.label = label;
        this.requiredColumns = requiredColumns;
        this.extensions = extensions;
    }

    /** Lower-case name endings of the files read from a folder of this kind. */
    public List<String> extensions() {
        return extensions;
    }

    public String label() {
        return label;
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }
}
