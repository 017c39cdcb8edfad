package com.rcm.j3490.input.x12;

import java.math.BigDecimal;
import java.util.List;

/**
 * Balancing of one 835 transaction set (contract 5.2): Σ CLP04 − Σ PLB = BPR02, with the claims
 * whose CLP03 − Σ CAS ≠ CLP04 and a count of service lines whose SVC02 − Σ CAS ≠ SVC03.
 * Amounts that could not be read count as zero and leave the set unbalanced only if they matter.
 */
public record TransactionBalance(
        String file,
        long stPosition,
        String checkNumber,
        String payerId,
        String payerName,
        BigDecimal paymentAmount,
        BigDecimal claimPaidTotal,
        BigDecimal providerAdjustmentTotal,
        int claims,
        int serviceLines,
        int unbalancedServiceLines,
        List<ClaimBalance> unbalancedClaims) {

    /** BPR02 − (Σ CLP04 − Σ PLB); zero when the transaction balances. */
    public BigDecimal difference() {
        return paymentAmount.subtract(claimPaidTotal.subtract(providerAdjustmentTotal));
    }

    public boolean transactionBalances() {
        return difference().signum() == 0;
    }

    public boolean claimsBalance() {
        return unbalancedClaims.isEmpty();
    }

    public boolean serviceLinesBalance() {
        return unbalancedServiceLines == 0;
    }

    /** One claim that does not balance: CLP03 − Σ claim and line CAS ≠ CLP04. */
    public record ClaimBalance(String claimId, BigDecimal charge, BigDecimal paid, BigDecimal adjustments) {
        public BigDecimal difference() {
            return charge.subtract(adjustments).subtract(paid);
        }
    }
}
