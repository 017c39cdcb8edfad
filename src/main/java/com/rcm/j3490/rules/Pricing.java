package com.rcm.j3490.rules;

import java.math.BigDecimal;

/**
 * The outcome of pricing a line: the basis that priced it, the expected amount in cents, and
 * what it rested on. {@code invoice} is set only when the INVOICE basis priced the line.
 */
public record Pricing(
        Basis basis,
        BigDecimal ratePercent,
        BigDecimal expected,
        InvoiceLine invoice,
        boolean quantityAssumed,
        boolean unitMismatch) {
}
