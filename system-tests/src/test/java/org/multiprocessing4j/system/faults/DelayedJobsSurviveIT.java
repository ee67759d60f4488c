package org.multiprocessing4j.system.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.multiprocessing4j.EventFeed;
import org.multiprocessing4j.JobEvent;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputLine;
import org.multiprocessing4j.Pool;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.task.CallOptions;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.PrivateBroker;

/**
 * Delayed jobs are held by the broker, not by a worker: the only worker is killed -9 and the broker
 * itself is killed -9 and restarted while they wait, and each still runs once, no sooner than its time.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DelayedJobsSurviveIT {
    private static final int JOBS = 50;
    private static final Duration COUNTDOWN = Duration.ofSeconds(30);

    @Test
    void delayedJobsRunOnceAtTheirTimeAfterTheirWorkerAndTheBrokerAreKilled() throws Exception {
        Figures figures = new Figures("delayed jobs, worker kill -9 then broker kill -9 + restart while they wait");
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, Long> lateMs = new ConcurrentHashMap<>();
        try (PrivateBroker node = PrivateBroker.builder("delayed").start(); Cluster cluster = new Cluster("delayed")) {
            ChildProcess first = cluster.start("w1", node.uri(), 4);
            Thread.sleep(2000); // a quorum queue killed within 1-2 s of its declaration can lose its leader (Ra, 3.10.8)
            try (Multiprocessing mp = Cluster.connect(node.uri(), "delayed", line -> countRun(runs, line))) {
                Pool pool = mp.pool(0, CallOptions.defaults().countdown(COUNTDOWN));
                figures.submitted(JOBS);
                long dueAt = System.currentTimeMillis() + COUNTDOWN.toMillis();
                for (int i = 0; i < JOBS; i++) {
                    String label = "delayed-" + i;
                    pool.applyAsync(Call.of("brief", label, 10), result -> {
                        lateMs.put(label, System.currentTimeMillis() - dueAt);
                        figures.result(result);
                    }, errors::add);
                }
                first.kill9();
                long killedAt = System.nanoTime();
                node.kill9();
                Thread.sleep(2000);
                node.start();
                double downFor = (System.nanoTime() - killedAt) / 1e9;
                assertTrue(System.currentTimeMillis() < dueAt, "the broker was back while the jobs still waited");
                cluster.start("w2", node.uri(), 4);
                long workerReadyMs = System.currentTimeMillis() - dueAt;

                BrokerKilledIT.awaitResults(figures, JOBS, COUNTDOWN.plusSeconds(150));
                long earliest = lateMs.values().stream().mapToLong(Long::longValue).min().orElseThrow();
                long latest = lateMs.values().stream().mapToLong(Long::longValue).max().orElseThrow();
                List<Long> started = startedLateMs(mp, dueAt);
                figures.report(mp.duplicateResultsDropped(), String.format("broker down %.1f s, new worker ready at %+d ms; "
                        + "started from %+d ms to %+d ms of their time (median %+d), results from %+d ms to %+d ms (countdown %d s)", downFor, workerReadyMs,
                        started.get(0), started.get(started.size() - 1), started.get(started.size() / 2), earliest, latest,
                        COUNTDOWN.toSeconds()));
                assertEquals(List.of(), errors);
                assertEquals(0, figures.lost(), "nothing lost");
                assertEquals(0, figures.duplicatesSeenByCaller(), "each result once");
                assertEquals(JOBS, runs.size(), "every job ran: " + runs.keySet());
                assertTrue(runs.values().stream().allMatch(n -> n.get() == 1), "each ran once: " + runs);
                assertTrue(earliest >= -100, "none ran before its time (allowing for clocks read 100 ms apart): " + earliest);
                pool.close();
                pool.join();
            }
        }
    }

    /** When each job started on its worker, from the events stream, relative to its time, sorted. */
    private static List<Long> startedLateMs(Multiprocessing mp, long dueAt) {
        List<Long> late = new ArrayList<>();
        try (EventFeed events = mp.history().events(null, "brief", false)) {
            for (JobEvent event : events) {
                if (event.type().equals("started")) {
                    late.add(event.at().toEpochMilli() - dueAt);
                }
            }
        }
        Collections.sort(late);
        return late;
    }

    private static void countRun(Map<String, AtomicInteger> runs, OutputLine line) {
        if (line.text().startsWith("begin ")) {
            String label = line.text().split(" ")[1];
            runs.computeIfAbsent(label, key -> new AtomicInteger()).incrementAndGet();
        }
    }
}
