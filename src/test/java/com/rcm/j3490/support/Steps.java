package com.rcm.j3490.support;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** Step lookups kept out of test classes (@SpringBatchTest treats their StepExecution methods as factories). */
public final class Steps {
    private Steps() {
    }

    public static StepExecution named(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
    }
}
