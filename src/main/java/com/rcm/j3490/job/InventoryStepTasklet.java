package com.rcm.j3490.job;

import com.rcm.j3490.reconcile.ReconRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The inventoryInputs step: the inventory of the run's inputs ({@link InventoryInputsTasklet}),
 * then the remittance check ({@link RemittanceCheck}: skip limit, record count for the progress
 * ETA) over the remittance files the inventory keeps to read. One tasklet, so both are in the
 * step's one transaction: a run over the skip limit fails here having written nothing, and its
 * restart redoes the whole inventory (checksums of the fixed file included).
 */
public class InventoryStepTasklet implements Tasklet {
    private final InventoryInputsTasklet inventory;
    private final RemittanceCheck remittanceCheck;
    private final ReconRepository repository;

    public InventoryStepTasklet(InventoryInputsTasklet inventory, RemittanceCheck remittanceCheck,
            ReconRepository repository) {
        this.inventory = inventory;
        this.remittanceCheck = remittanceCheck;
        this.repository = repository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        inventory.execute(contribution, chunkContext);
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long instanceId = jobExecution.getJobInstance().getInstanceId();
        RemittanceCheck.Result checked = remittanceCheck.check(repository.remittanceFilesToRead(instanceId),
                () -> repository.stagedClaims().lookup(instanceId));
        jobExecution.getExecutionContext().putLong(ReconProgress.TOTAL_ROWS, checked.records());
        return RepeatStatus.FINISHED;
    }
}
