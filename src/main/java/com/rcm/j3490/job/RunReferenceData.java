package com.rcm.j3490.job;

import com.rcm.j3490.reference.CodeDescriptionCatalog;
import com.rcm.j3490.reference.ReferenceData;
import com.rcm.j3490.reference.ReferenceDataLoader;
import com.rcm.j3490.rules.LineReconciler;

/**
 * Reference data of the job execution in progress, loaded once per execution (and again by
 * the process that restarts it: it is cheap to rebuild, so it is not staged).
 */
public class RunReferenceData {
    private final ReconProperties properties;
    private Long executionId;
    private ReferenceData data;
    private LineReconciler reconciler;
    private CodeDescriptionCatalog codes;

    public RunReferenceData(ReconProperties properties) {
        this.properties = properties;
    }

    public synchronized ReferenceData forExecution(long jobExecutionId) {
        if (executionId == null || executionId != jobExecutionId) {
            data = ReferenceDataLoader.load(properties.reference().contracts(),
                    properties.reference().pricing(), properties.input().invoices(),
                    properties.invoiceLookbackDays());
            reconciler = new LineReconciler(data.contracts(), data.invoices(), data.pricing(), codes());
            executionId = jobExecutionId;
        }
        return data;
    }

    public synchronized LineReconciler reconciler(long jobExecutionId) {
        forExecution(jobExecutionId);
        return reconciler;
    }

    public synchronized CodeDescriptionCatalog codes() {
        if (codes == null) {
            codes = CodeDescriptionCatalog.load(properties.reference().codeDescriptions());
        }
        return codes;
    }
}
