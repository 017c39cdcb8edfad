package com.rcm.j3490.job;

import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The Summary's figures, gathered while the lines stream into All Lines (one pass, no extra
 * scans of the staging table): totals per status, payer and denial code, and the top lines by
 * amount at stake. Memory is one entry per status, payer and code, plus the top N lines.
 */
final class LineTotals {
    /** Worklist order; lines that arrive earlier win ties. */
    private static final Comparator<Ranked> WORKLIST_ORDER = Comparator
            .comparing((Ranked r) -> r.line().amountAtStake(), Comparator.reverseOrder())
            .thenComparing(r -> r.line().appealDeadline(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(Ranked::arrival);

    private final Sums total = new Sums();
    private final Map<Status, Sums> byStatus = new LinkedHashMap<>();
    private final Map<String, Sums> byPayer = new TreeMap<>();
    private final Map<String, String> payerNames = new TreeMap<>();
    private final Map<String, Sums> byDenialCode = new TreeMap<>();
    private final PriorityQueue<Ranked> top;
    private final int topSize;
    private long arrivals;

    LineTotals(int topSize) {
        this.topSize = topSize;
        this.top = new PriorityQueue<>(WORKLIST_ORDER.reversed());
    }

    void add(ReconciledLine line) {
        total.add(line);
        byStatus.computeIfAbsent(line.status(), s -> new Sums()).add(line);
        byPayer.computeIfAbsent(line.payerId(), p -> new Sums()).add(line);
        if (line.payerName() != null) {
            payerNames.putIfAbsent(line.payerId(), line.payerName());
        }
        for (String code : new LinkedHashSet<>(line.denialCodes())) {
            byDenialCode.computeIfAbsent(code, c -> new Sums()).add(line);
        }
        if (line.amountAtStake().signum() > 0) {
            top.add(new Ranked(line, arrivals++));
            if (top.size() > topSize) {
                top.poll();
            }
        }
    }

    Sums total() {
        return total;
    }

    Sums status(Status status) {
        return byStatus.get(status);
    }

    Map<String, Sums> byPayer() {
        return byPayer;
    }

    String payerName(String payerId) {
        return payerNames.get(payerId);
    }

    Map<String, Sums> byDenialCode() {
        return byDenialCode;
    }

    List<ReconciledLine> topLines() {
        List<Ranked> ranked = new ArrayList<>(top);
        ranked.sort(WORKLIST_ORDER);
        return ranked.stream().map(Ranked::line).toList();
    }

    private record Ranked(ReconciledLine line, long arrival) {
    }

    /** Count and dollars of a group of lines; Expected and Variance over the lines that could be priced. */
    static final class Sums {
        long lines;
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal reimbursed = BigDecimal.ZERO;
        BigDecimal expected = BigDecimal.ZERO;
        BigDecimal variance = BigDecimal.ZERO;
        BigDecimal atStake = BigDecimal.ZERO;

        void add(ReconciledLine l) {
            lines++;
            billed = billed.add(l.billed());
            paid = paid.add(l.paid());
            reimbursed = reimbursed.add(l.reimbursed());
            if (l.expected() != null) {
                expected = expected.add(l.expected());
                variance = variance.add(l.variance());
            }
            atStake = atStake.add(l.amountAtStake());
        }
    }
}
