package com.rcm.j3490.reconcile;

import com.rcm.j3490.input.x12.RemittanceListener;

/**
 * Where the reconcile step's reading of each 835 file passes what the file says outside its
 * service lines: balancing, claim CAS and PLB (contract 5.2).
 */
public interface X12Remittances {

    /** Receives what one 835 file says outside its service lines. */
    RemittanceListener listener(RemittanceFile file);

    /** The balancing goes nowhere. */
    static X12Remittances none() {
        return file -> RemittanceListener.NONE;
    }
}
