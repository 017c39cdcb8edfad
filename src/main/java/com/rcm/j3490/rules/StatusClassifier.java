package com.rcm.j3490.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Decides a line's status: the first rule of contract 2.4 that holds. */
public final class StatusClassifier {
    private static final List<String> CLASSIFIED_DENIALS = List.of("16", "50", "151");
    private static final Set<String> PAYER_GROUPS = Set.of("CO", "OA", "PI");

    private StatusClassifier() {
    }

    /**
     * @param expected  expected payment in cents, null when none could be computed
     * @param tolerance allowed |variance|, ignored when expected is null
     */
    public static Status classify(RemittanceLine line, BigDecimal expected, BigDecimal variance, BigDecimal tolerance) {
        if ("22".equals(line.claimStatus())) {
            return Status.REVERSED;
        }
        Status denial = classifiedDenial(line.adjustments());
        if (denial != null) {
            return denial;
        }
        boolean nothingPaid = Money.isZero(line.paidAmount());
        if (nothingPaid && ("4".equals(line.claimStatus()) || line.adjustments().stream()
                .anyMatch(a -> a.isPositive() && PAYER_GROUPS.contains(a.group()) && !a.isContractualWriteOff()))) {
            return Status.DENIED_OTHER;
        }
        if (nothingPaid && line.adjustments().stream().anyMatch(a -> a.isPositive() && a.isPatientResponsibility())
                && line.adjustments().stream().filter(Adjustment::isPositive)
                        .allMatch(a -> a.isPatientResponsibility() || a.isContractualWriteOff())) {
            return Status.PATIENT_RESP;
        }
        if (expected == null) {
            return Status.NO_EXPECTED;
        }
        if (variance.compareTo(tolerance.negate()) < 0) {
            return Status.UNDERPAID;
        }
        if (variance.compareTo(tolerance) > 0) {
            return Status.OVERPAID;
        }
        return Status.PAID_OK;
    }

    /** CO-16/50/151: positive amounts summed per reason; the largest total wins, ties in 16, 50, 151 order. */
    static Status classifiedDenial(List<Adjustment> adjustments) {
        String winner = null;
        BigDecimal best = BigDecimal.ZERO;
        for (String reason : CLASSIFIED_DENIALS) {
            BigDecimal total = BigDecimal.ZERO;
            for (Adjustment a : adjustments) {
                if (a.isPositive() && a.is("CO", reason)) {
                    total = total.add(a.amount());
                }
            }
            if (total.signum() > 0 && total.compareTo(best) > 0) {
                winner = reason;
                best = total;
            }
        }
        return winner == null ? null : Status.valueOf("DENIED_CO" + winner);
    }

    /** Amount at stake (contract 2.4), in cents. */
    public static BigDecimal amountAtStake(Status status, RemittanceLine line, BigDecimal expected,
            BigDecimal reimbursed, BigDecimal variance) {
        BigDecimal amount = switch (status) {
            case DENIED_CO16, DENIED_CO50, DENIED_CO151, DENIED_OTHER -> expected != null ? expected : line.billedAmount();
            case UNDERPAID -> variance.negate();
            case OVERPAID -> variance;
            case NO_EXPECTED -> line.billedAmount().subtract(reimbursed).max(BigDecimal.ZERO);
            case PATIENT_RESP -> line.patientResponsibility();
            case REVERSED -> line.paidAmount().abs();
            case PAID_OK -> BigDecimal.ZERO;
        };
        return Money.cents(amount);
    }
}
