package com.rcm.j3490.input;

import static com.rcm.j3490.input.Columns.*;

import java.util.List;

/** The four input files and the columns each must have. */
public enum InputKind {
    REMITTANCE("remittance", List.of(CLAIM_ID, PAYER_ID, SERVICE_DATE, PROCEDURE_CODE, BILLED_AMOUNT, PAID_AMOUNT)),
    INVOICES("invoices", List.of(INVOICE_NUMBER, INVOICE_DATE, UNIT_COST)),
    PRICING("pricing reference", List.of(NDC, PAYMENT_LIMIT, EFFECTIVE_FROM)),
    CONTRACTS("payer contracts", List.of(PAYER_ID, BASIS, RATE_PERCENT)),
    CODE_DESCRIPTIONS("code descriptions", List.of(CODE, DESCRIPTION)),
    /** The provider's claim lines exported as CSV (contract 5.4). */
    CLAIM_LINES("claim lines", List.of(CLAIM_ID));

    private final String label;
    private final List<String> requiredColumns;

    InputKind(String label, List<String> requiredColumns) {
        this.label = label;
        this.requiredColumns = requiredColumns;
    }

    public String label() {
        return label;
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }
}
