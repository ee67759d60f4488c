package org.multiprocessing4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.Pool;
import org.multiprocessing4j.testkit.PrivateBroker;

/**
 * Scenario 4: the broker is killed with kill -9 and restarted while tasks are queued and running.
 * Every confirmed task completes once; producer and workers reconnect by themselves.
 */
class BrokerKilledIT {
    private static final int TASKS = 300;

    @Test
    void everyTaskCompletesOnceAfterTheBrokerIsKilledAndRestarted() throws Exception {
        Figures figures = new Figures("broker kill -9 + restart");
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        try (PrivateBroker node = PrivateBroker.builder("brokerkill").start(); Cluster cluster = new Cluster("faults")) {
            cluster.start("w1", node.uri(), 4);
            cluster.start("w2", node.uri(), 4);
            Thread.sleep(2000); // a quorum queue killed within 1-2 s of its declaration can lose its leader (Ra, 3.10.8)
            try (Multiprocessing mp = Cluster.connect(node.uri(), "faults", OutputSink.discard())) {
                Pool pool = mp.pool();
                figures.submitted(TASKS);
                for (int i = 0; i < TASKS; i++) {
                    pool.applyAsync(Call.of("sleep", 0.05, i), figures::result, errors::add);
                }
                awaitResults(figures, 40, Duration.ofSeconds(60));
                int before = figures.results();
                long killedAt = System.nanoTime();
                node.kill9();
                Thread.sleep(2000);
                node.start();
                double downFor = (System.nanoTime() - killedAt) / 1e9;
                awaitResults(figures, TASKS, Duration.ofSeconds(120));
                figures.report(mp.duplicateResultsDropped(), String.format("%d results before the kill, broker down %.1f s",
                        before, downFor));
                assertTrue(before < TASKS, "the kill happened while work was queued");
                assertEquals(List.of(), errors);
                assertEquals(0, figures.lost(), "nothing lost");
                assertEquals(0, figures.duplicatesSeenByCaller(), "each result once");
                pool.close();
                pool.join();
            }
        }
    }

    static void awaitResults(Figures figures, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (figures.results() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (figures.results() < count) {
            throw new AssertionError("only " + figures.results() + " of " + count + " results within " + timeout);
        }
    }
}
