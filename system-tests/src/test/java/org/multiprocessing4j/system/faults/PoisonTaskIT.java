package org.multiprocessing4j.system.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.AsyncResult;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.errors.PoisonTaskException;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.testkit.BrokerTest;
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
        try (Cluster cluster = new Cluster(broker.namespace());
             Multiprocessing mp = Cluster.connect(broker.uri(), broker.namespace(), OutputSink.discard())) {
            RestartingWorker restarting = new RestartingWorker(cluster, broker.uri(), "w");

            long started = System.nanoTime();
            AsyncResult<Object> poison = mp.pool().applyAsync("crash_worker");
            PoisonTaskException e = assertThrows(PoisonTaskException.class, () -> poison.get(Duration.ofMinutes(2)));
            double seconds = (System.nanoTime() - started) / 1e9;
            int deathsAtVerdict = restarting.deaths();
            assertEquals(4L, ((Number) mp.pool().apply("square", 2)).longValue(), "the cluster works on");
            Thread.sleep(2000);
            restarting.close();
            System.out.printf("[poison task] worker deaths %d (delivery limit %d + 1), caller told after %.1f s: %s; "
                    + "deaths after the verdict: %d, dead letters kept %d%n", deathsAtVerdict, Topology.DELIVERY_LIMIT,
                    seconds, e.getMessage(), restarting.deaths() - deathsAtVerdict, mp.deadLetters().count());
            assertEquals(Topology.DELIVERY_LIMIT + 1, deathsAtVerdict, "one death per delivery, then no more");
            assertEquals(deathsAtVerdict, restarting.deaths(), "no crash loop");
            assertTrue(e.getMessage().contains("was delivered 4 times"), e.getMessage());
            assertEquals(1, mp.deadLetters().count());
        }
    }

}
