package org.multiprocessing4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.Pool;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;

/** Scenario 10: the jobs queue is deleted under running workers: they notice, declare it again and go on. */
@BrokerTest
class JobsQueueDeletedIT {

    @Test
    void workersNoticeTheDeletedJobsQueueAndRecover(TestBroker broker) throws Exception {
        Figures figures = new Figures("jobs queue deleted");
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        try (Cluster cluster = new Cluster(broker.namespace());
             Multiprocessing mp = Cluster.connect(broker.uri(), broker.namespace(), line -> { })) {
            ChildProcess w1 = cluster.start("w1", broker.uri(), 2);
            ChildProcess w2 = cluster.start("w2", broker.uri(), 2);
            Pool pool = mp.pool();
            figures.submitted(22);
            pool.applyAsync(Call.of("brief", "running-1", 1500), figures::result, errors::add);
            pool.applyAsync(Call.of("brief", "running-2", 1500), figures::result, errors::add);
            Thread.sleep(500);
            try (var connection = broker.newConnection(); var channel = connection.createChannel()) {
                channel.queueDelete(new Topology(broker.namespace()).jobsQueue());
            }
            long deleted = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                pool.applyAsync(Call.of("brief", "after-" + i, 10), figures::result, errors::add);
            }
            BrokerKilledIT.awaitResults(figures, 22, Duration.ofSeconds(60));
            double seconds = (System.nanoTime() - deleted) / 1e9;
            boolean noticed = w1.awaitLine(l -> l.contains("resubscribed"), Duration.ofSeconds(5))
                    && w2.awaitLine(l -> l.contains("resubscribed"), Duration.ofSeconds(5));
            figures.report(mp.duplicateResultsDropped(), String.format("both workers resubscribed: %s; 20 new tasks "
                    + "done %.1f s after the deletion", noticed, seconds));
            assertTrue(noticed, w1.describe() + "\n" + w2.describe());
            assertEquals(List.of(), errors);
            assertEquals(0, figures.lost());
            assertEquals(0, figures.duplicatesSeenByCaller());
        }
    }
}
