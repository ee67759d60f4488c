package org.multiprocessing4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.Pool;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.task.CallOptions;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * 10,000 tasks of which every attempt fails transiently with probability 0.3, retried through the
 * broker's delay levels, while a worker is killed -9 (and replaced) every 3 s: every task ends
 * exactly once for its caller and no retry is lost.
 */
@BrokerTest
@Timeout(value = 7, unit = TimeUnit.MINUTES)
class RetryChaosIT {
    private static final int TASKS = 10_000;

    @Test
    void tenThousandFlakyTasksEndOnceEachWhileWorkersDie(TestBroker broker) throws Exception {
        Figures figures = new Figures("10k tasks, 30% transient failures retried, a worker killed every 3 s");
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AtomicLong attempts = new AtomicLong();
        AtomicInteger kills = new AtomicInteger();
        AtomicBoolean chaos = new AtomicBoolean(true);
        CallOptions retried = CallOptions.defaults().retries(12).retryOn(IOException.class)
                .retryBackoff(new CallOptions.Backoff(Duration.ofMillis(250), Duration.ofSeconds(2), 2.0, 0.5));
        try (Cluster cluster = new Cluster(broker.namespace());
             Multiprocessing mp = Cluster.connect(broker.uri(), broker.namespace(), OutputSink.discard())) {
            ChildProcess[] workers = new ChildProcess[3];
            for (int i = 0; i < workers.length; i++) {
                workers[i] = cluster.start("w" + i, broker.uri(), 16);
            }
            Thread killer = new Thread(() -> {
                int victim = 0;
                while (chaos.get()) {
                    sleep(3000);
                    if (chaos.get()) {
                        workers[victim].kill9();
                        kills.incrementAndGet();
                        workers[victim] = cluster.start("w" + victim + "-" + kills.get(), broker.uri(), 16);
                        victim = (victim + 1) % workers.length;
                    }
                }
            }, "chaos");
            long started = System.nanoTime();
            Pool pool = mp.pool(0, retried);
            figures.submitted(TASKS);
            killer.start();
            for (int i = 0; i < TASKS; i++) {
                pool.applyAsync(Call.of("transient", 0.3, i), result -> {
                    List<?> pair = (List<?>) result;
                    attempts.addAndGet(((Number) pair.get(1)).longValue());
                    figures.result(((Number) pair.get(0)).longValue());
                }, errors::add);
            }
            BrokerKilledIT.awaitResults(figures, TASKS, Duration.ofMinutes(6));
            chaos.set(false);
            killer.join();
            double seconds = (System.nanoTime() - started) / 1e9;
            figures.report(mp.duplicateResultsDropped(), String.format("%d workers killed -9 and replaced, %.0f s, "
                    + "%.2f attempts per task (%d in all; 1/0.7 = 1.43 expected from the faults alone)",
                    kills.get(), seconds, attempts.get() / (double) TASKS, attempts.get()));
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
