package com.rcm.j3490.input;

/** Every input column name the job knows, in the normalised form headers are matched against. */
public final class Columns {
    private Columns() {
    }

    // shared
    public static final String CLAIM_ID = "claim_id";
    public static final String PAYER_ID = "payer_id";
    public static final String PAYER_NAME = "payer_name";
    public static final String NDC = "ndc";
    public static final String DRUG_NAME = "drug_name";
    public static final String PACKAGE_SIZE = "package_size";
    public static final String EFFECTIVE_FROM = "effective_from";
    public static final String EFFECTIVE_TO = "effective_to";

    // remittance (835 loop 2110)
    public static final String SERVICE_DATE = "service_date";
    public static final String PROCEDURE_CODE = "procedure_code";
    public static final String BILLED_AMOUNT = "billed_amount";
    public static final String PAID_AMOUNT = "paid_amount";
    public static final String CHECK_NUMBER = "check_number";
    public static final String PAYMENT_DATE = "payment_date";
    public static final String CLAIM_STATUS = "claim_status";
    public static final String PAYER_CLAIM_NUMBER = "payer_claim_number";
    public static final String LINE_NUMBER = "line_number";
    public static final String MODIFIERS = "modifiers";
    public static final String NDC_QUANTITY = "ndc_quantity";
    public static final String NDC_UNIT = "ndc_unit";
    public static final String UNITS_BILLED = "units_billed";
    public static final String UNITS_PAID = "units_paid";
    public static final String ALLOWED_AMOUNT = "allowed_amount";
    public static final String ADJUSTMENTS = "adjustments";
    public static final String REMARK_CODES = "remark_codes";
    public static final String PATIENT_NAME = "patient_name";

    // invoices
    public static final String INVOICE_NUMBER = "invoice_number";
    public static final String INVOICE_DATE = "invoice_date";
    public static final String UNIT_COST = "unit_cost";
    public static final String PACKAGE_UNIT = "package_unit";
    public static final String QUANTITY = "quantity";
    public static final String SUPPLIER = "supplier";
    public static final String LOT_NUMBER = "lot_number";
    public static final String EXPIRATION_DATE = "expiration_date";

    // pricing reference
    public static final String PAYMENT_LIMIT = "payment_limit";
    public static final String BILLING_UNITS_PER_PACKAGE = "billing_units_per_package";
    public static final String HCPCS_CODE = "hcpcs_code";
    public static final String DOSAGE = "dosage";

    // payer contracts
    public static final String BASIS = "basis";
    public static final String RATE_PERCENT = "rate_percent";
    public static final String FALLBACK_BASIS = "fallback_basis";
    public static final String FALLBACK_RATE_PERCENT = "fallback_rate_percent";
    public static final String TOLERANCE_AMOUNT = "tolerance_amount";
    public static final String TOLERANCE_PERCENT = "tolerance_percent";
    public static final String APPEAL_DAYS = "appeal_days";
    public static final String TIMELY_FILING_DAYS = "timely_filing_days";

    // CARC / RARC descriptions
    public static final String CODE = "code";
    public static final String DESCRIPTION = "description";

    /** Header text to column name: case-insensitive, with "_", "-" and space treated alike. */
    public static String normalise(String header) {
        String h = header.replace("\uFEFF", "").trim().toLowerCase(java.util.Locale.ROOT);
        return h.replaceAll("[\\s_\\-]+", "_");
    }
}
