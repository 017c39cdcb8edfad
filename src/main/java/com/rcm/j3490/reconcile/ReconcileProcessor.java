package com.rcm.j3490.reconcile;

import com.rcm.j3490.rules.LineReconciler;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Reconciles target-code lines; passes rejections and other codes through to be counted. */
public class ReconcileProcessor implements ItemProcessor<RemittanceItem, LineOutcome> {
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
        if (item.rejection() != null) {
            return new LineOutcome.Rejected(item.fileOrder(), item.rejection());
        }
        if (!targetCodes.contains(item.parsed().procedureCode())) {
            return new LineOutcome.OtherCode(item.fileOrder());
        }
        return new LineOutcome.Reconciled(item.seq(), item.fileOrder(), item.file(), item.line(),
                DuplicateKey.of(item.parsed()), reconciler().reconcile(item.parsed(), runDate));
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
