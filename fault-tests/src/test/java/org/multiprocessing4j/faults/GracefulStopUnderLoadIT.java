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
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * Scenario 11: SIGTERM to every worker under load. Each finishes what it holds and takes nothing
 * more; new workers take the rest. No task is lost, none half-done, none run twice.
 */
@BrokerTest
class GracefulStopUnderLoadIT {
    private static final int TASKS = 200;

    @Test
    void stoppingEveryWorkerUnderLoadLosesNothingAndLeavesNothingHalfDone(TestBroker broker) throws Exception {
        Figures figures = new Figures("graceful stop under load");
        List<String> lines = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        try (Cluster cluster = new Cluster(broker.namespace());
             Multiprocessing mp = Cluster.connect(broker.uri(), broker.namespace(), line -> lines.add(line.pid() + " " + line.text()))) {
            List<ChildProcess> first = List.of(cluster.start("a1", broker.uri(), 2), cluster.start("a2", broker.uri(), 2),
                    cluster.start("a3", broker.uri(), 2));
            Pool pool = mp.pool();
            figures.submitted(TASKS);
            for (int i = 0; i < TASKS; i++) {
                pool.applyAsync(Call.of("brief", "t" + i, 100), figures::result, errors::add);
            }
            Thread.sleep(1000);
            first.forEach(ChildProcess::sigterm);
            for (ChildProcess worker : first) {
                assertEquals(143, worker.awaitExit(Duration.ofSeconds(30)), worker.describe());
            }
            int doneByFirst = figures.results();
            cluster.start("b1", broker.uri(), 4);
            cluster.start("b2", broker.uri(), 4);
            BrokerKilledIT.awaitResults(figures, TASKS, Duration.ofSeconds(120));

            long halfDone = first.stream().mapToLong(worker -> lines.stream().filter(l -> l.startsWith(worker.pid() + " begin")).count()
                    - lines.stream().filter(l -> l.startsWith(worker.pid() + " finish")).count()).sum();
            figures.report(mp.duplicateResultsDropped(), doneByFirst + " done before the SIGTERMs took effect, "
                    + halfDone + " left half-done by a stopped worker");
            assertTrue(doneByFirst > 0 && doneByFirst < TASKS, "the stop happened under load: " + doneByFirst);
            assertEquals(0, halfDone, "every task a stopped worker began, it finished");
            assertEquals(List.of(), errors);
            assertEquals(0, figures.lost());
            assertEquals(0, figures.duplicatesSeenByCaller());
            assertEquals(0, mp.duplicateResultsDropped(), "no task ran twice");
        }
    }
}
