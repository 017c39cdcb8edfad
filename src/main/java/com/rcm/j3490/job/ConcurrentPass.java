package com.rcm.j3490.job;

/**
 * Work started on its own thread beside the caller's, joined later; a failure on either side is
 * not lost. {@link #close()} stops the work if it was not joined (the caller failed first) and
 * waits for it, so nothing is still writing when the caller cleans up.
 */
final class ConcurrentPass implements AutoCloseable {
    /** The work: should return soon after {@code stopped} turns true. */
    interface Work {
        void run(java.util.function.BooleanSupplier stopped) throws Exception;
    }

    private final Thread thread;
    private volatile boolean stopped;
    private volatile Throwable failure;
    private volatile long finishedAt;
    private boolean joined;

    ConcurrentPass(String name, Work work) {
        thread = new Thread(() -> {
            try {
                work.run(() -> stopped);
            } catch (Throwable t) {
                failure = t;
            } finally {
                finishedAt = System.nanoTime();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the work to finish; rethrows its failure. */
    void join() {
        joined = true;
        awaitEnd();
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t.getMessage(), t);
        }
    }

    /** {@link System#nanoTime()} when the work ended; valid after {@link #join()}. */
    long finishedAt() {
        return finishedAt;
    }

    @Override
    public void close() {
        if (!joined) {
            stopped = true;
            awaitEnd();
        }
    }

    private void awaitEnd() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                stopped = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
