package com.rcm.j3490.job;

import com.rcm.j3490.reconcile.ReconRepository;
import com.rcm.j3490.reconcile.X12SpillFolder;
import java.nio.file.Path;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The inventoryInputs step: the inventory of the run's inputs ({@link InventoryInputsTasklet}),
 * then the remittance check ({@link RemittanceCheck}: skip limit, record count for the progress
 * ETA, the 835s read into their spills and the claim lines they did not join) over the remittance
 * files the inventory keeps to read. One tasklet, so both are in the
 * step's one transaction: a run over the skip limit fails here having written nothing, and its
 * restart redoes the whole inventory (checksums of the fixed file included).
 */
public class InventoryStepTasklet implements Tasklet {
    private final InventoryInputsTasklet inventory;
    private final RemittanceCheck remittanceCheck;
    private final ReconRepository repository;
    /** The job's private temporary folder, where the check leaves each 835's reading for the reconcile step. */
    private final Path spillFolder;

    public InventoryStepTasklet(InventoryInputsTasklet inventory, RemittanceCheck remittanceCheck,
            ReconRepository repository, Path spillFolder) {
        this.inventory = inventory;
        this.remittanceCheck = remittanceCheck;
        this.repository = repository;
        this.spillFolder = spillFolder;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        inventory.execute(contribution, chunkContext);
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long instanceId = jobExecution.getJobInstance().getInstanceId();
        RemittanceCheck.Result checked = remittanceCheck.check(repository.remittanceFilesToRead(instanceId),
                () -> repository.stagedClaims().lookup(instanceId), new X12SpillFolder(spillFolder, instanceId));
        repository.remittanceBalances().claims(instanceId, checked.claimLines(), checked.unjoinedClaimLines());
        jobExecution.getExecutionContext().putLong(ReconProgress.TOTAL_ROWS, checked.records());
        return RepeatStatus.FINISHED;
    }
}
