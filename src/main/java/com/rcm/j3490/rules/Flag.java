package com.rcm.j3490.rules;

/** Audit flags (contract 2.6); several may apply to a line and none changes its status. */
public enum Flag {
    NDC_MISSING,
    NDC_INVALID,
    JW_JZ_MISSING,
    JW_AND_JZ,
    SPECIFIC_CODE_EXISTS,
    DRUG_DESCRIPTION_MISSING,
    INVOICE_AFTER_DOS,
    QUANTITY_ASSUMED,
    UNIT_MISMATCH,
    REMARK_CODE_MISSING,
    OUT_OF_BALANCE,
    /** A contract row of the line's payer (or of the default payer it fell back to) was rejected. */
    CONTRACT_ROW_REJECTED,
    /** A free-text field (drug, patient or payer name) was longer than the input limit and was cut. */
    TEXT_TRUNCATED,
    /** Claims were given and the 835 line joined none of their lines (contract 5.3). */
    CLAIM_LINE_NOT_FOUND,
    /** The line's claim carries claim-level CAS in the 835 (contract 5.5). */
    CLAIM_ADJUSTMENT;

    /** Ends a free-text value cut at the input limit (the input package cuts, the flag reads it). */
    public static final String TRUNCATION_MARKER = " [...cut]";
}
