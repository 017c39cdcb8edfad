package com.rcm.j3490.reconcile;

import java.time.LocalDate;
import java.util.function.LongSupplier;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes each chunk in the chunk's transaction, so a rolled-back chunk leaves no trace. Knows the
 * first line of every duplicate key seen so far in the run; on open (a restart included) it
 * rebuilds that from the lines already committed. Keys that earlier completed runs reconciled
 * are looked up in the database, a check at a time ({@link EarlierRunKeys}).
 */
public class ReconcileWriter implements ItemStreamWriter<LineOutcome> {
    private final ReconRepository repository;
    private final LongSupplier instanceId;
    private final LocalDate runDate;
    private DuplicateIndex firstLines;
    private EarlierRunKeys earlierRuns;

    public ReconcileWriter(ReconRepository repository, LongSupplier instanceId, LocalDate runDate) {
        this.repository = repository;
        this.instanceId = instanceId;
        this.runDate = runDate;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        firstLines = new DuplicateIndex();
        earlierRuns = repository.earlierRunKeys(runDate);
        repository.forEachFirstLine(instanceId.getAsLong(),
                (key, seq) -> firstLines.add(DuplicateIndex.fingerprint(key), seq));
    }

    @Override
    public void write(Chunk<? extends LineOutcome> chunk) {
        if (firstLines == null) {
            open(new ExecutionContext());
        }
        repository.writeChunk(instanceId.getAsLong(), chunk.getItems(), firstLines, earlierRuns);
    }

    /** The index is a few bytes a line: it goes with the step, not with the workbook step after it. */
    @Override
    public void close() {
        if (firstLines != null) {
            firstLines.clear();
            firstLines = null;
            earlierRuns = null;
        }
    }
}
