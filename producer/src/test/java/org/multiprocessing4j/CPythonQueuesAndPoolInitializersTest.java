package org.multiprocessing4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.errors.ClosedException;
import org.multiprocessing4j.errors.RemoteTaskException;
import org.multiprocessing4j.errors.TooManyTaskDoneException;
import org.multiprocessing4j.queue.JoinableQueue;
import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.queue.SimpleQueue;

/**
 * CPython's {@code _TestQueue} (JoinableQueue, with two of {@code test_queue}'s), {@code _TestSimpleQueue},
 * {@code _TestInitializers} and {@code _TestPoolWorkerLifetime} (where the ports come from:
 * {@link CPythonQueuesPipesAndPoolsTestBase}).
 */
class CPythonQueuesAndPoolInitializersTest extends CPythonQueuesPipesAndPoolsTestBase {
    // ---- _TestQueue (JoinableQueue) and test_queue --------------------------------------------

    @Test
    void test_task_done() {
        JoinableQueue queue = mp.joinableQueue();
        List<RemoteProcess> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            RemoteProcess p = mp.process("test_task_done", queue);
            p.setDaemon(true);
            p.start();
            workers.add(p);
        }
        for (int i = 0; i < 10; i++) {
            queue.put(i);
        }
        assertTrue(queue.join(WAIT), "join returned once all 10 were done");
        assertEquals(0, queue.unfinishedTasks());
        for (int i = 0; i < workers.size(); i++) {
            queue.put(null);
        }
        workers.forEach(p -> p.join(WAIT));
        workers.forEach(p -> assertEquals(0, p.exitCode(), p + ": " + p.failure()));
        workers.forEach(p -> assertNotEquals(MY_PID, p.pid()));
    }

    /** test_queue.BaseQueueTestMixin.test_queue_task_done: task_done on a fresh queue raises ValueError. */
    @Test
    void test_queue_task_done() {
        JoinableQueue q = mp.joinableQueue();
        TooManyTaskDoneException e = assertThrows(TooManyTaskDoneException.class, q::taskDone);
        assertTrue(e.getMessage().contains("task_done() called too many times"), e.getMessage());
        q.put("one");
        assertEquals("one", q.get(WAIT));
        q.taskDone();
        assertThrows(TooManyTaskDoneException.class, q::taskDone, "the count never goes negative");
    }

    /** test_queue.BaseQueueTestMixin.queue_join_test: two workers sum 0..99; join blocks until all done, twice. */
    @Test
    void test_queue_join() {
        JoinableQueue q = mp.joinableQueue();
        RemoteQueue sums = mp.queue();
        List<RemoteProcess> threads = List.of(mp.process("queue_join_worker", q, sums),
                mp.process("queue_join_worker", q, sums));
        threads.forEach(RemoteProcess::start);
        for (int i = 0; i < 100; i++) {
            q.put(i);
        }
        assertTrue(q.join(WAIT));
        q.put(-1);
        q.put(-1);
        assertTrue(q.join(WAIT), "join can be called twice");
        long cum = 0;
        for (int i = 0; i < 2; i++) {
            List<?> report = (List<?>) sums.get(WAIT);
            cum += ((Number) report.get(0)).longValue();
            assertNotEquals(MY_PID, ((Number) report.get(1)).longValue());
        }
        assertEquals(4950, cum, "q.join() did not block until all tasks were done");
        threads.forEach(p -> p.join(WAIT));
    }

    // ---- _TestSimpleQueue ----------------------------------------------------------------------

    @Test
    void test_empty() {
        SimpleQueue queue = mp.simpleQueue();
        assertTrue(queue.empty());
        RemoteProcess proc = mp.process("test_empty", queue);
        proc.setDaemon(true);
        proc.start();
        proc.join(WAIT); // CPython waits on parent_can_continue, set by the child when done
        assertEquals(0, proc.exitCode(), String.valueOf(proc.failure()));
        assertNotEquals(MY_PID, proc.pid());
        assertFalse(queue.empty());
        assertEquals(true, queue.get());
        assertEquals(false, queue.get());
        assertTrue(queue.empty());
    }

    @Test
    void test_empty_exceptions() {
        SimpleQueue q = mp.simpleQueue();
        q.close();
        assertTrue(assertThrows(ClosedException.class, q::empty).getMessage().contains("is closed"));
    }

    @Test
    void test_close() {
        SimpleQueue queue = mp.simpleQueue();
        queue.close();
        queue.close(); // closing a queue twice should not fail
    }

    // ---- _TestInitializers, _TestPoolWorkerLifetime ----------------------------------------------

    @Test
    void test_pool_initializer() {
        assertThrows(NullPointerException.class, () -> mp.poolBuilder().initializer((org.multiprocessing4j.task.Call<?>) null));
        SimpleQueue ns = mp.simpleQueue();
        Pool p = mp.poolBuilder().processes(1).initializer("initializer", ns, "set by the initializer").build();
        List<?> seen = (List<?>) p.apply("read_pool_state");
        p.close();
        p.join();
        assertEquals("set by the initializer", seen.get(0), "the pool's task sees what its initializer left");
        List<?> initialized = (List<?>) ns.get();
        assertEquals("initialized", initialized.get(0));
        assertEquals(seen.get(1), initialized.get(1), "the initializer ran on the worker that ran the task");
        assertNotEquals(MY_PID, ((Number) seen.get(1)).longValue());
        assertTrue(ns.empty(), "ns.test == 1: it ran once");
    }

    @Test
    void test_pool_initializer_is_a_registered_task() {
        Pool p = mp.poolBuilder().processes(1).initializer("no_such_initializer").build();
        RemoteTaskException e = assertThrows(RemoteTaskException.class, () -> p.apply("read_pool_state"));
        assertTrue(e.getMessage().contains("no_such_initializer"), e.getMessage());
        p.close();
        p.join();
    }

    @Test
    void test_pool_worker_lifetime() {
        Pool p = mp.poolBuilder().processes(3).maxtasksperchild(10).build();
        List<AsyncResult<Object>> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            results.add(p.applyAsync("sqr", i, 0.01));
        }
        Set<String> lifetimes = new HashSet<>();
        Set<Long> pids = new HashSet<>();
        for (int j = 0; j < results.size(); j++) {
            List<?> r = (List<?>) results.get(j).get(WAIT);
            assertEquals((long) j * j, ((Number) r.get(0)).longValue());
            pids.add(((Number) r.get(1)).longValue());
            lifetimes.add(r.get(1) + "#" + r.get(2));
        }
        p.close();
        p.join();
        assertFalse(pids.contains(MY_PID));
        // 100 tasks, at most 10 per lifetime: at least 10 lifetimes, whichever workers took them
        assertTrue(lifetimes.size() >= 10, "worker lifetimes: " + lifetimes);
    }

    @Test
    void test_pool_worker_lifetime_early_close() {
        Pool p = mp.poolBuilder().processes(3).maxtasksperchild(1).build();
        List<AsyncResult<Object>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(p.applyAsync("sqr", i, 0.3));
        }
        p.close();
        p.join();
        Set<String> lifetimes = new HashSet<>();
        for (int j = 0; j < results.size(); j++) {
            List<?> r = (List<?>) results.get(j).get(WAIT);
            assertEquals((long) j * j, ((Number) r.get(0)).longValue());
            lifetimes.add(r.get(1) + "#" + r.get(2));
        }
        assertEquals(6, lifetimes.size(), "maxtasksperchild=1: every task in a fresh lifetime");
    }

    @Test
    void test_pool_maxtasksperchild_invalid() {
        for (int value : new int[] {0, -1}) {
            assertThrows(IllegalArgumentException.class, () -> mp.poolBuilder().processes(3).maxtasksperchild(value));
        }
    }
}
