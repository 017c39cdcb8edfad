package com.rcm.j3490.workbook;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A second thread for a part of the workbook written beside the step's own thread (All Lines,
 * half of the worklists), or threads for the claim files staged at once: its executor, its result with the failure rethrown as it was thrown, and
 * its end awaited before the workbook is closed or deleted.
 */
public final class SideThread {
    private SideThread() {
    }

    /** One daemon thread of this name. */
    public static ExecutorService named(String name) {
        return named(name, 1);
    }

    /** {@code threads} daemon threads of this name (e.g. the claim files staged at once). */
    public static ExecutorService named(String name, int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The task's result; its failure rethrown as it was thrown. {@code what} names the work for an interruption. */
    public static <T> T resultOf(Future<T> task, String what) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

    /** Shuts the thread down and waits for its task to return, even when interrupted. */
    public static void awaitEnd(ExecutorService executor) {
        executor.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (executor.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
