package com.rcm.j3490.job;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Job and step listener: logs each step's start and end, knows which executions run in this
 * process (the schedule asks them to stop on shutdown), and gives a failed execution a one-line
 * exit description ("step: reason")
 * instead of the stack trace Spring Batch stores (cut at 2,500 characters, often before the
 * actionable "Caused by"), so that {@code runs} and {@code show} can tell the reason.
 */
public class RunTracker implements JobExecutionListener, StepExecutionListener {
    static final String STEP_STARTED = "Step started: ";
    private static final Logger log = LoggerFactory.getLogger(RunTracker.class);
    private final Map<Long, JobExecution> running = new ConcurrentHashMap<>();
    /** Executions left to finish their workbook step on shutdown (logged once). */
    private final Set<Long> finishing = ConcurrentHashMap.newKeySet();
    static final String WORKBOOK_STEP = "writeWorkbook";

    @Override
    public void beforeStep(StepExecution stepExecution) {
        log.info("{}{} (execution {})", STEP_STARTED, stepExecution.getStepName(),
                stepExecution.getJobExecution().getId());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        log.info("Step {} {} in {}", stepExecution.getStepName(), stepExecution.getStatus(),
                RunFormat.seconds(stepExecution.getStartTime() == null ? java.time.Duration.ZERO
                        : java.time.Duration.between(stepExecution.getStartTime(), java.time.LocalDateTime.now())));
        return null;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        running.put(jobExecution.getId(), jobExecution);
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        running.remove(jobExecution.getId());
        List<Throwable> failures = jobExecution.getAllFailureExceptions();
        if (jobExecution.getStatus() == BatchStatus.FAILED && !failures.isEmpty()) {
            String steps = jobExecution.getStepExecutions().stream()
                    .filter(s -> s.getStatus() == BatchStatus.FAILED)
                    .map(StepExecution::getStepName)
                    .collect(Collectors.joining(", "));
            String reason = RunFormat.reason(failures.get(0));
            jobExecution.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(),
                    (steps.isEmpty() ? "" : steps + ": ") + reason));
        } else if (jobExecution.getStatus() == BatchStatus.STOPPED) {
            jobExecution.setExitStatus(new ExitStatus(ExitStatus.STOPPED.getExitCode(),
                    "stopped at a commit on request (the process was shut down); restart resumes it"));
        }
    }

    private static boolean writingWorkbook(JobExecution execution) {
        return execution.getStatus().isRunning() && execution.getStepExecutions().stream()
                .anyMatch(s -> s.getStepName().equals(WORKBOOK_STEP) && s.getStatus().isRunning());
    }

    /** Ids of the executions this process is running now. */
    public Set<Long> running() {
        return Set.copyOf(running.keySet());
    }

    /**
     * Asks the executions this process runs to stop at their next commit, the way Spring Batch
     * interrupts a step: the running step is marked terminate-only (the chunk step checks it at
     * each chunk boundary and ends STOPPED) and the execution STOPPING (no further step starts).
     * Done on the live objects: {@code JobOperator.stop} would write a stale copy of the step's
     * execution context to the repository, which can lose the reader's position.
     *
     * @return the descriptions of the runs asked to stop
     */
    public List<JobExecution> requestStop() {
        List<JobExecution> asked = new java.util.ArrayList<>();
        for (JobExecution execution : running.values()) {
            if (writingWorkbook(execution)) {
                // the last step: stopped after its work, it would leave a complete workbook under a
                // STOPPED run; it ends in bounded time, so it completes (within recon.shutdown-timeout)
                if (finishing.add(execution.getId())) {
                    log.info("Shutting down: run {} is writing its workbook, its last step; it completes first",
                            ReconLauncher.describe(execution.getJobParameters()));
                }
                continue;
            }
            if (execution.getStatus().isRunning()) {
                execution.setStatus(BatchStatus.STOPPING);
                execution.getStepExecutions().stream().filter(s -> s.getStatus().isRunning())
                        .forEach(StepExecution::setTerminateOnly);
                asked.add(execution);
            }
        }
        return asked;
    }
}
