package com.rcm.j3490.job;

import java.nio.BufferUnderflowException;
import java.time.LocalDate;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The workbook step around its tasklet: a failure caused by the staged lines themselves (a value
 * the workbook cannot hold, an arithmetic overflow, a line an older version staged) is not cured
 * by a restart, which rebuilds the workbook from the same lines. Such a failure says so, and what
 * to do instead: fix the input, abandon the run and rerun the date (which stages the lines again).
 * Failures of the machine (disk, database) are left as they are: fixing them and restarting works.
 */
public final class StagedDataFailures implements Tasklet {
    private final Tasklet workbook;

    public StagedDataFailures(Tasklet workbook) {
        this.workbook = workbook;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        try {
            return workbook.execute(contribution, chunkContext);
        } catch (RuntimeException e) {
            Throwable root = RunFormat.rootCause(e);
            if (!causedByStagedData(root)) {
                throw e;
            }
            LocalDate runDate = RunKey.of(chunkContext.getStepContext().getStepExecution().getJobExecution()
                    .getJobParameters()).runDate();
            throw new IllegalStateException("the workbook cannot be built from the staged lines ("
                    + FailureReason.abbreviate(RunFormat.reason(root), 200) + "); a restart rebuilds it from the same "
                    + "lines and would fail the same way. Fix the input file, then " + FailureReason.rerunAdvice(runDate),
                    e);
        }
    }

    static boolean causedByStagedData(Throwable root) {
        return root instanceof ArithmeticException || root instanceof IllegalArgumentException
                || root instanceof IndexOutOfBoundsException || root instanceof BufferUnderflowException;
    }
}
