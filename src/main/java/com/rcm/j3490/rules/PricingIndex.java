package com.rcm.j3490.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.LocalDate;

/** ASP/NOC payment limits indexed by NDC; rows of one NDC kept in file order. */
public final class PricingIndex {
    private final Map<Ndc, List<PricingRow>> byNdc = new HashMap<>();

    public PricingIndex(List<PricingRow> rows) {
        for (PricingRow row : rows) {
            byNdc.computeIfAbsent(row.ndc(), k -> new ArrayList<>()).add(row);
        }
    }

    public boolean knows(Ndc ndc) {
        return byNdc.containsKey(ndc);
    }

    /** The row covering the date with the latest effective_from; ties: the first in the file. */
    public Optional<PricingRow> find(Ndc ndc, LocalDate serviceDate) {
        if (ndc == null) {
            return Optional.empty();
        }
        PricingRow best = null;
        for (PricingRow row : byNdc.getOrDefault(ndc, List.of())) {
            if (row.covers(serviceDate) && (best == null || row.effectiveFrom().isAfter(best.effectiveFrom()))) {
                best = row;
            }
        }
        return Optional.ofNullable(best);
    }
}
