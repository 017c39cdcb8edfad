package com.rcm.j3490.rules;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Payer contracts indexed by payer, in file order (the first row covering a date wins). */
public final class ContractBook {
    /** Stands for a rejected row whose payer_id could not be read: it may have been any payer's. */
    public static final String UNKNOWN_PAYER = "?";

    private final Map<String, List<PayerContract>> byPayer = new HashMap<>();
    private final Set<String> payersWithRejectedRows;

    public ContractBook(List<PayerContract> contracts) {
        this(contracts, Set.of());
    }

    /** @param payersWithRejectedRows payers a contract row was rejected for ({@link #UNKNOWN_PAYER} when unreadable) */
    public ContractBook(List<PayerContract> contracts, Set<String> payersWithRejectedRows) {
        for (PayerContract c : contracts) {
            byPayer.computeIfAbsent(c.payerId(), k -> new java.util.ArrayList<>()).add(c);
        }
        this.payersWithRejectedRows = Set.copyOf(payersWithRejectedRows);
    }

    /** Payers that lost a contract row to a rejection, sorted. */
    public Set<String> payersWithRejectedRows() {
        return new TreeSet<>(payersWithRejectedRows);
    }

    /**
     * True when a rejected row may have been the one for this line: the payer lost a row, a row
     * of unknown payer was rejected, or a default row was rejected and the payer has no row of
     * its own for the date.
     */
    public boolean lostARow(String payerId, LocalDate serviceDate) {
        if (payersWithRejectedRows.isEmpty()) {
            return false;
        }
        return payersWithRejectedRows.contains(payerId) || payersWithRejectedRows.contains(UNKNOWN_PAYER)
                || payersWithRejectedRows.contains(PayerContract.DEFAULT_PAYER) && firstCovering(payerId, serviceDate).isEmpty();
    }

    /** The payer's row whose period contains the date, else the default row's. */
    public Optional<PayerContract> find(String payerId, LocalDate serviceDate) {
        return firstCovering(payerId, serviceDate).or(() -> firstCovering(PayerContract.DEFAULT_PAYER, serviceDate));
    }

    private Optional<PayerContract> firstCovering(String payerId, LocalDate date) {
        return byPayer.getOrDefault(payerId, List.of()).stream().filter(c -> c.covers(date)).findFirst();
    }
}
