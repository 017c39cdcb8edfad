package com.rcm.j3490.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One parsed 835 service line. Optional amounts and quantities are null when absent;
 * {@code ndcQuantity} is already an absolute value and null when zero.
 */
public record RemittanceLine(
        String claimId,
        String payerId,
        LocalDate serviceDate,
        String procedureCode,
        BigDecimal billedAmount,
        BigDecimal paidAmount,
        String payerName,
        String checkNumber,
        LocalDate paymentDate,
        String claimStatus,
        String payerClaimNumber,
        String lineNumber,
        List<String> modifiers,
        String ndc,
        String drugName,
        BigDecimal ndcQuantity,
        String ndcUnit,
        BigDecimal unitsBilled,
        BigDecimal unitsPaid,
        BigDecimal allowedAmount,
        List<Adjustment> adjustments,
        List<String> remarkCodes,
        String patientName) {

    public boolean hasModifier(String modifier) {
        return modifiers.contains(modifier);
    }

    public boolean hasRemark(String code) {
        return remarkCodes.contains(code);
    }

    /** The payer's main denial reason: the largest positive adjustment that is neither PR nor CO-45 (first on ties). */
    public java.util.Optional<Adjustment> primaryDenialAdjustment() {
        return adjustments.stream()
                .filter(a -> a.isPositive() && !a.isPatientResponsibility() && !a.isContractualWriteOff())
                .max(java.util.Comparator.comparing(Adjustment::amount));
    }

    /** Sum of all PR adjustments (what the patient or a secondary payer owes). */
    public BigDecimal patientResponsibility() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Adjustment a : adjustments) {
            if (a.isPatientResponsibility()) {
                sum = sum.add(a.amount());
            }
        }
        return sum;
    }
}
