package com.rcm.j3490.input.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The provider's claim lines held in memory (tests, tools, small inputs; the job stages them in
 * its database instead, see docs/x12.md). Only claims that have a target-code line are kept, each
 * with its target-code lines only. A claim sent again replaces its earlier version when the new one
 * is at least as late ({@link ClaimVersion}); a later version without target lines removes it.
 */
public final class ClaimLineIndex implements ClaimLineLookup, ClaimSink {
    private final Set<String> targetCodes;
    private final Map<String, StoredClaim> claims = new HashMap<>();

    private static final class StoredClaim {
        final ClaimVersion version;
        final List<ClaimLine> lines;
        final boolean[] joined;
        /** Two lines of the claim share a REF*6R: none of its lines joins. */
        final boolean ambiguous;

        StoredClaim(ClaimVersion version, List<ClaimLine> lines, boolean ambiguous) {
            this.version = version;
            this.lines = lines;
            this.joined = new boolean[lines.size()];
            this.ambiguous = ambiguous;
        }
    }

    public ClaimLineIndex(Set<String> targetCodes) {
        this.targetCodes = ClaimJoin.upper(targetCodes);
    }

    /** Offers every line of one sending of a claim. */
    @Override
    public void offer(String claimId, ClaimVersion version, List<ClaimLine> lines) {
        StoredClaim stored = claims.get(claimId);
        if (stored != null && version.compareTo(stored.version) < 0) {
            return;
        }
        List<ClaimLine> target = ClaimJoin.targetLines(targetCodes, lines);
        if (target.isEmpty()) {
            claims.remove(claimId);
            return;
        }
        claims.put(claimId, new StoredClaim(version, target, ClaimJoin.ambiguous(lines)));
    }

    @Override
    public Optional<ClaimLine> join(String claimId, String lineRef, String procedureCode, LocalDate serviceDate,
            BigDecimal charge) {
        StoredClaim claim = claimId == null ? null : claims.get(claimId);
        if (claim == null || claim.ambiguous) {
            return Optional.empty();
        }
        int match = ClaimJoin.match(claim.lines, lineRef, procedureCode, serviceDate, charge);
        if (match < 0) {
            return Optional.empty();
        }
        claim.joined[match] = true;
        return Optional.of(claim.lines.get(match));
    }

    @Override
    public long lineCount() {
        return claims.values().stream().mapToLong(c -> c.lines.size()).sum();
    }

    @Override
    public long unjoinedLineCount() {
        long count = 0;
        for (StoredClaim claim : claims.values()) {
            for (boolean j : claim.joined) {
                if (!j) {
                    count++;
                }
            }
        }
        return count;
    }

    public boolean isEmpty() {
        return claims.isEmpty();
    }
}
