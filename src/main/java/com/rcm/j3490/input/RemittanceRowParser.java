package com.rcm.j3490.input;

import static com.rcm.j3490.input.Columns.*;

import com.rcm.j3490.rules.RemittanceLine;
import java.math.BigDecimal;

/** Turns a remittance CSV record into a {@link RemittanceLine}, or rejects it. */
public final class RemittanceRowParser {
    private RemittanceRowParser() {
    }

    /**
     * A CSV row: its CSV syntax checked first (field count, stray quotes), then its values.
     *
     * @param ordinal the row's position among rows of its claim in this file, used when the
     *                file gives no line_number
     */
    public static RemittanceLine parse(CsvRecord r, long ordinal) {
        CsvRecordReader.checkWidth(r);
        return parseMapped(r, ordinal);
    }

    /**
     * A row mapped field by field from another format (an 835 service line, contract 5.2): its
     * values go through every rule of a CSV row's, but it has no CSV syntax to break, so a quote
     * in a value (a payer named {@code ACME "BEST" PLAN}) is data, not a stray quote.
     */
    public static RemittanceLine parseMapped(CsvRecord r, long ordinal) {
        BigDecimal unitsBilled = FieldParser.absoluteQuantity(UNITS_BILLED, r.get(UNITS_BILLED));
        String lineNumber = r.get(LINE_NUMBER);
        return new RemittanceLine(
                r.require(CLAIM_ID),
                r.require(PAYER_ID),
                FieldParser.requiredDate(SERVICE_DATE, r.get(SERVICE_DATE)),
                r.require(PROCEDURE_CODE).toUpperCase(java.util.Locale.ROOT),
                FieldParser.requiredAmount(BILLED_AMOUNT, r.get(BILLED_AMOUNT)),
                FieldParser.requiredAmount(PAID_AMOUNT, r.get(PAID_AMOUNT)),
                r.text(PAYER_NAME),
                r.get(CHECK_NUMBER),
                FieldParser.date(PAYMENT_DATE, r.get(PAYMENT_DATE)),
                r.get(CLAIM_STATUS),
                r.get(PAYER_CLAIM_NUMBER),
                lineNumber != null ? lineNumber : Long.toString(ordinal),
                FieldParser.modifiers(r.get(MODIFIERS)),
                r.get(NDC),
                r.text(DRUG_NAME),
                FieldParser.absoluteQuantity(NDC_QUANTITY, r.get(NDC_QUANTITY)),
                r.get(NDC_UNIT) == null ? null : r.get(NDC_UNIT).toUpperCase(java.util.Locale.ROOT),
                unitsBilled != null ? unitsBilled : BigDecimal.ONE,
                FieldParser.absoluteQuantity(UNITS_PAID, r.get(UNITS_PAID)),
                FieldParser.amount(ALLOWED_AMOUNT, r.get(ALLOWED_AMOUNT)),
                FieldParser.adjustments(ADJUSTMENTS, r.get(ADJUSTMENTS)),
                FieldParser.list(r.get(REMARK_CODES)).stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList(),
                r.text(PATIENT_NAME));
    }
}
