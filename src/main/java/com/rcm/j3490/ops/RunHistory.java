package com.rcm.j3490.ops;

import com.rcm.j3490.job.RunKey;
import com.rcm.j3490.job.ReconLauncher;
import com.rcm.j3490.reconcile.ReconRepository;
import com.rcm.j3490.reconcile.ReconRepository.RunCounts;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The runs recorded in the job repository, as a manager thinks of them: one run per date
 * (a job instance, identified by runDate), plus the deliberate reruns of that date (identified
 * by runDate and the rerun ordinal); each with its executions (the first launch, the restarts).
 */
public class RunHistory {
    private final JobRepository jobRepository;
    private final ReconRepository recon;

    public RunHistory(JobRepository jobRepository, ReconRepository recon) {
        this.jobRepository = jobRepository;
        this.recon = recon;
    }

    /**
     * One run (job instance) with its executions, oldest first, and its committed counts.
     *
     * @param rerun null for a date's first run, else the rerun's ordinal
     */
    public record Run(JobInstance instance, LocalDate runDate, Long rerun, List<JobExecution> executions,
            RunCounts counts) {
        public JobExecution last() {
            return executions.get(executions.size() - 1);
        }

        public BatchStatus status() {
            return last().getStatus();
        }

        /** The identifying parameters: launching them again resumes this run. */
        public JobParameters parameters() {
            return rerun == null ? ReconLauncher.parameters(runDate) : ReconLauncher.parameters(runDate, rerun);
        }

        public String name() {
            return ReconLauncher.describe(parameters());
        }

        public LocalDateTime started() {
            JobExecution first = executions.get(0);
            return first.getStartTime() != null ? first.getStartTime() : first.getCreateTime();
        }

        public LocalDateTime ended() {
            return last().getEndTime();
        }
    }

    /** The latest {@code limit} runs, newest first. */
    public List<Run> recent(int limit) {
        List<Run> runs = new ArrayList<>();
        for (JobInstance instance : jobRepository.getJobInstances(RunKey.JOB_NAME, 0, limit)) {
            run(instance).ifPresent(runs::add);
        }
        runs.sort(Comparator.comparing((Run r) -> r.instance().getInstanceId()).reversed());
        return runs;
    }

    /** The runs of one date: its first run, then its reruns in order. */
    public List<Run> ofDate(LocalDate runDate) {
        List<Run> runs = new ArrayList<>();
        find(ReconLauncher.parameters(runDate)).ifPresent(runs::add);
        for (long n = 1; ; n++) {
            Optional<Run> rerun = find(ReconLauncher.parameters(runDate, n));
            if (rerun.isEmpty()) {
                break;
            }
            runs.add(rerun.get());
        }
        return runs;
    }

    /** The date's latest run (its last rerun, if any): the one restart, recover and abandon act on. */
    public Optional<Run> latest(LocalDate runDate) {
        List<Run> runs = ofDate(runDate);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }

    /** The ordinal of the date's next rerun: 1, 2, ... */
    public long nextRerun(LocalDate runDate) {
        return ofDate(runDate).stream().filter(r -> r.rerun() != null).mapToLong(Run::rerun).max().orElse(0) + 1;
    }

    private Optional<Run> find(JobParameters parameters) {
        JobInstance instance = jobRepository.getJobInstance(RunKey.JOB_NAME, parameters);
        return instance == null ? Optional.empty() : run(instance);
    }

    private Optional<Run> run(JobInstance instance) {
        List<JobExecution> executions = new ArrayList<>(jobRepository.getJobExecutions(instance));
        if (executions.isEmpty()) {
            return Optional.empty(); // an instance whose first execution was never created (a lost race)
        }
        executions.sort(Comparator.comparing(JobExecution::getId));
        JobParameters parameters = executions.get(0).getJobParameters();
        RunKey key = RunKey.of(parameters);
        return Optional.of(new Run(instance, key.runDate(), key.rerun(), List.copyOf(executions),
                recon.runCounts(instance.getInstanceId())));
    }
}
