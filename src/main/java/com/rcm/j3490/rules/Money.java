package com.rcm.j3490.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The one place where money is rounded: half-up to cents, only at the edges. */
public final class Money {
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    public static BigDecimal cents(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** numerator / denominator as one exact fraction, rounded half-up to cents once. */
    public static BigDecimal fractionToCents(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, 2, RoundingMode.HALF_UP);
    }

    public static boolean isPositive(BigDecimal amount) {
        return amount != null && amount.signum() > 0;
    }

    public static boolean isZero(BigDecimal amount) {
        return amount != null && amount.signum() == 0;
    }

    public static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(HUNDRED);
    }
}
