package com.rcm.j3490.input.x12;

import java.math.BigDecimal;

/** One reason of a claim-level CAS (loop 2100): belongs to no line, shown on the Summary per claim. */
public record ClaimAdjustment(String file, String checkNumber, String payerId, String claimId, String group,
        String reason, BigDecimal amount, BigDecimal quantity) {
}
