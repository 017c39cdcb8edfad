package com.rcm.j3490.reconcile;

import com.rcm.j3490.input.x12.ClaimAdjustment;
import com.rcm.j3490.input.x12.ProviderAdjustment;
import com.rcm.j3490.input.x12.TransactionBalance;
import java.util.List;

/**
 * What a run's 835s said outside their service lines, for the Summary (contract 5.2, 5.3): the
 * balancing of every transaction set, claim-level CAS, PLB, and the claim lines no 835 line
 * joined. Empty when the run read no X12 and was given no claims.
 *
 * @param claimLines         target-code claim lines kept for joining; null when no claims were given
 * @param unjoinedClaimLines of those, the lines no 835 line joined (not reconciled: nothing was paid yet)
 */
public record RemittanceBalances(List<TransactionBalance> transactions, List<ClaimAdjustment> claimAdjustments,
        List<ProviderAdjustment> providerAdjustments, Long claimLines, Long unjoinedClaimLines) {

    public static final RemittanceBalances NONE = new RemittanceBalances(List.of(), List.of(), List.of(), null, null);

    public RemittanceBalances {
        transactions = List.copyOf(transactions);
        claimAdjustments = List.copyOf(claimAdjustments);
        providerAdjustments = List.copyOf(providerAdjustments);
    }

    public boolean isEmpty() {
        return transactions.isEmpty() && claimLines == null;
    }
}
