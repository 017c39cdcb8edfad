package com.rcm.j3490.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the invoice that prices a line (contract 2.2). Invoices are indexed by claim and by
 * NDC, each NDC's list sorted by date then invoice number, so a lookup is a binary search.
 */
public final class InvoiceMatcher {
    static final int DAYS_AFTER_SERVICE = 30;
    private static final Comparator<InvoiceLine> BY_DATE_THEN_NUMBER =
            Comparator.comparing(InvoiceLine::invoiceDate).thenComparing(InvoiceLine::invoiceNumber);

    private final Map<String, List<InvoiceLine>> byClaim = new HashMap<>();
    private final Map<Ndc, List<InvoiceLine>> byNdc = new HashMap<>();
    private final Set<Ndc> knownNdcs = new HashSet<>();
    private final int lookbackDays;

    public InvoiceMatcher(List<InvoiceLine> invoices, int lookbackDays) {
        this.lookbackDays = lookbackDays;
        for (InvoiceLine inv : invoices) {
            if (inv.ndc() != null) {
                knownNdcs.add(inv.ndc());
            }
            if (inv.claimId() != null) {
                byClaim.computeIfAbsent(inv.claimId(), k -> new ArrayList<>()).add(inv);
            } else {
                byNdc.computeIfAbsent(inv.ndc(), k -> new ArrayList<>()).add(inv);
            }
        }
        byClaim.values().forEach(list -> list.sort(BY_DATE_THEN_NUMBER));
        byNdc.values().forEach(list -> list.sort(BY_DATE_THEN_NUMBER));
    }

    /** True when any invoice line names this NDC (used to resolve 10-digit NDCs). */
    public boolean knows(Ndc ndc) {
        return knownNdcs.contains(ndc);
    }

    public Optional<InvoiceLine> match(String claimId, Ndc ndc, LocalDate serviceDate) {
        // 1. bought for this claim: latest by date, ties the highest invoice number
        List<InvoiceLine> forClaim = byClaim.getOrDefault(claimId, List.of());
        for (int i = forClaim.size() - 1; i >= 0; i--) {
            InvoiceLine inv = forClaim.get(i);
            if (inv.ndc() == null || Objects.equals(inv.ndc(), ndc)) {
                return Optional.of(inv);
            }
        }
        if (ndc == null) {
            return Optional.empty();
        }
        List<InvoiceLine> list = byNdc.getOrDefault(ndc, List.of());
        if (list.isEmpty()) {
            return Optional.empty();
        }
        int firstAfter = firstIndexDatedAfter(list, serviceDate);
        // 2. latest on or before the service date, within the lookback window
        if (firstAfter > 0) {
            InvoiceLine latest = list.get(firstAfter - 1);
            if (!latest.invoiceDate().isBefore(serviceDate.minusDays(lookbackDays))) {
                return Optional.of(latest);
            }
        }
        // 3. earliest at most 30 days after the service date
        if (firstAfter < list.size()) {
            InvoiceLine earliest = list.get(firstAfter);
            if (!earliest.invoiceDate().isAfter(serviceDate.plusDays(DAYS_AFTER_SERVICE))) {
                return Optional.of(earliest);
            }
        }
        return Optional.empty();
    }

    private static int firstIndexDatedAfter(List<InvoiceLine> sorted, LocalDate date) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).invoiceDate().isAfter(date)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
