package org.multiprocessing4j.faults;

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
import org.multiprocessing4j.testkit.Workers;

/**
 * Delayed jobs are held by the broker, not by a worker: the only worker is killed -9 and the broker
 * itself is killed -9 and restarted while they wait, and each still runs once from the caller's
 * view, no sooner than its time, and on time: at most {@link #LATE_BOUND} after its time (or after
 * the new worker is ready, if that is later). Jobs the broker had not confirmed at the kill are
 * published again with what is left of their delay; a level that passes a job on before the next
 * one has a leader is retried after dead_letter_worker_publisher_confirm_timeout (1 s on the test
 * nodes, as in deploy/rabbitmq-advanced.config). The bound is that timeout plus a wide margin for
 * this machine's load: it catches a job that waited its delay again (as late as the broker was
 * away: more than the bound, by design of the test) or RabbitMQ's default 180 s retry, not a
 * slow second.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DelayedJobsSurviveIT {
    private static final int JOBS = 50;
    private static final Duration COUNTDOWN = Duration.ofSeconds(45);
    private static final Duration LATE_BOUND = Duration.ofSeconds(10);

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
                // The new worker's JVM starts while the broker is down (it waits for it, as a restarted worker would):
                // the figure is about the broker's delay path, not about how long a JVM takes to start here.
                ChildProcess second = cluster.launch("w2", node.uri(), 4);
                // Down for longer than the bound: a job that waited its delay again would be later than it.
                Thread.sleep(LATE_BOUND.toMillis() + 1000);
                node.start();
                double downFor = (System.nanoTime() - killedAt) / 1e9;
                assertTrue(System.currentTimeMillis() < dueAt, "the broker was back while the jobs still waited");
                Workers.awaitReady(second);
                long workerReadyMs = System.currentTimeMillis() - dueAt;

                BrokerKilledIT.awaitResults(figures, JOBS, COUNTDOWN.plusSeconds(150));
                long earliest = lateMs.values().stream().mapToLong(Long::longValue).min().orElseThrow();
                long latest = lateMs.values().stream().mapToLong(Long::longValue).max().orElseThrow();
                List<Long> started = startedLateMs(mp, dueAt);
                long startedLatest = started.get(started.size() - 1);
                figures.report(mp.duplicateResultsDropped(), String.format("broker down %.1f s, new worker ready at %+d ms; "
                        + "started from %+d ms to %+d ms of their time (median %+d; %d starts for %d jobs), "
                        + "results from %+d ms to %+d ms (countdown %d s)", downFor, workerReadyMs,
                        started.get(0), startedLatest, started.get(started.size() / 2), started.size(), JOBS, earliest, latest,
                        COUNTDOWN.toSeconds()));
                System.out.printf("[delayed jobs] LATENESS after a broker restart: latest start %+d ms after its time "
                        + "(%+d ms after the later of its time and the new worker's readiness); bound %d ms%n",
                        startedLatest, startedLatest - Math.max(0, workerReadyMs), LATE_BOUND.toMillis());
                assertEquals(List.of(), errors);
                assertEquals(0, figures.lost(), "nothing lost");
                assertEquals(0, figures.duplicatesSeenByCaller(), "each result once");
                assertEquals(JOBS, runs.size(), "every job ran: " + runs.keySet());
                assertTrue(runs.values().stream().allMatch(n -> n.get() == 1), "each ran once: " + runs);
                assertTrue(earliest >= -100, "none ran before its time (allowing for clocks read 100 ms apart): " + earliest);
                assertTrue(started.get(0) >= -100, "none started before its time: " + started.get(0));
                assertTrue(startedLatest - Math.max(0, workerReadyMs) <= LATE_BOUND.toMillis(),
                        "each started within " + LATE_BOUND.toSeconds() + " s of its time (or of the new worker's readiness): "
                                + started);
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
