package org.multiprocessing4j.system.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.AsyncResult;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.errors.PoisonTaskException;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * Scenario 2: a task that kills its worker every time. A supervisor restarts the worker each time
 * (as docker's restart policy would); after a bounded number of deliveries the job is
 * dead-lettered and the caller gets a clear error; then the crashing stops.
 */
@BrokerTest
class PoisonTaskIT {

    @Test
    void aTaskThatKillsItsWorkerIsDeadLetteredAfterBoundedAttemptsAndTheCallerIsTold(TestBroker broker) throws Exception {
        AtomicInteger deaths = new AtomicInteger();
        AtomicBoolean supervising = new AtomicBoolean(true);
        try (Cluster cluster = new Cluster(broker.namespace());
             Multiprocessing mp = Cluster.connect(broker.uri(), broker.namespace(), OutputSink.discard())) {
            Thread supervisor = new Thread(() -> {
                int generation = 0;
                while (supervising.get() && generation < 15) {
                    // Not waiting for its "ready" line: the poison job can arrive, and halt the
                    // worker, before that line is written. A death is a death either way.
                    ChildProcess worker = cluster.launch("w" + ++generation, broker.uri(), 1);
                    while (supervising.get() && worker.isAlive()) {
                        sleep(50);
                    }
                    if (!worker.isAlive()) {
                        deaths.incrementAndGet();
                    }
                }
            }, "supervisor");
            supervisor.start();

            long started = System.nanoTime();
            AsyncResult<Object> poison = mp.pool().applyAsync("crash_worker");
            PoisonTaskException e = assertThrows(PoisonTaskException.class, () -> poison.get(Duration.ofMinutes(2)));
            double seconds = (System.nanoTime() - started) / 1e9;
            int deathsAtVerdict = deaths.get();
            assertEquals(4L, ((Number) mp.pool().apply("square", 2)).longValue(), "the cluster works on");
            Thread.sleep(2000);
            supervising.set(false);
            supervisor.join();
            System.out.printf("[poison task] worker deaths %d (delivery limit %d + 1), caller told after %.1f s: %s; "
                    + "deaths after the verdict: %d, dead letters kept %d%n", deathsAtVerdict, Topology.DELIVERY_LIMIT,
                    seconds, e.getMessage(), deaths.get() - deathsAtVerdict, mp.deadLetters().count());
            assertEquals(Topology.DELIVERY_LIMIT + 1, deathsAtVerdict, "one death per delivery, then no more");
            assertEquals(deathsAtVerdict, deaths.get(), "no crash loop");
            assertTrue(e.getMessage().contains("was delivered 4 times"), e.getMessage());
            assertEquals(1, mp.deadLetters().count());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
