package com.rcm.j3490.reconcile;

import com.rcm.j3490.input.x12.ClaimLineLookup;
import com.rcm.j3490.input.x12.RemittanceListener;

/**
 * What the remittance reader needs for X12 835 files beyond the file itself: the provider's
 * claims to join (contract 5.3) and where each file's balancing, claim CAS and PLB go (5.2).
 */
public interface X12Remittances {
    /** The claims given with {@code recon.input.claims}, or null when none were given. */
    ClaimLineLookup claims();

    /** Receives what one 835 file says outside its service lines. */
    RemittanceListener listener(RemittanceFile file);

    /** Every remittance record has been read (may be called more than once). */
    default void finished() {
    }

    /** No claims, and the balancing goes nowhere. */
    static X12Remittances none() {
        return claimsOnly(null);
    }

    /**
     * The claims to join, and the balancing goes nowhere: the remittance check joins as the
     * reconcile step does (a joined claim line fills columns that can reject a row) but stores nothing.
     */
    static X12Remittances claimsOnly(ClaimLineLookup claims) {
        return new X12Remittances() {
            @Override
            public ClaimLineLookup claims() {
                return claims;
            }

            @Override
            public RemittanceListener listener(RemittanceFile file) {
                return RemittanceListener.NONE;
            }
        };
    }
}
