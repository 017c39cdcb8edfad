package com.rcm.j3490.rules;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Payer contracts indexed by payer, in file order (the first row covering a date wins). */
public final class ContractBook {
    private final Map<String, List<PayerContract>> byPayer = new HashMap<>();

    public ContractBook(List<PayerContract> contracts) {
        for (PayerContract c : contracts) {
            byPayer.computeIfAbsent(c.payerId(), k -> new java.util.ArrayList<>()).add(c);
        }
    }

    /** The payer's row whose period contains the date, else the default row's. */
    public Optional<PayerContract> find(String payerId, LocalDate serviceDate) {
        return firstCovering(payerId, serviceDate).or(() -> firstCovering(PayerContract.DEFAULT_PAYER, serviceDate));
    }

    private Optional<PayerContract> firstCovering(String payerId, LocalDate date) {
        return byPayer.getOrDefault(payerId, List.of()).stream().filter(c -> c.covers(date)).findFirst();
    }
}
