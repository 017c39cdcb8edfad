package com.rcm.j3490.input.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/**
 * The provider's claim lines as the 835 reader joins them (contract 5.3): in memory
 * ({@link ClaimLineIndex}, small inputs and tests) or staged in the job's database (the job).
 * The rule itself is {@link ClaimJoin}'s, whatever holds the lines.
 */
public interface ClaimLineLookup {

    /**
     * Says which claims the next {@link #join} calls will ask for (one batch of 835 lines), so a
     * store can fetch them at once. Joining a claim not announced still works, one claim at a time.
     */
    default void prepare(Collection<String> claimIds) {
    }

    /**
     * The claim line an 835 line joins: same claim and REF*6R ignoring case; else the only line
     * with the same code, service date and charge ignoring sign; else none. Marks it joined.
     */
    Optional<ClaimLine> join(String claimId, String lineRef, String procedureCode, LocalDate serviceDate,
            BigDecimal charge);

    /** Target-code claim lines (latest versions) kept for joining. */
    long lineCount();

    /** Target-code claim lines no 835 line joined: not reconciled, counted on the Summary. */
    long unjoinedLineCount();
}
