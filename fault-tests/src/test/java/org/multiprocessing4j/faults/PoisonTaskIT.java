package org.multiprocessing4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
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

            PoisonVerdict verdict = PoisonVerdict.of(mp, restarting);
            PoisonTaskException e = verdict.error();
            double seconds = verdict.seconds();
            int deathsAtVerdict = verdict.deathsAtVerdict();
            System.out.printf("[poison task] worker deaths %d (delivery limit %d + 1), caller told after %.1f s: %s; "
                    + "deaths after the verdict: %d, dead letters kept %d%n", deathsAtVerdict, Topology.DELIVERY_LIMIT,
                    seconds, e.getMessage(), verdict.deathsAfter() - deathsAtVerdict, mp.deadLetters().count());
            assertEquals(Topology.DELIVERY_LIMIT + 1, deathsAtVerdict, "one death per delivery, then no more");
            assertEquals(deathsAtVerdict, verdict.deathsAfter(), "no crash loop");
            assertTrue(e.getMessage().contains("was delivered 4 times"), e.getMessage());
            assertEquals(1, mp.deadLetters().count());
        }
    }

}
