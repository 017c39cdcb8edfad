package com.rcm.j3490.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands items to a consumer running on its own thread, in order, through a small bounded queue:
 * the caller (reading the database) and the consumer (writing the spreadsheet) then use both
 * cores. Memory is bounded by the queue. The consumer is one task of a single-thread
 * {@link ExecutorService}; its {@link Future} tells the caller when it ended and brings its
 * failure back, which is rethrown to the caller (once).
 */
final class BackgroundConsumer<T> implements Consumer<T>, AutoCloseable {
    private static final int BATCH = 256;
    /** Batches waiting for the consumer: the caller blocks beyond this, so memory stays bounded. */
    private static final int QUEUED_BATCHES = 4;
    private static final List<Object> END = List.of();

    private final BlockingQueue<List<?>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final ExecutorService executor;
    private final Future<Void> consumed;
    /** The failure is thrown once: close() after a failed accept() must not throw it again. */
    private boolean reported;
    private List<T> batch = new ArrayList<>(BATCH);

    BackgroundConsumer(String name, Consumer<T> consumer) {
        executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true); // a caller that died must not keep the JVM alive
            return thread;
        });
        consumed = executor.submit(() -> {
            while (true) {
                List<?> items = queue.take();
                if (items == END) {
                    return null;
                }
                for (Object item : items) {
                    @SuppressWarnings("unchecked")
                    T t = (T) item;
                    consumer.accept(t);
                }
            }
        });
        executor.shutdown(); // the one task runs on; no other is accepted
    }

    @Override
    public void accept(T item) {
        batch.add(item);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Waits for the consumer to finish everything handed to it. */
    @Override
    public void close() {
        try {
            if (!batch.isEmpty()) {
                hand(batch);
                batch = new ArrayList<>();
            }
            hand(END);
            outcome();
        } finally {
            executor.shutdownNow(); // only does something when the consumer is still running: a failure here
        }
    }

    /** Queues a batch, waiting while the queue is full; stops waiting (and rethrows) when the consumer failed. */
    private void hand(List<?> items) {
        try {
            while (!consumed.isDone()) {
                if (queue.offer(items, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the workbook", e);
        }
        outcome();
    }

    /** Waits for the consumer's end and rethrows its failure, the first time only. */
    private void outcome() {
        try {
            consumed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the workbook", e);
        } catch (ExecutionException e) {
            if (reported) {
                return;
            }
            reported = true;
            Throwable t = e.getCause();
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(t);
        }
    }
}
