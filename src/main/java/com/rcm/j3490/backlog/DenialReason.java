package com.rcm.j3490.backlog;

import com.rcm.j3490.rules.ReconciledLine;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * The one reason a denied line is counted under on the denial chart (contract 6.2): the reason
 * that decided its status (2.4). CO-16 / CO-50 / CO-151 denials count under that code; a
 * DENIED_OTHER line under its largest positive adjustment (first on ties) that is a denial, so
 * never CO-45 (contractual), CO-253 (sequestration) or a PR adjustment.
 */
public final class DenialReason {
    /** A DENIED_OTHER line that is denied by claim status 4 with no denial adjustment. */
    public static final String CLAIM_DENIED = "Claim denied (status 4)";
    /** A DENIED_OTHER line whose only adjustments are not denials. */
    public static final String OTHER = "Other";
    private static final Set<String> NOT_DENIALS = Set.of("CO-45", "CO-253");

    private DenialReason() {
    }

    /** Empty for a line that is not denied. */
    public static Optional<String> of(ReconciledLine line) {
        return Optional.ofNullable(switch (line.status()) {
            case DENIED_CO16 -> "CO-16";
            case DENIED_CO50 -> "CO-50";
            case DENIED_CO151 -> "CO-151";
            case DENIED_OTHER -> other(line);
            default -> null;
        });
    }

    private static String other(ReconciledLine line) {
        String best = null;
        BigDecimal bestAmount = null;
        if (line.adjustments() != null && !line.adjustments().isEmpty()) {
            // the adjustments as sent: GROUP-REASON:AMOUNT[:QUANTITY];...
            for (String adjustment : line.adjustments().split(";")) {
                String[] parts = adjustment.split(":");
                String code = parts[0];
                BigDecimal amount = new BigDecimal(parts[1]);
                if (isDenial(code) && amount.signum() > 0 && (bestAmount == null || amount.compareTo(bestAmount) > 0)) {
                    best = code;
                    bestAmount = amount;
                }
            }
        } else {
            // a line staged before the adjustments were kept: its first denial code
            best = line.denialCodes().stream().filter(DenialReason::isDenial).findFirst().orElse(null);
        }
        if (best != null) {
            return best;
        }
        return "4".equals(line.claimStatus()) ? CLAIM_DENIED : OTHER;
    }

    private static boolean isDenial(String code) {
        return !code.startsWith("PR-") && !NOT_DENIALS.contains(code);
    }
}
