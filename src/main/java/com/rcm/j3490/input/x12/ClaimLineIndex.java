package com.rcm.j3490.input.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The provider's claim lines an 835 line can join (contract 5.3). Memory: only claims that have
 * a target-code line are kept, each with its target-code lines only (one compact record per
 * line), so it grows with the night's drug lines, not with every claim sent. A claim sent again
 * replaces its earlier version when the new one is at least as late ({@link ClaimVersion}); a
 * later version without target lines removes it.
 */
public final class ClaimLineIndex {
    private final Set<String> targetCodes;
    private final Map<String, StoredClaim> claims = new HashMap<>();

    private static final class StoredClaim {
        final ClaimVersion version;
        final ClaimLine[] lines;
        final boolean[] joined;
        /** Two lines of the claim share a REF*6R: none of its lines joins. */
        final boolean ambiguous;

        StoredClaim(ClaimVersion version, ClaimLine[] lines, boolean ambiguous) {
            this.version = version;
            this.lines = lines;
            this.joined = new boolean[lines.length];
            this.ambiguous = ambiguous;
        }
    }

    public ClaimLineIndex(Set<String> targetCodes) {
        Set<String> upper = new HashSet<>();
        targetCodes.forEach(c -> upper.add(c.toUpperCase(Locale.ROOT)));
        this.targetCodes = Set.copyOf(upper);
    }

    /** Offers every line of one sending of a claim. */
    public void offer(String claimId, ClaimVersion version, List<ClaimLine> lines) {
        StoredClaim stored = claims.get(claimId);
        if (stored != null && version.compareTo(stored.version) < 0) {
            return;
        }
        ClaimLine[] target = lines.stream().filter(l -> isTarget(l.procedureCode())).toArray(ClaimLine[]::new);
        if (target.length == 0) {
            claims.remove(claimId);
            return;
        }
        Set<String> refs = new HashSet<>();
        boolean ambiguous = false;
        for (ClaimLine line : lines) {
            if (line.lineRef() != null && !refs.add(line.lineRef().toLowerCase(Locale.ROOT))) {
                ambiguous = true;
            }
        }
        claims.put(claimId, new StoredClaim(version, target, ambiguous));
    }

    /**
     * The claim line an 835 line joins: same claim and REF*6R ignoring case; else the only line
     * with the same code, service date and charge ignoring sign; else none. Marks it joined.
     */
    public Optional<ClaimLine> join(String claimId, String lineRef, String procedureCode, LocalDate serviceDate,
            BigDecimal charge) {
        StoredClaim claim = claimId == null ? null : claims.get(claimId);
        if (claim == null || claim.ambiguous) {
            return Optional.empty();
        }
        if (lineRef != null && !lineRef.isEmpty()) {
            for (int i = 0; i < claim.lines.length; i++) {
                if (lineRef.equalsIgnoreCase(claim.lines[i].lineRef())) {
                    claim.joined[i] = true;
                    return Optional.of(claim.lines[i]);
                }
            }
        }
        if (procedureCode == null || serviceDate == null || charge == null) {
            return Optional.empty();
        }
        int match = -1;
        for (int i = 0; i < claim.lines.length; i++) {
            ClaimLine line = claim.lines[i];
            if (procedureCode.equalsIgnoreCase(line.procedureCode()) && serviceDate.equals(line.serviceDate())
                    && line.charge() != null && line.charge().abs().compareTo(charge.abs()) == 0) {
                if (match >= 0) {
                    return Optional.empty();
                }
                match = i;
            }
        }
        if (match < 0) {
            return Optional.empty();
        }
        claim.joined[match] = true;
        return Optional.of(claim.lines[match]);
    }

    /** Target-code claim lines (latest versions) kept for joining. */
    public long lineCount() {
        return claims.values().stream().mapToLong(c -> c.lines.length).sum();
    }

    /** Target-code claim lines no 835 line joined: not reconciled, counted on the Summary. */
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

    private boolean isTarget(String code) {
        return code != null && targetCodes.contains(code.toUpperCase(Locale.ROOT));
    }
}
