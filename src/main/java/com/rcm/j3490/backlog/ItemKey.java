package com.rcm.j3490.backlog;

import com.rcm.j3490.rules.ReconciledLine;
import java.util.Comparator;
import java.util.Objects;

/**
 * The identity of a work item: one claim line of one payer, as written (no case folding or
 * trimming: identifiers are kept as the remittance spells them, contract 6.1).
 */
public record ItemKey(String payerId, String claimId, String lineNumber) implements Comparable<ItemKey> {
    private static final Comparator<ItemKey> ORDER = Comparator.comparing(ItemKey::payerId)
            .thenComparing(ItemKey::claimId).thenComparing(ItemKey::lineNumber);

    public ItemKey {
        Objects.requireNonNull(payerId, "payerId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(lineNumber, "lineNumber");
    }

    public static ItemKey of(ReconciledLine line) {
        return new ItemKey(line.payerId(), line.claimId(), line.lineNumber());
    }

    @Override
    public int compareTo(ItemKey other) {
        return ORDER.compare(this, other);
    }
}
