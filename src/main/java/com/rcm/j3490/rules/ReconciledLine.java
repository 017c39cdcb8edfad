package com.rcm.j3490.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A reconciled target line: what was billed and paid, what should have been paid, and what to
 * do about it. {@code expected}, {@code variance} and {@code basis} are null when no expected
 * payment could be computed. {@code appealDeadline} is null when the line has no appeal rights
 * (remark MA130); {@code adjustments} are the payer's CAS adjustments as sent
 * ({@code GROUP-REASON:AMOUNT[:QUANTITY]}, ";"-separated); {@code resubmitBy} is the timely-filing
 * deadline for a new or corrected claim.
 */
public record ReconciledLine(
        String claimId,
        String lineNumber,
        String checkNumber,
        String claimStatus,
        String payerId,
        String payerName,
        String payerClaimNumber,
        String patientName,
        LocalDate serviceDate,
        LocalDate paymentDate,
        String procedureCode,
        String modifiers,
        String ndc,
        String drugName,
        BigDecimal ndcQuantity,
        String ndcUnit,
        BigDecimal unitsBilled,
        BigDecimal billed,
        BigDecimal paid,
        BigDecimal reimbursed,
        BigDecimal expected,
        BigDecimal variance,
        Basis basis,
        BigDecimal ratePercent,
        String invoiceNumber,
        Status status,
        List<String> denialCodes,
        List<String> remarkCodes,
        Set<Flag> flags,
        String reworkAction,
        String team,
        LocalDate appealDeadline,
        BigDecimal amountAtStake,
        DrugSource drugSource,
        BigDecimal unitsPaid,
        BigDecimal allowed,
        String adjustments,
        LocalDate resubmitBy) {

    public ReconciledLine {
        denialCodes = List.copyOf(denialCodes);
        remarkCodes = List.copyOf(remarkCodes);
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        drugSource = drugSource == null ? DrugSource.NONE : drugSource;
    }

    /**
     * This line with more flags: those an input format adds beside the rules (an 835 line whose
     * claim carries claim-level CAS, or that joined no claim line; contract 5.5).
     */
    public ReconciledLine withFlags(Set<Flag> more) {
        if (more.isEmpty() || flags.containsAll(more)) {
            return this;
        }
        EnumSet<Flag> all = EnumSet.noneOf(Flag.class);
        all.addAll(flags);
        all.addAll(more);
        return new ReconciledLine(claimId, lineNumber, checkNumber, claimStatus, payerId, payerName, payerClaimNumber,
                patientName, serviceDate, paymentDate, procedureCode, modifiers, ndc, drugName, ndcQuantity, ndcUnit,
                unitsBilled, billed, paid, reimbursed, expected, variance, basis, ratePercent, invoiceNumber, status,
                denialCodes, remarkCodes, all, reworkAction, team, appealDeadline, amountAtStake, drugSource, unitsPaid,
                allowed, adjustments, resubmitBy);
    }

    /** Flags in their declared order, ";"-separated. */
    public String flagsText() {
        return String.join(";", EnumSet.copyOf(flags.isEmpty() ? EnumSet.noneOf(Flag.class) : flags)
                .stream().map(Enum::name).toList());
    }
}
