package com.rcm.j3490.job;

import java.time.LocalDate;
import java.util.Objects;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Which run: the job's name and its identifying parameters, the one place that knows them. A run
 * is its {@code runDate}; a deliberate rerun of a completed date adds its ordinal ({@code rerun}
 * 1, 2, ...), which makes it a new job instance. The job reads it from its parameters, the command
 * line and the console build it.
 *
 * @param rerun null for the date's normal run
 */
public record RunKey(LocalDate runDate, Long rerun) {
    /** The Spring Batch job name (BATCH_JOB_INSTANCE.JOB_NAME). */
    public static final String JOB_NAME = "j3490Reconciliation";
    /** The identifying job parameter naming the date, and the command line's {@code runDate=} word. */
    public static final String RUN_DATE = "runDate";
    /** The identifying job parameter of a deliberate rerun (its ordinal). */
    public static final String RERUN = "rerun";

    public RunKey {
        Objects.requireNonNull(runDate, "runDate");
    }

    /** The date's normal run. */
    public static RunKey of(LocalDate runDate) {
        return new RunKey(runDate, null);
    }

    /** A deliberate rerun of a date: ordinal 1, 2, ... */
    public static RunKey rerun(LocalDate runDate, long ordinal) {
        return new RunKey(runDate, ordinal);
    }

    public static RunKey of(JobParameters parameters) {
        return new RunKey(parameters.getLocalDate(RUN_DATE), parameters.getLong(RERUN));
    }

    public boolean isRerun() {
        return rerun != null;
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder builder = new JobParametersBuilder().addLocalDate(RUN_DATE, runDate);
        if (rerun != null) {
            builder.addLong(RERUN, rerun);
        }
        return builder.toJobParameters();
    }

    /** "2026-11-23" or "2026-11-23 (rerun 1)". */
    @Override
    public String toString() {
        return runDate + (rerun == null ? "" : " (rerun " + rerun + ")");
    }
}
