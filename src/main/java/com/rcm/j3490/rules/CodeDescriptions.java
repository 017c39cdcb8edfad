package com.rcm.j3490.rules;

/** Plain-language descriptions of CARC and RARC codes. */
public interface CodeDescriptions {
    String NOT_AVAILABLE = "description not available";

    /** @param carc a claim adjustment reason code such as "16" or "A1" */
    String carc(String carc);

    /** @param rarc a remittance advice remark code such as "M119" */
    String rarc(String rarc);
}
