package com.rcm.j3490.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundConsumerTest {

    @Test
    void everyItemArrivesInOrderBeforeCloseReturns() {
        List<Integer> seen = new ArrayList<>();
        try (var consumer = new BackgroundConsumer<Integer>("test", seen::add)) {
            for (int i = 0; i < 10_000; i++) {
                consumer.accept(i);
            }
        }
        assertThat(seen).hasSize(10_000).isSorted();
    }

    @Test
    void aFailureOfTheConsumerReachesTheCaller() {
        assertThatThrownBy(() -> {
            try (var consumer = new BackgroundConsumer<Integer>("test", i -> {
                if (i == 700) {
                    throw new IllegalStateException("disk full");
                }
            })) {
                for (int i = 0; i < 100_000; i++) {
                    consumer.accept(i);
                }
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
    }

    @Test
    void aFailureIsThrownOnceAndTheConsumersThreadEnds() throws Exception {
        List<Thread> worker = new ArrayList<>();
        var consumer = new BackgroundConsumer<Integer>("test-once", i -> {
            worker.add(Thread.currentThread());
            throw new IllegalStateException("disk full");
        });
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100_000; i++) {
                consumer.accept(i);
            }
        }).hasMessage("disk full");
        consumer.close(); // the failure was reported already: not again
        worker.get(0).join(10_000);
        assertThat(worker.get(0).isAlive()).as("the consumer's thread ended").isFalse();
        assertThat(worker.get(0).getName()).isEqualTo("test-once");
    }
}
