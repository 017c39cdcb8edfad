package com.rcm.j3490.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Hands items to a consumer running on its own thread, in order, through a small bounded queue:
 * the caller (reading the database) and the consumer (writing the spreadsheet) then use both
 * cores. Memory is bounded by the queue. A failure of the consumer is rethrown to the caller.
 */
final class BackgroundConsumer<T> implements Consumer<T>, AutoCloseable {
    private static final int BATCH = 256;
    private static final List<Object> END = List.of();

    private final BlockingQueue<List<?>> queue = new ArrayBlockingQueue<>(4);
    private final Thread worker;
    private volatile Throwable failure;
    /** The failure is thrown once: close() after a failed accept() must not throw it again. */
    private boolean reported;
    private List<T> batch = new ArrayList<>(BATCH);

    BackgroundConsumer(String name, Consumer<T> consumer) {
        worker = new Thread(() -> {
            try {
                while (true) {
                    List<?> items = queue.take();
                    if (items == END) {
                        return;
                    }
                    for (Object item : items) {
                        @SuppressWarnings("unchecked")
                        T t = (T) item;
                        consumer.accept(t);
                    }
                }
            } catch (Throwable t) {
                failure = t;
                queue.clear();
            }
        }, name);
        worker.setDaemon(true);
        worker.start();
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
        if (!batch.isEmpty()) {
            hand(batch);
            batch = new ArrayList<>();
        }
        hand(END);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the workbook", e);
        }
        rethrow();
    }

    private void hand(List<?> items) {
        try {
            while (failure == null && worker.isAlive()) {
                if (queue.offer(items, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the workbook", e);
        }
        rethrow();
    }

    private void rethrow() {
        Throwable t = failure;
        if (t == null || reported) {
            return;
        }
        reported = true;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
