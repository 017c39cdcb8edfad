package com.rcm.j3490.threads;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Threads beside a step's own thread: a part of the workbook (All Lines, half of the worklists),
 * the claim files staged at once. Their executor, a task's result with its failure rethrown as it
 * was thrown, and their end awaited before what they write is used (the workbook closed or
 * deleted, the staging finished). Its own package, below every other, so any layer may use it.
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
