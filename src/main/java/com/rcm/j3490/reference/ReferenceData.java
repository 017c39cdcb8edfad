package com.rcm.j3490.reference;

import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.rules.ContractBook;
import com.rcm.j3490.rules.InvoiceMatcher;
import com.rcm.j3490.rules.PricingIndex;
import java.util.List;

/** Indexed reference data for one run, with the rows each file gave and the rows it rejected. */
public record ReferenceData(
        ContractBook contracts,
        InvoiceMatcher invoices,
        PricingIndex pricing,
        List<InputFileCount> files,
        List<RowRejection> rejections) {

    /** Rows read from one reference file: accepted and rejected. */
    public record InputFileCount(String kind, String file, long rows, long rejected) {
    }
}
