package com.rcm.j3490.job;

import com.rcm.j3490.input.InputFiles;
import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.reconcile.ReconRepository;
import com.rcm.j3490.reconcile.ReconRepository.Rejected;
import com.rcm.j3490.reconcile.ReconRepository.RunFile;
import com.rcm.j3490.reference.ReferenceData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * First step: fixes the run's input files (with content checksums), skips remittance files
 * whose content a completed run already reconciled, lists the claim files ({@code recon.input.claims}),
 * and records the reference files' rejected rows.
 */
public class InventoryInputsTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(InventoryInputsTasklet.class);

    private final ReconProperties properties;
    private final ReconRepository repository;
    private final RunReferenceData reference;

    public InventoryInputsTasklet(ReconProperties properties, ReconRepository repository, RunReferenceData reference) {
        this.properties = properties;
        this.repository = repository;
        this.reference = reference;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long instanceId = jobExecution.getJobInstance().getInstanceId();
        boolean rerun = jobExecution.getJobParameters().getLong(ReconJobConfiguration.RERUN_PARAMETER) != null;

        List<RunFile> files = new ArrayList<>();
        int order = 0;
        for (Path path : InputFiles.list(properties.input().remittance(), InputKind.REMITTANCE)) {
            String checksum = FileChecksum.sha256(path);
            String skipped = rerun ? null : repository.reconciledElsewhere(checksum, instanceId).orElse(null);
            if (skipped != null) {
                log.info("Skipping remittance file {}: {}", path.getFileName(), skipped);
            }
            files.add(new RunFile(InputKind.REMITTANCE, order++, path.getFileName().toString(), path, checksum, skipped,
                    0));
        }

        Path claims = properties.input().claims();
        if (claims != null) {
            int claimOrder = 0;
            for (Path path : InputFiles.list(claims, InputKind.CLAIM_LINES)) {
                files.add(new RunFile(InputKind.CLAIM_LINES, claimOrder++, path.getFileName().toString(), path,
                        FileChecksum.sha256(path), null, 0));
            }
        }

        ReferenceData data = reference.forExecution(jobExecution.getId());
        List<Rejected> rejections = new ArrayList<>();
        int[] referenceOrder = new int[InputKind.values().length];
        for (ReferenceData.InputFileCount f : data.files()) {
            int o = referenceOrder[f.kind().ordinal()]++;
            files.add(new RunFile(f.kind(), o, f.file(), f.path(), null, null, f.rows()));
            f.rejected().forEach(r -> rejections.add(new Rejected(f.kind(), o, r)));
        }
        repository.replaceRunFiles(instanceId, files);
        repository.replaceReferenceRejections(instanceId, rejections);
        log.info("Inputs: {} remittance file(s), {} reference file(s), {} reference row(s) rejected",
                files.stream().filter(f -> f.kind() == InputKind.REMITTANCE).count(), data.files().size(),
                rejections.size());
        return RepeatStatus.FINISHED;
    }
}
