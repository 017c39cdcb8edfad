package com.rcm.j3490.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The reconcile pool is a bean: closing the context ends its threads after their chunk. */
class ReconcileThreadsTest {
    @Configuration
    static class Pool {
        @Bean
        ReconcileThreads reconcileThreads() {
            return new ReconcileThreads(2, Duration.ofSeconds(5));
        }
    }

    @Test
    void closingTheContextLetsTheWorkFinishAndShutsThePoolDown() throws Exception {
        ThreadPoolTaskExecutor executor;
        Future<String> chunk;
        CountDownLatch started = new CountDownLatch(1);
        try (var context = new AnnotationConfigApplicationContext(Pool.class)) {
            executor = (ThreadPoolTaskExecutor) context.getBean(ReconcileThreads.class).executor();
            assertThat(executor.getCorePoolSize()).isEqualTo(2);
            chunk = executor.submit(() -> {
                started.countDown();
                Thread.sleep(200); // a chunk in progress when the application closes
                return Thread.currentThread().getName();
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(chunk.get()).startsWith("reconcile-"); // finished, not interrupted
        assertThat(executor.getThreadPoolExecutor().isTerminated()).isTrue();
    }
}
