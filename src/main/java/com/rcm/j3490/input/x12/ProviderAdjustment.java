package com.rcm.j3490.input.x12;

import java.math.BigDecimal;

/**
 * One PLB adjustment (interest L6, recoupment WO, forward balance FB, ...): a reason and its
 * reference (PLB03-1 / PLB03-2, ...) and amount. Positive amounts reduce the payment.
 */
public record ProviderAdjustment(String file, String checkNumber, String payerId, String providerId,
        String fiscalPeriodDate, String reason, String reference, BigDecimal amount) {
}
