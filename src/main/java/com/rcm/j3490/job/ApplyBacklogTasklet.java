package com.rcm.j3490.job;

import com.rcm.j3490.backlog.BacklogStore;
import com.rcm.j3490.backlog.ItemChange;
import com.rcm.j3490.backlog.TeamColumnsSource;
import com.rcm.j3490.reconcile.ReconRepository;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The step after reconcileLines (contract 6.1): the team's columns read back from the newest
 * earlier workbook, then the night's staged lines (duplicates excluded) in input order, applied to
 * the work items. The store applies a date once: a restart of a failed apply, or a rerun of the
 * date, first undoes what an earlier attempt of the date changed. The counts go into the job's
 * execution context ({@code backlog.*}).
 */
public class ApplyBacklogTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(ApplyBacklogTasklet.class);

    private final BacklogStore store;
    private final ReconRepository repository;
    private final TeamColumnsSource teamColumns;

    public ApplyBacklogTasklet(BacklogStore store, ReconRepository repository, TeamColumnsSource teamColumns) {
        this.store = store;
        this.repository = repository;
        this.teamColumns = teamColumns;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long instanceId = jobExecution.getJobInstance().getInstanceId();
        LocalDate runDate = RunKey.of(jobExecution.getJobParameters()).runDate();
        long started = System.nanoTime();
        BacklogStore.NightResult result;
        try (BacklogStore.Night night = store.night(runDate)) {
            teamColumns.feed(night);
            // streamed in the step's transaction (PostgreSQL streams only inside one); the night
            // writes the items on a connection of its own
            repository.forEachLine(instanceId, night::line);
            result = night.finish();
        }
        var context = jobExecution.getExecutionContext();
        for (ItemChange change : ItemChange.values()) {
            context.putLong("backlog." + change.name().toLowerCase(java.util.Locale.ROOT), result.count(change));
        }
        context.putString("backlog.recovered", result.recovered().toPlainString());
        contribution.incrementReadCount(); // the step shows it did something; the line counts are above
        log.info("Work items: {} lines applied in {} s: {} opened, {} updated, {} resolved by the payer, {} reopened",
                result.linesApplied(), String.format("%.1f", (System.nanoTime() - started) / 1e9),
                result.count(ItemChange.OPENED), result.count(ItemChange.UPDATED),
                result.count(ItemChange.RESOLVED_BY_PAYER), result.count(ItemChange.REOPENED));
        return RepeatStatus.FINISHED;
    }
}
