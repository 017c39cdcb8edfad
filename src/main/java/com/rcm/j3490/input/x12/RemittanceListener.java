package com.rcm.j3490.input.x12;

/** Receives what an 835 says outside its service lines, as the reader passes it. */
public interface RemittanceListener {
    RemittanceListener NONE = new RemittanceListener() {
    };

    default void transaction(TransactionBalance balance) {
    }

    default void claimAdjustment(ClaimAdjustment adjustment) {
    }

    default void providerAdjustment(ProviderAdjustment adjustment) {
    }
}
