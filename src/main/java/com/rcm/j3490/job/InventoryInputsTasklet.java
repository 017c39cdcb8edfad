package com.rcm.j3490.job;

import com.rcm.j3490.input.InputFiles;
import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.reconcile.ReconRepository;
import com.rcm.j3490.reconcile.ReconRepository.Rejected;
import com.rcm.j3490.reconcile.ReconRepository.RunFile;
import com.rcm.j3490.reconcile.StagedClaims;
import com.rcm.j3490.reference.ReferenceData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First step: fixes the run's input files (with content checksums), skips remittance files
 * whose content a completed run already reconciled, lists the claim files ({@code recon.input.claims}),
 * stages the claims in the database for the 835 join ({@link StagedClaims}), and records the
 * reference files' rejected rows.
 * It runs again on every restart: once the run has reconciled rows, it only checks that every
 * input is still the one recorded ({@link RunInputs}) and keeps the record; before that, it takes
 * the inputs as they are now.
 */
public class InventoryInputsTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(InventoryInputsTasklet.class);

    private final ReconProperties properties;
    private final ReconRepository repository;
    private final RunReferenceData reference;
    private final RunInputs inputs;
    /** Claims are staged in transactions of their own, committed as they go (see {@link StagedClaims#stage}). */
    private final TransactionOperations stagingTransactions;

    public InventoryInputsTasklet(ReconProperties properties, ReconRepository repository, RunReferenceData reference,
            RunInputs inputs, PlatformTransactionManager tm) {
        this.properties = properties;
        this.repository = repository;
        this.reference = reference;
        this.inputs = inputs;
        TransactionTemplate template = new TransactionTemplate(tm);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.stagingTransactions = template;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long instanceId = jobExecution.getJobInstance().getInstanceId();
        boolean rerun = RunKey.of(jobExecution.getJobParameters()).isRerun();
        LocalDate runDate = RunKey.of(jobExecution.getJobParameters()).runDate();

        List<RunFile> recorded = repository.runFiles(instanceId);
        if (inputs.fixed(jobExecution.getJobInstance(), recorded)) {
            // a restart after rows were reconciled: the launcher checked the inputs; check again,
            // as late as possible, and resume on the record as it is (its counts included)
            RunInputs.firstDifference(recorded, inputs.current()).ifPresent(change -> {
                throw new UserError(ExitCode.REFUSED, RunInputs.refusal(change, runDate));
            });
            reference.forExecution(jobExecution.getId());
            log.info("Restart: the {} input file(s) the run started with are unchanged", recorded.size());
            if (properties.input().claims() != null && !repository.stagedClaims().isStaged(instanceId)) {
                stageClaims(instanceId, recorded); // staged by a version of the job that did not stage claims
            }
            return RepeatStatus.FINISHED;
        }

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
            // the checksum after loading: a file replaced while it was read differs from it at the end of the run
            files.add(new RunFile(f.kind(), o, f.file(), f.path(), FileChecksum.sha256(f.path()), null, f.rows()));
            f.rejected().forEach(r -> rejections.add(new Rejected(f.kind(), o, r)));
        }
        repository.replaceRunFiles(instanceId, files);
        repository.replaceReferenceRejections(instanceId, rejections);
        stageClaims(instanceId, files);
        log.info("Inputs: {} remittance file(s), {} reference file(s), {} reference row(s) rejected",
                files.stream().filter(f -> f.kind() == InputKind.REMITTANCE).count(), data.files().size(),
                rejections.size());
        return RepeatStatus.FINISHED;
    }

    /**
     * Stages the run's claims ({@code recon.input.claims}) for the 835 join, replacing what an
     * earlier attempt staged; forgets them when no claims are given. Claim-lines CSV rows that
     * cannot be read are recorded as the run's rejections (in this step's transaction).
     */
    private void stageClaims(long instanceId, List<RunFile> files) {
        StagedClaims staged = repository.stagedClaims();
        if (properties.input().claims() == null) {
            stagingTransactions.executeWithoutResult(s -> staged.delete(instanceId));
            return;
        }
        List<Path> claimFiles = files.stream().filter(f -> f.kind() == InputKind.CLAIM_LINES)
                .sorted(Comparator.comparingInt(RunFile::order)).map(RunFile::path).toList();
        List<Rejected> rejected = new ArrayList<>();
        // the files are parsed on recon.reconcile-threads threads; the result is the same with any number
        StagedClaims.Staged result = staged.stage(instanceId, StagedClaims.files(claimFiles),
                r -> rejected.add(new Rejected(InputKind.CLAIM_LINES, fileOrder(claimFiles, r.file()), r)),
                Set.copyOf(properties.targetCodes()), properties.reconcileThreads(), stagingTransactions);
        repository.replaceRejections(instanceId, InputKind.CLAIM_LINES, rejected);
        log.info("Claims: {} file(s), {} target-code claim line(s) to join, {} row(s) rejected", claimFiles.size(),
                RunFormat.n(result.claimLines()), rejected.size());
    }

    private static int fileOrder(List<Path> files, String name) {
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).getFileName().toString().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
