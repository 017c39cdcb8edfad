package com.rcm.j3490.reconcile;

import java.util.function.LongSupplier;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes each chunk in the chunk's transaction, so a rolled-back chunk leaves no trace. */
public class ReconcileWriter implements ItemWriter<LineOutcome> {
    private final ReconRepository repository;
    private final LongSupplier instanceId;

    public ReconcileWriter(ReconRepository repository, LongSupplier instanceId) {
        this.repository = repository;
        this.instanceId = instanceId;
    }

    @Override
    public void write(Chunk<? extends LineOutcome> chunk) {
        repository.writeChunk(instanceId.getAsLong(), chunk.getItems());
    }
}
