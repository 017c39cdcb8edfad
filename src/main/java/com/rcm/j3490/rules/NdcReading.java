package com.rcm.j3490.rules;

import java.util.List;

/**
 * What an NDC as written on an input line says: nothing, one NDC, several possible NDCs
 * (a 10-digit code without hyphens), or something that is not an NDC.
 */
public sealed interface NdcReading {
    record Missing() implements NdcReading {
    }

    record Valid(Ndc ndc) implements NdcReading {
    }

    /** Distinct 11-digit readings of a 10-digit code, in 4-4-2, 5-3-2, 5-4-1 order. */
    record Ambiguous(List<Ndc> candidates) implements NdcReading {
    }

    record Invalid(String raw) implements NdcReading {
    }
}
