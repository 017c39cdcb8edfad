package com.rcm.j3490.input.x12;

import java.util.List;

/** Receives each sending of a claim as the claim readers (837, claim-lines CSV) read it. */
@FunctionalInterface
public interface ClaimSink {
    /** Every line of one sending of a claim, target code or not (a duplicate REF*6R on any line makes it ambiguous). */
    void offer(String claimId, ClaimVersion version, List<ClaimLine> lines);
}
