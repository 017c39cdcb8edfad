package com.rcm.j3490.input.x12;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects balancing results, claim-level CAS and PLB entries for the Summary. Its size grows
 * with transaction sets, claim CAS and PLB entries, not with service lines.
 */
public final class RemittanceSummary implements RemittanceListener {
    private final List<TransactionBalance> transactions = new ArrayList<>();
    private final List<ClaimAdjustment> claimAdjustments = new ArrayList<>();
    private final List<ProviderAdjustment> providerAdjustments = new ArrayList<>();

    @Override
    public void transaction(TransactionBalance balance) {
        transactions.add(balance);
    }

    @Override
    public void claimAdjustment(ClaimAdjustment adjustment) {
        claimAdjustments.add(adjustment);
    }

    @Override
    public void providerAdjustment(ProviderAdjustment adjustment) {
        providerAdjustments.add(adjustment);
    }

    public List<TransactionBalance> transactions() {
        return List.copyOf(transactions);
    }

    public List<ClaimAdjustment> claimAdjustments() {
        return List.copyOf(claimAdjustments);
    }

    public List<ProviderAdjustment> providerAdjustments() {
        return List.copyOf(providerAdjustments);
    }
}
