package org.multiprocessing4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.sync.RemoteLock;
import org.multiprocessing4j.sync.RemoteSemaphore;
import org.multiprocessing4j.sync.RemoteValue;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * Contention across worker JVMs: 8 workers (one slot each, so 8 JVMs and 8 connections) cycle on one
 * Lock and on one Semaphore(3). Each hold is timed in wall-clock microseconds (one machine, one
 * clock) and the holds are checked for overlap; under the Lock a non-atomic read-then-write of a
 * shared Value counts the cycles, so a second holder would show as a lost update.
 */
@BrokerTest
class SyncAcrossWorkersTest {
    private static final int WORKERS = 8;
    private static Cluster cluster;

    @BeforeAll
    static void start(TestBroker broker) {
        cluster = new Cluster(broker).start(WORKERS, 1);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void eightWorkersTimesAThousandCyclesOnOneLockNeverSeeTwoHolders() {
        int cycles = 1000;
        try (Multiprocessing mp = cluster.connect()) {
            RemoteLock lock = mp.lock();
            RemoteValue counter = mp.value("i", 0);
            long started = System.nanoTime();
            List<List<Long>> holds = run(mp, "sync_lock_cycles", lock, counter, cycles, 0);
            double seconds = (System.nanoTime() - started) / 1e9;
            int most = mostAtOnce(holds);
            System.out.printf("Lock: %d workers x %d cycles in %.1f s (%.0f acquire/release per s, with the counter's "
                    + "get and set inside), counter %d, most holders at once %d%n", WORKERS, cycles, seconds,
                    WORKERS * cycles / seconds, counter.getInt(), most);
            assertEquals(WORKERS * cycles, holds.size());
            assertEquals(1, most, "never two holders at once");
            assertEquals(WORKERS * cycles, counter.getInt(), "no update lost under the lock");
            assertFalse(lock.locked(), "free at the end");
        }
    }

    @Test
    void aSemaphoreOfThreeNeverHasFourHolders() {
        int cycles = 300;
        try (Multiprocessing mp = cluster.connect()) {
            RemoteSemaphore sem = mp.semaphore(3);
            long started = System.nanoTime();
            List<List<Long>> holds = run(mp, "sync_lock_cycles", sem, null, cycles, 2); // held 2 ms: they do overlap
            double seconds = (System.nanoTime() - started) / 1e9;
            int most = mostAtOnce(holds);
            System.out.printf("Semaphore(3): %d workers x %d cycles in %.1f s, most holders at once %d%n",
                    WORKERS, cycles, seconds, most);
            assertEquals(WORKERS * cycles, holds.size());
            assertTrue(most <= 3, "never four holders: " + most);
            assertEquals(3, most, "the three permits were used at once");
            assertEquals(3, sem.value(), "every permit back at the end");
        }
    }

    @Test
    void aTypedTaskReceivesALockAndAValueAsItsDeclaredTypes() {
        try (Multiprocessing mp = cluster.connect()) {
            RemoteLock lock = mp.lock();
            RemoteValue total = mp.value("i", 0);
            List<Integer> seen = new ArrayList<>(mp.pool(4).starmap(org.multiprocessing4j.support.SyncTestTasks.ADD_UNDER_LOCK,
                    List.of(List.of(lock, total, 1), List.of(lock, total, 2), List.of(lock, total, 3), List.of(lock, total, 4))));
            assertEquals(10, total.getInt(), "every addition under the lock: " + seen);
            assertTrue(seen.contains(10), "the last one saw the sum: " + seen);
        }
    }

    /** Runs the task on every worker at once (one per worker: each has one slot) and gathers the holds. */
    @SuppressWarnings("unchecked")
    private static List<List<Long>> run(Multiprocessing mp, String task, Object lock, Object counter, int cycles,
                                        int holdMs) {
        Pool pool = mp.pool(WORKERS);
        List<AsyncResult<Object>> results = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            results.add(pool.applyAsync(task, lock, counter, cycles, holdMs));
        }
        List<List<Long>> holds = new ArrayList<>();
        for (AsyncResult<Object> result : results) {
            for (Object hold : (List<Object>) result.get(Duration.ofMinutes(10))) {
                List<Object> pair = (List<Object>) hold;
                holds.add(List.of(((Number) pair.get(0)).longValue(), ((Number) pair.get(1)).longValue()));
            }
        }
        return holds;
    }

    /** The most holds that overlap at any instant (a sweep over starts and ends; an end at t frees before a start at t). */
    static int mostAtOnce(List<List<Long>> holds) {
        List<long[]> edges = new ArrayList<>();
        for (List<Long> hold : holds) {
            edges.add(new long[] {hold.get(0), 1});
            edges.add(new long[] {hold.get(1), -1});
        }
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int now = 0;
        int most = 0;
        for (long[] edge : edges) {
            now += (int) edge[1];
            most = Math.max(most, now);
        }
        return most;
    }

    static long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    static Set<Long> pids(List<RemoteProcess> processes) {
        Set<Long> pids = new HashSet<>();
        processes.forEach(p -> pids.add(p.pid()));
        return pids;
    }
}
