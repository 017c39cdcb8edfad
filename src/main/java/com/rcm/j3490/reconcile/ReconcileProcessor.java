package com.rcm.j3490.reconcile;

import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.RowRejectedException;
import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.rules.LineReconciler;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.RemittanceLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Parses each record and reconciles target-code lines; passes rejections and other codes through
 * to be counted. Stateless per item, so a chunk's items may be processed on several threads.
 */
public class ReconcileProcessor implements ItemProcessor<RemittanceItem, LineOutcome> {
    /** Largest expected payment staged; far inside what the workbook's long of cents can hold. */
    private static final BigDecimal EXPECTED_LIMIT = new BigDecimal("1000000000000");
    private final Supplier<LineReconciler> reconcilerSource;
    private volatile LineReconciler reconciler;
    private final Set<String> targetCodes;
    private final LocalDate runDate;

    public ReconcileProcessor(Supplier<LineReconciler> reconciler, Set<String> targetCodes, LocalDate runDate) {
        this.reconcilerSource = reconciler;
        this.targetCodes = targetCodes;
        this.runDate = runDate;
    }

    @Override
    public LineOutcome process(RemittanceItem item) {
        CsvRecord record = item.record();
        RemittanceLine line;
        try {
            line = item.parse();
        } catch (RowRejectedException e) {
            return new LineOutcome.Rejected(item.fileOrder(),
                    new RowRejection(record.file(), record.line(), e.getMessage(), record.raw()));
        }
        if (!targetCodes.contains(line.procedureCode())) {
            return new LineOutcome.OtherCode(item.fileOrder());
        }
        ReconciledLine reconciled = reconciler().reconcile(line, runDate).withFlags(item.flags());
        if (reconciled.expected() != null && reconciled.expected().abs().compareTo(EXPECTED_LIMIT) >= 0) {
            // bounded inputs can still multiply into an amount no later step can hold: reject, never crash later
            return new LineOutcome.Rejected(item.fileOrder(), new RowRejection(record.file(), record.line(),
                    "expected payment is too large (1,000,000,000,000 or more): check package_size, "
                            + "billing_units_per_package, unit_cost, payment_limit and the contract rate for this "
                            + "line's NDC and payer", record.raw()));
        }
        return new LineOutcome.Reconciled(item.seq(), item.fileOrder(), record.file(), record.line(),
                DuplicateKey.of(line), reconciled);
    }

    /** Resolved on first use, inside the step, so a reference-file problem fails the step, not the context. */
    private LineReconciler reconciler() {
        LineReconciler r = reconciler;
        if (r == null) {
            r = reconcilerSource.get();
            reconciler = r;
        }
        return r;
    }
}
