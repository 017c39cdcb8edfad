package com.rcm.j3490.rules;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/** Audit flags of contract 2.6. */
public final class FlagEvaluator {
    private FlagEvaluator() {
    }

    /**
     * @param ndcReading what the line's NDC field says
     * @param ndc        the resolved NDC, null when missing or not normalisable
     * @param pricingRow the pricing row in effect for the NDC on the service date, or null
     * @param pricing    how the line was priced, or null
     * @param contractRowRejected a contract row that may have priced the line was rejected
     */
    public static Set<Flag> evaluate(RemittanceLine line, NdcReading ndcReading, Ndc ndc, PricingRow pricingRow,
            Pricing pricing, Status status, boolean contractRowRejected) {
        EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
        if (ndcReading instanceof NdcReading.Missing) {
            flags.add(Flag.NDC_MISSING);
        } else if (ndc == null) {
            flags.add(Flag.NDC_INVALID);
        }
        boolean jw = line.hasModifier("JW");
        boolean jz = line.hasModifier("JZ");
        if (!jw && !jz) {
            flags.add(Flag.JW_JZ_MISSING);
        }
        if (jw && jz) {
            flags.add(Flag.JW_AND_JZ);
        }
        if (pricingRow != null && pricingRow.hcpcsCode() != null
                && !pricingRow.hcpcsCode().equalsIgnoreCase(line.procedureCode())) {
            flags.add(Flag.SPECIFIC_CODE_EXISTS);
        }
        if (line.drugName() == null || line.drugName().isBlank()) {
            flags.add(Flag.DRUG_DESCRIPTION_MISSING);
        }
        if (pricing != null && pricing.invoice() != null
                && pricing.invoice().invoiceDate().isAfter(line.serviceDate())) {
            flags.add(Flag.INVOICE_AFTER_DOS);
        }
        if (pricing != null && pricing.quantityAssumed()) {
            flags.add(Flag.QUANTITY_ASSUMED);
        }
        if (pricing != null && pricing.unitMismatch()) {
            flags.add(Flag.UNIT_MISMATCH);
        }
        if (status == Status.DENIED_CO16 && line.remarkCodes().isEmpty()) {
            flags.add(Flag.REMARK_CODE_MISSING);
        }
        if (!line.adjustments().isEmpty() && isOutOfBalance(line)) {
            flags.add(Flag.OUT_OF_BALANCE);
        }
        if (isCut(line.drugName()) || isCut(line.patientName()) || isCut(line.payerName())) {
            flags.add(Flag.TEXT_TRUNCATED);
        }
        if (contractRowRejected) {
            flags.add(Flag.CONTRACT_ROW_REJECTED);
        }
        return flags;
    }

    private static boolean isCut(String text) {
        return text != null && text.endsWith(Flag.TRUNCATION_MARKER);
    }

    private static boolean isOutOfBalance(RemittanceLine line) {
        BigDecimal adjusted = line.adjustments().stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return line.billedAmount().subtract(line.paidAmount()).compareTo(adjusted) != 0;
    }
}
