package com.rcm.j3490.input.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The join rule of contract 5.3 over the target-code lines of one claim's latest version, the one
 * place it is written: both the in-memory {@link ClaimLineIndex} and the job's staged claims use it.
 */
public final class ClaimJoin {
    private ClaimJoin() {
    }

    /**
     * Two lines of one sending share a REF*6R (ignoring case): none of the claim's lines joins.
     * Every line counts, target code or not.
     */
    public static boolean ambiguous(List<ClaimLine> lines) {
        Set<String> refs = new HashSet<>();
        for (ClaimLine line : lines) {
            if (line.lineRef() != null && !refs.add(line.lineRef().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The position in {@code lines} of the line an 835 line joins, or -1: the same REF*6R ignoring
     * case; else the only line with the same code (ignoring case), service date and charge ignoring
     * sign; else none.
     */
    public static int match(List<ClaimLine> lines, String lineRef, String procedureCode, LocalDate serviceDate,
            BigDecimal charge) {
        if (lineRef != null && !lineRef.isEmpty()) {
            for (int i = 0; i < lines.size(); i++) {
                if (lineRef.equalsIgnoreCase(lines.get(i).lineRef())) {
                    return i;
                }
            }
        }
        if (procedureCode == null || serviceDate == null || charge == null) {
            return -1;
        }
        int match = -1;
        for (int i = 0; i < lines.size(); i++) {
            ClaimLine line = lines.get(i);
            if (procedureCode.equalsIgnoreCase(line.procedureCode()) && serviceDate.equals(line.serviceDate())
                    && line.charge() != null && line.charge().abs().compareTo(charge.abs()) == 0) {
                if (match >= 0) {
                    return -1;
                }
                match = i;
            }
        }
        return match;
    }

    /** Whether a code is one of the target codes (upper case), ignoring case. */
    static boolean isTarget(Set<String> upperTargetCodes, String code) {
        return code != null && upperTargetCodes.contains(code.toUpperCase(Locale.ROOT));
    }

    /** The target codes in upper case, for {@link #isTarget}. */
    public static Set<String> upper(Set<String> targetCodes) {
        Set<String> upper = new HashSet<>();
        targetCodes.forEach(c -> upper.add(c.toUpperCase(Locale.ROOT)));
        return Set.copyOf(upper);
    }

    /** The target-code lines of a sending, in order. */
    public static List<ClaimLine> targetLines(Set<String> upperTargetCodes, List<ClaimLine> lines) {
        return lines.stream().filter(l -> isTarget(upperTargetCodes, l.procedureCode())).toList();
    }
}
