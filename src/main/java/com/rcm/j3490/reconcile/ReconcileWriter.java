package com.rcm.j3490.reconcile;

import java.util.function.LongSupplier;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes each chunk in the chunk's transaction, so a rolled-back chunk leaves no trace. Knows the
 * first line of every duplicate key seen so far in the run; on open (a restart included) it
 * rebuilds that from the lines already committed.
 */
public class ReconcileWriter implements ItemStreamWriter<LineOutcome> {
    private final ReconRepository repository;
    private final LongSupplier instanceId;
    private DuplicateIndex firstLines;

    public ReconcileWriter(ReconRepository repository, LongSupplier instanceId) {
        this.repository = repository;
        this.instanceId = instanceId;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        firstLines = new DuplicateIndex();
        repository.forEachFirstLine(instanceId.getAsLong(),
                (key, seq) -> firstLines.add(DuplicateIndex.fingerprint(key), seq));
    }

    @Override
    public void write(Chunk<? extends LineOutcome> chunk) {
        if (firstLines == null) {
            open(new ExecutionContext());
        }
        repository.writeChunk(instanceId.getAsLong(), chunk.getItems(), firstLines);
    }

    /** The index is a few bytes a line: it goes with the step, not with the workbook step after it. */
    @Override
    public void close() {
        if (firstLines != null) {
            firstLines.clear();
            firstLines = null;
        }
    }
}
