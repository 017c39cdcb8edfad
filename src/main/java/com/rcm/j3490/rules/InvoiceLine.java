package com.rcm.j3490.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One drug purchase invoice line. {@code ndc} may be null only when {@code claimId} is set. */
public record InvoiceLine(
        String invoiceNumber,
        LocalDate invoiceDate,
        Ndc ndc,
        BigDecimal unitCost,
        BigDecimal packageSize,
        String packageUnit,
        BigDecimal quantity,
        String supplier,
        String drugName,
        String lotNumber,
        LocalDate expirationDate,
        String claimId) {
}
