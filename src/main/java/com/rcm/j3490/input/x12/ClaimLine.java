package com.rcm.j3490.input.x12;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One service line of the provider's claim (837 loop 2400, or a claim-lines CSV row): what an
 * 835 line lacks. Values are kept as sent; {@code serviceDate} and {@code charge} are null when
 * absent or unreadable (the line then cannot join by code + date + charge).
 */
public record ClaimLine(
        String claimId,
        String lineRef,
        String procedureCode,
        String modifiers,
        String description,
        BigDecimal charge,
        String units,
        LocalDate serviceDate,
        String ndc,
        String ndcQuantity,
        String ndcUnit,
        String patientName) {
}
