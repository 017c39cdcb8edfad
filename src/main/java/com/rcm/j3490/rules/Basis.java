package com.rcm.j3490.rules;

import java.util.Locale;

/** How a payer contract prices a line. */
public enum Basis {
    /** Acquisition cost from the drug invoice, times the rate. */
    INVOICE,
    /** ASP-equivalent: the CMS payment limit (106% of ASP) scaled by rate/106. */
    ASP,
    /** Percent of the billed charge. */
    CHARGE;

    /** null when the text names none of the three. */
    public static Basis parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
