package org.multiprocessing4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.Pool;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;

/** Scenario 12: 100,000 tasks on 4 workers while one worker is killed -9 and restarted every few seconds. */
@BrokerTest
@Timeout(value = 7, unit = TimeUnit.MINUTES) // its own wait is bounded below that; the default is 3 min
class ChaosIT {
    private static final int TASKS = 100_000;

    @Test
    void aHundredThousandTasksCompleteOnceEachWhileWorkersKeepDying(TestBroker broker) throws Exception {
        Figures figures = new Figures("100k tasks, a worker killed every 3 s");
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AtomicInteger kills = new AtomicInteger();
        AtomicBoolean chaos = new AtomicBoolean(true);
        try (Cluster cluster = new Cluster(broker.namespace());
             Multiprocessing mp = Cluster.connect(broker.uri(), broker.namespace(), OutputSink.discard())) {
            ChildProcess[] workers = new ChildProcess[4];
            for (int i = 0; i < workers.length; i++) {
                workers[i] = cluster.start("w" + i, broker.uri(), 16);
            }
            Thread killer = new Thread(() -> {
                int victim = 0;
                while (chaos.get()) {
                    sleep(3000);
                    if (!chaos.get()) {
                        break;
                    }
                    workers[victim].kill9();
                    kills.incrementAndGet();
                    workers[victim] = cluster.start("w" + victim + "-" + kills.get(), broker.uri(), 16);
                    victim = (victim + 1) % workers.length;
                }
            }, "chaos");
            long started = System.nanoTime();
            Pool pool = mp.pool();
            figures.submitted(TASKS);
            killer.start();
            for (int i = 0; i < TASKS; i++) {
                pool.applyAsync(Call.of("echo", i), figures::result, errors::add);
            }
            BrokerKilledIT.awaitResults(figures, TASKS, Duration.ofMinutes(6));
            chaos.set(false);
            killer.join();
            double seconds = (System.nanoTime() - started) / 1e9;
            figures.report(mp.duplicateResultsDropped(), String.format("%d workers killed -9 and restarted, %.0f s, "
                    + "%.0f tasks/s", kills.get(), seconds, TASKS / seconds));
            assertEquals(List.of(), errors);
            assertEquals(0, figures.lost());
            assertEquals(0, figures.duplicatesSeenByCaller());
            assertEquals(TASKS, figures.keys().size());
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
