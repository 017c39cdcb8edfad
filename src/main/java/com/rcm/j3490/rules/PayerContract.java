package com.rcm.j3490.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One payer contract row; {@code payerId} "*" is the default for payers not listed. */
public record PayerContract(
        String payerId,
        Basis basis,
        BigDecimal ratePercent,
        Basis fallbackBasis,
        BigDecimal fallbackRatePercent,
        BigDecimal toleranceAmount,
        BigDecimal tolerancePercent,
        int appealDays,
        int timelyFilingDays,
        String payerName,
        LocalDate effectiveFrom,
        LocalDate effectiveTo) {

    public static final String DEFAULT_PAYER = "*";
    public static final BigDecimal DEFAULT_TOLERANCE_AMOUNT = new BigDecimal("1.00");
    public static final BigDecimal DEFAULT_TOLERANCE_PERCENT = new BigDecimal("2");
    public static final int DEFAULT_APPEAL_DAYS = 180;
    public static final int DEFAULT_TIMELY_FILING_DAYS = 365;

    public boolean covers(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom))
                && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
