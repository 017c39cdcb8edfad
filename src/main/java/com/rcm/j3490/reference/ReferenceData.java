package com.rcm.j3490.reference;

import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.rules.ContractBook;
import com.rcm.j3490.rules.InvoiceMatcher;
import com.rcm.j3490.rules.PricingIndex;
import java.nio.file.Path;
import java.util.List;

/** Indexed reference data for one run, with what each file gave and the rows it rejected. */
public record ReferenceData(
        ContractBook contracts,
        InvoiceMatcher invoices,
        PricingIndex pricing,
        List<InputFileCount> files) {

    /** One reference file: its kind, rows read, and the rows it rejected. */
    public record InputFileCount(InputKind kind, String file, Path path, long rows, List<RowRejection> rejected) {
    }

    /** Payers that lost a contract row to a rejection (their lines are flagged CONTRACT_ROW_REJECTED), sorted. */
    public java.util.Set<String> payersWithRejectedContractRows() {
        return contracts.payersWithRejectedRows();
    }

    /** Every rejected reference row, in file order. */
    public List<RowRejection> rejections() {
        return files.stream().flatMap(f -> f.rejected().stream()).toList();
    }
}
