package com.rcm.j3490.job;

import com.rcm.j3490.reconcile.LineOutcome;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Progress of the reconcile step: after a chunk's transaction commits, one INFO line when
 * {@code recon.progress.interval} has passed (or {@code recon.progress.every-chunks} chunks):
 * rows done of the run's total, rate and estimated finish. The total is exact: the remittance
 * check of the first step counts the records it parses ({@link #TOTAL_ROWS}). Rows done are kept
 * in the step's execution context, so a restarted step counts on from its last commit.
 *
 * <p>Example: {@code Progress reconcileLines: 120,000 of 400,000 rows (30%), 120 chunks committed,
 * 24,310 rows/s, ETA 12 s (02:14:31)}. Counts only; nothing of a line's content is logged.
 */
public class ReconProgress implements StepExecutionListener, ItemWriteListener<LineOutcome>, ItemStream {
    /** Job execution context key: remittance records the run reads (set by the remittance check). */
    public static final String TOTAL_ROWS = "recon.remittanceRows";
    /** Step execution context key: rows done, earlier executions included (read by the console's run page). */
    public static final String ROWS_DONE = "recon.progress.rowsDone";
    public static final String PREFIX = "Progress reconcileLines: ";
    private static final Logger log = LoggerFactory.getLogger(ReconProgress.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Duration interval;
    private final int everyChunks;

    private StepExecution step;
    private long total;
    private long rowsAtStart;
    private long startNanos;
    private long lastLogNanos;
    private long chunksAtLastLog;

    public ReconProgress(Duration interval, int everyChunks) {
        this.interval = interval;
        this.everyChunks = everyChunks;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution;
        total = stepExecution.getJobExecution().getExecutionContext().getLong(TOTAL_ROWS, 0L);
        startNanos = System.nanoTime();
        lastLogNanos = startNanos;
        chunksAtLastLog = 0;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        rowsAtStart = executionContext.getLong(ROWS_DONE, 0L);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        if (step != null) {
            executionContext.putLong(ROWS_DONE, rowsDone());
        }
    }

    /** After a chunk's write, in its transaction (Batch calls write listeners whether or not the chunk is processed on several threads; chunk listeners only when it is not). */
    @Override
    public void afterWrite(Chunk<? extends LineOutcome> chunk) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed();
                }
            });
        } else {
            committed();
        }
    }

    /** Rows of the run's remittance read and committed so far, earlier executions included. */
    long rowsDone() {
        return rowsAtStart + step.getReadCount();
    }

    private void committed() {
        long now = System.nanoTime();
        long chunks = step.getCommitCount();
        boolean byChunks = everyChunks > 0 && chunks - chunksAtLastLog >= everyChunks;
        if (!byChunks && now - lastLogNanos < interval.toNanos()) {
            return;
        }
        lastLogNanos = now;
        chunksAtLastLog = chunks;
        log.info(line(rowsDone(), rowsDone() - rowsAtStart, total, chunks, Duration.ofNanos(now - startNanos)));
    }

    /** The progress line; {@code total} 0 = unknown. */
    public static String line(long done, long doneHere, long total, long chunks, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        double rate = doneHere / seconds;
        StringBuilder b = new StringBuilder(PREFIX).append(RunFormat.n(done));
        if (total > 0) {
            b.append(" of ").append(RunFormat.n(total)).append(" rows (").append(Math.min(100, done * 100 / total))
                    .append("%)");
        } else {
            b.append(" rows");
        }
        b.append(", ").append(RunFormat.n(chunks)).append(" chunks committed, ").append(RunFormat.n(Math.round(rate)))
                .append(" rows/s");
        if (total > 0 && rate > 0) {
            long eta = Math.round(Math.max(0, total - done) / rate);
            b.append(", ETA ").append(eta(eta)).append(" (").append(LocalTime.now().plusSeconds(eta).format(CLOCK))
                    .append(")");
        }
        return b.toString();
    }

    static String eta(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
