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

/** Scenario 1: a worker killed with kill -9 mid-task; its tasks run again on another; one result each. */
@BrokerTest
class WorkerKilledIT {

    @Test
    void tasksOfAWorkerKilledMidTaskRunAgainElsewhereAndTheCallerGetsOneResultEach(TestBroker broker) throws Exception {
        Figures figures = new Figures("worker kill -9 mid-task");
        List<String> lines = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        try (Cluster cluster = new Cluster(broker.namespace());
             Multiprocessing mp = Cluster.connect(broker.uri(), broker.namespace(), line -> lines.add(line.pid() + " " + line.text()))) {
            ChildProcess victim = cluster.start("victim", broker.uri(), 2);
            cluster.start("survivor", broker.uri(), 2);
            Pool pool = mp.pool();
            figures.submitted(20);
            for (int i = 0; i < 20; i++) {
                pool.applyAsync(Call.of("brief", "t" + i, 800), figures::result, errors::add);
            }
            awaitLine(lines, victim.pid() + " begin");
            victim.kill9();
            BrokerKilledIT.awaitResults(figures, 20, Duration.ofSeconds(60));
            // The producer shows each line once: a rerun's "begin" (line 1 again) is not shown, its "finish" is.
            long interrupted = 0;
            long finishedElsewhere = 0;
            for (int i = 0; i < 20; i++) {
                String label = "t" + i;
                boolean begunOnVictim = lines.contains(victim.pid() + " begin " + label + " attempt 1");
                boolean finishedOnVictim = lines.contains(victim.pid() + " finish " + label);
                if (begunOnVictim && !finishedOnVictim) {
                    interrupted++;
                    if (lines.stream().anyMatch(l -> l.endsWith(" finish " + label))) {
                        finishedElsewhere++;
                    }
                }
            }
            figures.report(mp.duplicateResultsDropped(), interrupted + " tasks cut short by the kill, "
                    + finishedElsewhere + " of them finished on the survivor");
            assertTrue(interrupted > 0, "the kill hit running tasks");
            assertEquals(interrupted, finishedElsewhere, "each interrupted task ran again elsewhere");
            assertEquals(List.of(), errors);
            assertEquals(0, figures.lost());
            assertEquals(0, figures.duplicatesSeenByCaller());
        }
    }

    static void awaitLine(List<String> lines, String prefix) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (lines.stream().anyMatch(line -> line.startsWith(prefix))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line starting with '" + prefix + "' in " + lines);
    }
}
