package com.rcm.j3490.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One ASP/NOC payment limit for an NDC and a period; {@code effectiveTo} null = open-ended. */
public record PricingRow(
        Ndc ndc,
        BigDecimal paymentLimit,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        BigDecimal billingUnitsPerPackage,
        BigDecimal packageSize,
        String hcpcsCode,
        String drugName,
        String dosage) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
