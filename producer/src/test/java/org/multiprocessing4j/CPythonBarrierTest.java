package org.multiprocessing4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.support.SyncBarrierTasks;
import org.multiprocessing4j.sync.RemoteBarrier;
import org.multiprocessing4j.sync.RemoteLock;
import org.multiprocessing4j.sync.RemoteValue;

/**
 * CPython's {@code _TestBarrier}: N-1 parties are child processes on the workers, one is the test's thread
 * (where the ports come from: {@link CPythonSyncTestBase}).
 */
class CPythonBarrierTest extends CPythonSyncTestBase {
    @Nested
    class _TestBarrier {
        static final int N = SyncBarrierTasks.N;

        RemoteBarrier newBarrier() {
            return mp.barrier(null, N, null, Duration.ofSeconds(30)); // CPython's setUp: defaultTimeout 30
        }

        RemoteValue dummyList() {
            return mp.value("i", 0);
        }

        /** CPython's run_threads: N-1 child processes run the task, this thread runs {@code f}. */
        void runThreads(String task, Runnable f, Object... args) {
            List<RemoteProcess> bunch = new ArrayList<>();
            for (int i = 0; i < N - 1; i++) {
                bunch.add(process(task, args));
            }
            f.run();
            bunch.forEach(CPythonSyncTestBase::join);
        }

        void test_barrier(int passes) {
            RemoteBarrier barrier = newBarrier();
            RemoteValue r0 = dummyList();
            RemoteValue r1 = dummyList();
            runThreads("sync_multipass", () -> SyncBarrierTasks.multipass(barrier, r0, r1, passes), barrier, r0, r1, passes);
            barrier.abort(); // tearDown
        }

        @Test
        void test_barrier() {
            test_barrier(1);
        }

        @Test
        void test_barrier_10() {
            test_barrier(10);
        }

        @Test
        void test_wait_return() {
            RemoteBarrier barrier = newBarrier();
            RemoteQueue queue = mp.queue();
            runThreads("sync_wait_return_f", () -> queue.put(barrier.await()), barrier, queue);
            List<Object> results = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                results.add(queue.get(Duration.ofSeconds(10)));
            }
            assertEquals(1, results.stream().filter(r -> ((Number) r).intValue() == 0).count(), "one party arrived first: " + results);
            assertEquals(List.of(0, 1, 2, 3, 4), results.stream().map(r -> ((Number) r).intValue()).sorted().toList());
        }

        @Test
        void test_action() {
            RemoteValue results = dummyList();
            RemoteBarrier barrier = mp.barrier(null, N, () -> SyncBarrierTasks.append(results), null);
            runThreads("sync_action_f", () -> {
                barrier.await();
                assertEquals(1, SyncBarrierTasks.len(results));
            }, barrier, results);
            assertEquals(1, SyncBarrierTasks.len(results));
        }

        @Test
        void test_abort() {
            RemoteBarrier barrier = newBarrier();
            RemoteValue r1 = dummyList();
            RemoteValue r2 = dummyList();
            runThreads("sync_abort_f", () -> SyncBarrierTasks.abortF(barrier, r1, r2), barrier, r1, r2);
            assertEquals(0, SyncBarrierTasks.len(r1));
            assertEquals(N - 1, SyncBarrierTasks.len(r2));
            assertTrue(barrier.broken());
        }

        @Test
        void test_reset() {
            RemoteBarrier barrier = newBarrier();
            RemoteValue r1 = dummyList();
            RemoteValue r2 = dummyList();
            RemoteValue r3 = dummyList();
            runThreads("sync_reset_f", () -> SyncBarrierTasks.resetF(barrier, r1, r2, r3), barrier, r1, r2, r3);
            assertEquals(0, SyncBarrierTasks.len(r1));
            assertEquals(N - 1, SyncBarrierTasks.len(r2));
            assertEquals(N, SyncBarrierTasks.len(r3));
        }

        @Test
        void test_abort_and_reset() {
            RemoteBarrier barrier = newBarrier();
            RemoteBarrier barrier2 = mp.barrier(N);
            RemoteValue r1 = dummyList();
            RemoteValue r2 = dummyList();
            RemoteValue r3 = dummyList();
            runThreads("sync_abort_and_reset_f", () -> SyncBarrierTasks.abortAndResetF(barrier, barrier2, r1, r2, r3),
                    barrier, barrier2, r1, r2, r3);
            assertEquals(0, SyncBarrierTasks.len(r1));
            assertEquals(N - 1, SyncBarrierTasks.len(r2));
            assertEquals(N, SyncBarrierTasks.len(r3));
        }

        @Test
        void test_timeout() {
            RemoteBarrier barrier = newBarrier();
            RemoteValue results = dummyList();
            runThreads("sync_timeout_f", () -> SyncBarrierTasks.timeoutF(barrier, results), barrier, results);
            assertEquals(barrier.parties(), SyncBarrierTasks.len(results));
        }

        @Test
        void test_default_timeout() {
            RemoteBarrier barrier = mp.barrier(null, N, null, Duration.ofMillis(500));
            RemoteValue results = dummyList();
            runThreads("sync_default_timeout_f", () -> SyncBarrierTasks.defaultTimeoutF(barrier, results), barrier, results);
            assertEquals(barrier.parties(), SyncBarrierTasks.len(results));
        }

        @Test
        void test_single_thread() {
            RemoteBarrier b = mp.barrier(1);
            assertEquals(0, b.await());
            assertEquals(0, b.await());
        }

        /** CPython passes 1,000 times with N processes and a Pipe; here 100 passes and a Queue (the Pipe is another issue's). */
        @Test
        void test_thousand() {
            int passes = 100;
            RemoteBarrier barrier = newBarrier();
            RemoteLock lock = mp.lock();
            RemoteQueue conn = mp.queue();
            List<RemoteProcess> processes = new ArrayList<>();
            for (int j = 0; j < N; j++) {
                processes.add(process("sync_thousand_f", barrier, passes, conn, lock));
            }
            for (int i = 0; i < passes; i++) {
                for (int j = 0; j < N; j++) {
                    assertEquals(i, ((Number) conn.get(Duration.ofSeconds(60))).intValue());
                }
            }
            processes.forEach(CPythonSyncTestBase::join);
        }
    }
}
