package org.multiprocessing4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.task.CallOptions;
import org.multiprocessing4j.task.Priority;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/** Queue depths as the dashboard reads them: no worker runs, so every job sent stays where it was put. */
@BrokerTest
class QueueDepthsTest {

    @Test
    void countsWaitingJobsPerQueueAndPriorityDelayedOnesAndDeadLetters(TestBroker broker) {
        try (Multiprocessing mp = new Cluster(broker).connect()) {
            Pool pool = mp.pool();
            for (int i = 0; i < 3; i++) {
                pool.applyAsync(Call.of("square", i));
            }
            pool.applyAsync(Call.of("square", 9).with(CallOptions.defaults().priority(Priority.HIGH)));
            pool.applyAsync(Call.of("square", 10).with(CallOptions.defaults().countdown(Duration.ofSeconds(120))));

            QueueDepths depths = mp.queueDepths();
            assertEquals(4, settled(() -> depths.waiting("default"), 4));
            assertEquals(1, depths.waiting("default", Priority.HIGH));
            assertEquals(3, depths.waiting("default", Priority.NORMAL));
            // a job between two delay levels is in neither for a moment: read until it is seen
            assertEquals(1, settled(depths::delayed, 1));
            assertEquals(0, depths.waiting("no-such-queue"), "a queue no worker made holds nothing");
            assertEquals(0, depths.deadLetters());
            // terminated jobs stay queued until a worker reads and skips them; the namespace is deleted after
            pool.terminate();
            mp.close(Duration.ZERO);
        }
    }

    /** Reads until the value is {@code expected} or 10 s passed, and returns the last value read. */
    private static long settled(LongSupplier read, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long value = read.getAsLong();
        while (value != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = read.getAsLong();
        }
        return value;
    }
}
