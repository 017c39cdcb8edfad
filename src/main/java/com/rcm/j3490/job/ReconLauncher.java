package com.rcm.j3490.job;

import com.rcm.j3490.input.CsvRecordReader;
import com.rcm.j3490.input.InputFiles;
import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.input.RowRejectedException;
import com.rcm.j3490.input.x12.X12Files;
import com.rcm.j3490.input.x12.X12SegmentReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import com.rcm.j3490.reconcile.ReconRepository;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Launches (or resumes) the run of one date: checks the inputs first so a user's mistake is
 * refused before anything is written, refuses a date that completed or is running, and
 * otherwise starts the job, which Spring Batch resumes from its last commit when the
 * date's previous execution failed.
 */
public class ReconLauncher {
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final ReconProperties properties;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReconLauncher.class);
    private final RunInputs inputs;
    private final ReconRepository repository;

    public ReconLauncher(JobOperator jobOperator, JobRepository jobRepository, Job job, ReconProperties properties,
            RunInputs inputs, ReconRepository repository) {
        this.inputs = inputs;
        this.repository = repository;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = job;
        this.properties = properties;
    }

    /** The job parameters of the date's normal run ({@link RunKey}). */
    public static JobParameters parameters(LocalDate runDate) {
        return RunKey.of(runDate).toJobParameters();
    }

    /** A deliberate rerun of a date: a new job instance, told apart by its ordinal (1, 2, ...). */
    public static JobParameters parameters(LocalDate runDate, long rerun) {
        return RunKey.rerun(runDate, rerun).toJobParameters();
    }

    /** Runs the date; throws {@link UserError} when it must be refused. */
    public JobExecution launch(JobParameters parameters) {
        checkInputs();
        pruneExpiredRuns();
        JobInstance instance = jobRepository.getJobInstance(RunKey.JOB_NAME, parameters);
        if (instance != null) {
            JobExecution last = jobRepository.getLastJobExecution(instance);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                throw alreadyCompleted(parameters);
            }
            if (last != null && last.getStatus() == BatchStatus.ABANDONED) {
                throw abandoned(parameters, last);
            }
            if (last != null && last.getStatus().isRunning()) {
                throw alreadyRunning(parameters, last);
            }
            if (last != null) { // a restart: only on the inputs the run started with, once it reconciled rows
                inputs.changedSinceStart(instance, RunKey.of(parameters).runDate())
                        .ifPresent(refusal -> {
                            throw new UserError(ExitCode.REFUSED, refusal);
                        });
            }
        }
        try {
            return jobOperator.start(job, parameters);
        } catch (JobInstanceAlreadyCompleteException e) {
            throw alreadyCompleted(parameters);
        } catch (JobExecutionAlreadyRunningException | DataIntegrityViolationException e) {
            throw new UserError(ExitCode.ALREADY_RUNNING, "run " + describe(parameters)
                    + " was started by another process at the same moment; this launch is refused");
        } catch (Exception e) {
            throw new IllegalStateException("cannot start run " + describe(parameters) + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the patient data of runs older than {@code recon.retention-days} (see ReconRepository). */
    void pruneExpiredRuns() {
        if (repository == null) {
            return;
        }
        List<Long> pruned = repository.pruneRunsEndedBefore(LocalDateTime.now().minusDays(properties.retentionDays()));
        if (!pruned.isEmpty()) {
            log.info("Retention: deleted the staged lines and rejected rows of {} run(s) that ended more than {} days "
                    + "ago (recon.retention-days)", pruned.size(), properties.retentionDays());
        }
    }

    /**
     * Every input path exists and every file is readable with the columns it must have; the
     * output folder takes files and has room for the workbook.
     */
    public void checkInputs() {
        check(properties.input().remittance(), InputKind.REMITTANCE);
        if (properties.input().claims() != null) {
            check(properties.input().claims(), InputKind.CLAIM_LINES);
        }
        check(properties.input().invoices(), InputKind.INVOICES);
        check(properties.reference().contracts(), InputKind.CONTRACTS);
        check(properties.reference().pricing(), InputKind.PRICING);
        if (properties.input().claims() != null) {
            check(properties.input().claims(), InputKind.CLAIM_LINES);
        }
        if (properties.reference().codeDescriptions() != null) {
            check(properties.reference().codeDescriptions(), InputKind.CODE_DESCRIPTIONS);
        }
        OutputFolder.check(properties.output().dir(),
                OutputFolder.estimatedWorkbookBytes(properties.input().remittance()));
    }

    private static void check(Path path, InputKind kind) {
        List<Path> files = InputFiles.list(path, kind);
        for (Path file : files) {
            if ((kind == InputKind.REMITTANCE || kind == InputKind.CLAIM_LINES) && X12Files.isX12(file)) {
                // an X12 835 or 837 (contract 5.1): its envelope is checked, not a CSV header
                try (X12SegmentReader x12 = X12SegmentReader.open(file)) {
                    x12.next();
                }
                continue;
            }
            try (CsvRecordReader ignored = CsvRecordReader.open(file, kind)) {
                // opening reads and checks the header
            } catch (IOException | RowRejectedException e) {
                throw new UserError(ExitCode.REFUSED, "cannot read " + kind.label() + " file " + file + ": " + e.getMessage());
            }
        }
    }

    /** "2026-11-23" or "2026-11-23 (rerun 1)". */
    public static String describe(JobParameters parameters) {
        return RunKey.of(parameters).toString();
    }

    private static UserError alreadyCompleted(JobParameters parameters) {
        LocalDate date = RunKey.of(parameters).runDate();
        return new UserError(ExitCode.ALREADY_COMPLETED, "run " + describe(parameters)
                + " already completed; nothing to do (to reconcile that date again on purpose: rerun runDate=" + date
                + " --confirm)");
    }

    private static UserError abandoned(JobParameters parameters, JobExecution last) {
        LocalDate date = RunKey.of(parameters).runDate();
        return new UserError(ExitCode.ALREADY_COMPLETED, "run " + describe(parameters) + " was abandoned (execution "
                + last.getId() + ") and is never resumed; to reconcile that date again on purpose: rerun runDate="
                + date + " --confirm");
    }

    private static UserError alreadyRunning(JobParameters parameters, JobExecution last) {
        LocalDate date = RunKey.of(parameters).runDate();
        return new UserError(ExitCode.ALREADY_RUNNING, "run " + describe(parameters) + " is already running (execution "
                + last.getId() + ", started " + last.getStartTime() + "); if its process died, mark it failed with: "
                + "recover runDate=" + date + ", then launch again");
    }
}
