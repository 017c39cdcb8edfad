package com.rcm.j3490.job;

import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The reconcile step's worker pool ({@code recon.reconcile-threads}): a bean, so the container
 * shuts it down with the application. Its threads start with the first chunk that uses them. A
 * holder rather than an {@code Executor} bean: Boot's own task executor backs off when the
 * context has an {@code Executor} bean.
 */
public class ReconcileThreads implements DisposableBean {
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    public ReconcileThreads(int threads, Duration shutdownTimeout) {
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("reconcile-");
        executor.setDaemon(true);
        // a run is asked to stop at its next commit before the context closes; let its chunk finish
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationMillis(shutdownTimeout.toMillis());
        executor.initialize();
    }

    public AsyncTaskExecutor executor() {
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
