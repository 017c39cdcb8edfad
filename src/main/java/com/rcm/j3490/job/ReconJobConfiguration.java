package com.rcm.j3490.job;

import com.rcm.j3490.backlog.BacklogStore;
import com.rcm.j3490.backlog.TeamColumnsSource;
import com.rcm.j3490.reconcile.LineOutcome;
import com.rcm.j3490.reconcile.ReconRepository;
import com.rcm.j3490.reconcile.ReconcileProcessor;
import com.rcm.j3490.reconcile.ReconcileWriter;
import com.rcm.j3490.reconcile.RemittanceItem;
import com.rcm.j3490.reconcile.RemittanceItemReader;
import com.rcm.j3490.reconcile.X12SpillFolder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job: inventoryInputs (tasklet) → reconcileLines (chunks, restartable) →
 * applyBacklog (tasklet: the work items, contract 6.1) → writeWorkbook (tasklet). No incrementer:
 * a run is identified by its runDate, so launching
 * the same date again restarts a failed run where it stopped.
 */
@Configuration
@EnableConfigurationProperties(ReconProperties.class)
public class ReconJobConfiguration {
    @Bean
    Job j3490Reconciliation(JobRepository jobRepository, Step inventoryInputs, Step reconcileLines, Step applyBacklog,
            Step writeWorkbook, RunTracker runTracker) {
        return new JobBuilder(RunKey.JOB_NAME, jobRepository)
                .listener(runTracker)
                .start(inventoryInputs)
                .next(reconcileLines)
                .next(applyBacklog)
                .next(writeWorkbook)
                .build();
    }

    @Bean
    RunTracker runTracker() {
        return new RunTracker();
    }

    @Bean
    ReconProgress reconProgress(ReconProperties properties) {
        return new ReconProgress(properties.progress().interval(), properties.progress().everyChunks());
    }

    @Bean
    RemittanceCheck remittanceCheck(ReconProperties properties) {
        return new RemittanceCheck(properties::skipLimit, properties.reconcileThreads());
    }

    @Bean
    ReconLauncher reconLauncher(JobOperator jobOperator, JobRepository jobRepository, Job j3490Reconciliation,
            ReconProperties properties, RunInputs runInputs, ReconRepository reconRepository) {
        return new ReconLauncher(jobOperator, jobRepository, j3490Reconciliation, properties, runInputs,
                reconRepository);
    }

    @Bean
    ReconRepository reconRepository(JdbcTemplate jdbcTemplate) {
        ReconRepository repository = new ReconRepository(jdbcTemplate);
        repository.upgradeEarlierKeys(); // after the schema script: JdbcTemplate waits for it
        return repository;
    }

    /** The job's private temporary folder under the repository folder (recon.repository.path). */
    @Bean
    JobTempFolder jobTempFolder(@Value("${recon.repository.path}") String repositoryPath) {
        return new JobTempFolder(java.nio.file.Path.of(repositoryPath));
    }

    @Bean
    RunInputs runInputs(ReconProperties properties, ReconRepository repository, JobRepository jobRepository) {
        return new RunInputs(properties, repository, jobRepository);
    }

    @Bean
    RunReferenceData runReferenceData(ReconProperties properties) {
        return new RunReferenceData(properties);
    }

    /** The inventory, then the remittance check, in one transaction ({@link InventoryStepTasklet}). */
    @Bean
    Step inventoryInputs(JobRepository jobRepository, PlatformTransactionManager tm, ReconProperties properties,
            ReconRepository repository, RunReferenceData reference, RemittanceCheck remittanceCheck,
            RunTracker runTracker, RunInputs runInputs, JobTempFolder jobTempFolder) {
        return new StepBuilder("inventoryInputs", jobRepository)
                .tasklet(new InventoryStepTasklet(
                        new InventoryInputsTasklet(properties, repository, reference, runInputs, tm), remittanceCheck,
                        repository, jobTempFolder.path()), tm)
                // again on every restart: it checks that the inputs are the ones the run started with
                .allowStartIfComplete(true)
                .listener(runTracker)
                .build();
    }

    @Bean
    ReconcileThreads reconcileThreads(ReconProperties properties) {
        return new ReconcileThreads(properties.reconcileThreads(), properties.shutdownTimeout());
    }

    @Bean
    Step reconcileLines(JobRepository jobRepository, PlatformTransactionManager tm, ReconProperties properties,
            RemittanceItemReader remittanceReader, ReconcileProcessor reconcileProcessor,
            ReconcileWriter reconcileWriter, ReconProgress reconProgress, RunTracker runTracker,
            ReconcileThreads reconcileThreads) {
        var step = new StepBuilder("reconcileLines", jobRepository)
                .<RemittanceItem, LineOutcome>chunk(properties.chunkSize())
                .transactionManager(tm)
                .reader(remittanceReader)
                .processor(reconcileProcessor)
                .writer(reconcileWriter)
                .listener(reconProgress)
                .stream(reconProgress)
                .listener(runTracker);
        if (properties.reconcileThreads() > 1) {
            // records are read and written in order on the step's thread; parsing and pricing of a
            // chunk's records run on the pool, and the chunk is written in read order
            step.taskExecutor(reconcileThreads.executor());
        }
        return step.build();
    }

    @Bean
    BacklogStore backlogStore(DataSource dataSource) {
        return new BacklogStore(dataSource);
    }

    /**
     * The night's lines into the work items (contract 6.1), after the team's columns of the newest
     * earlier workbook: a {@link TeamColumnsSource} bean when there is one, else none are read.
     */
    @Bean
    Step applyBacklog(JobRepository jobRepository, PlatformTransactionManager tm, BacklogStore backlogStore,
            ReconRepository repository, ObjectProvider<TeamColumnsSource> teamColumns, RunTracker runTracker) {
        return new StepBuilder("applyBacklog", jobRepository)
                .tasklet(new ApplyBacklogTasklet(backlogStore, repository,
                        teamColumns.getIfAvailable(() -> TeamColumnsSource.NONE)), tm)
                .listener(runTracker)
                .build();
    }

    /**
     * The team's columns of the newest earlier workbook (contract 6.3), read into the items by the
     * applyBacklog step; what was read (and any unreadable workbook) goes to the job's execution
     * context for the Summary.
     */
    @Bean
    @StepScope
    TeamColumnsSource teamColumns(ReconProperties properties, BacklogStore backlogStore,
            @Value("#{stepExecution}") StepExecution stepExecution) {
        Path dir = properties.workbook().carryOverDir() != null ? properties.workbook().carryOverDir()
                : properties.output().dir();
        return new WorkbookTeamColumns(dir, backlogStore, stepExecution.getJobExecution().getExecutionContext());
    }

    @Bean
    Step writeWorkbook(JobRepository jobRepository, PlatformTransactionManager tm, ReconProperties properties,
            ReconRepository repository, RunReferenceData reference, RunTracker runTracker, RunInputs runInputs,
            BacklogStore backlogStore, JobTempFolder jobTempFolder) {
        return new StepBuilder("writeWorkbook", jobRepository)
                .tasklet(new StagedDataFailures(new WriteWorkbookTasklet(properties, repository, reference,
                        backlogStore, tm, runInputs, jobTempFolder.path())), tm)
                .listener(runTracker)
                .build();
    }

    @Bean
    @StepScope
    RemittanceItemReader remittanceReader(ReconRepository repository, JobTempFolder jobTempFolder,
            @Value("#{stepExecution}") StepExecution stepExecution) {
        long instanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        return new RemittanceItemReader(() -> repository.remittanceFilesToRead(instanceId),
                () -> repository.remittanceBalances().startPass(instanceId),
                new X12SpillFolder(jobTempFolder.path(), instanceId));
    }

    @Bean
    @StepScope
    ReconcileProcessor reconcileProcessor(ReconProperties properties, RunReferenceData reference,
            @Value("#{stepExecution}") StepExecution stepExecution) {
        long executionId = stepExecution.getJobExecution().getId();
        LocalDate runDate = RunKey.of(stepExecution.getJobExecution().getJobParameters()).runDate();
        return new ReconcileProcessor(() -> reference.reconciler(executionId), Set.copyOf(properties.targetCodes()),
                runDate);
    }

    @Bean
    @StepScope
    ReconcileWriter reconcileWriter(ReconRepository repository, @Value("#{stepExecution}") StepExecution stepExecution) {
        long instanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        return new ReconcileWriter(repository, () -> instanceId,
                RunKey.of(stepExecution.getJobExecution().getJobParameters()).runDate());
    }
}
