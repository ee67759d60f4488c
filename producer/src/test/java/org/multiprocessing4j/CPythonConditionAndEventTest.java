package org.multiprocessing4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.sync.Held;
import org.multiprocessing4j.sync.RemoteCondition;
import org.multiprocessing4j.sync.RemoteEvent;
import org.multiprocessing4j.sync.RemoteSemaphore;
import org.multiprocessing4j.sync.RemoteValue;

/**
 * CPython's {@code _TestCondition} and {@code _TestEvent}: waiting to be notified or set (where the ports
 * come from: {@link CPythonSyncTestBase}).
 */
class CPythonConditionAndEventTest extends CPythonSyncTestBase {
    @Nested
    class _TestCondition {
        /** CPython's {@code f}, on a thread of this JVM. */
        void f(RemoteCondition cond, RemoteSemaphore sleeping, RemoteSemaphore woken, Duration timeout) {
            cond.acquire();
            sleeping.release();
            cond.await(timeout);
            woken.release();
            cond.release();
        }

        @Test
        void test_notify() throws Exception {
            RemoteCondition cond = mp.condition();
            RemoteSemaphore sleeping = mp.semaphore(0);
            RemoteSemaphore woken = mp.semaphore(0);
            RemoteProcess p = process("sync_cond_f", cond, sleeping, woken);
            Thread t = thread(() -> f(cond, sleeping, woken, null));
            sleeping.acquire();
            sleeping.acquire();
            assertReachesEventually(woken::value, 0);
            cond.acquire();
            cond.notify(1);
            cond.release();
            assertReachesEventually(woken::value, 1);
            cond.acquire();
            cond.notify(1);
            cond.release();
            assertReachesEventually(woken::value, 2);
            joinThread(t);
            join(p);
        }

        @Test
        void test_notify_all() throws Exception {
            RemoteCondition cond = mp.condition();
            RemoteSemaphore sleeping = mp.semaphore(0);
            RemoteSemaphore woken = mp.semaphore(0);
            List<RemoteProcess> processes = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 3; i++) { // these time out
                processes.add(process("sync_cond_f", cond, sleeping, woken, TIMEOUT1));
                threads.add(thread(() -> f(cond, sleeping, woken, seconds(TIMEOUT1))));
            }
            for (int i = 0; i < 6; i++) {
                sleeping.acquire();
            }
            for (int i = 0; i < 6; i++) {
                woken.acquire();
            }
            assertEquals(0, woken.value());
            for (int i = 0; i < 3; i++) { // these do not
                processes.add(process("sync_cond_f", cond, sleeping, woken));
                threads.add(thread(() -> f(cond, sleeping, woken, null)));
            }
            for (int i = 0; i < 6; i++) {
                sleeping.acquire();
            }
            Thread.sleep(100); // DELTA
            assertEquals(0, woken.value());
            cond.acquire();
            cond.notifyAllWaiters();
            cond.release();
            for (int i = 0; i < 6; i++) {
                woken.acquire();
            }
            assertEquals(0, woken.value());
            for (Thread t : threads) {
                joinThread(t);
            }
            processes.forEach(CPythonSyncTestBase::join);
        }

        @Test
        void test_notify_n() throws Exception {
            RemoteCondition cond = mp.condition();
            RemoteSemaphore sleeping = mp.semaphore(0);
            RemoteSemaphore woken = mp.semaphore(0);
            List<RemoteProcess> processes = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                processes.add(process("sync_cond_f", cond, sleeping, woken));
                threads.add(thread(() -> f(cond, sleeping, woken, null)));
            }
            for (int i = 0; i < 6; i++) {
                sleeping.acquire();
            }
            Thread.sleep(100);
            assertEquals(0, woken.value());
            cond.acquire();
            cond.notify(2);
            cond.release();
            assertReachesEventually(woken::value, 2);
            cond.acquire();
            cond.notify(4);
            cond.release();
            assertReachesEventually(woken::value, 6);
            cond.acquire();
            cond.notify(3);
            cond.release();
            assertEquals(6, woken.value());
            for (Thread t : threads) {
                joinThread(t);
            }
            processes.forEach(CPythonSyncTestBase::join);
        }

        @Test
        void test_timeout() {
            RemoteCondition cond = mp.condition();
            cond.acquire();
            boolean res = cond.await(seconds(TIMEOUT1));
            cond.release();
            assertFalse(res);
        }

        @Test
        void test_waitfor() throws Exception {
            RemoteCondition cond = mp.condition();
            RemoteValue state = mp.value("i", -1);
            RemoteProcess p = process("sync_waitfor_f", cond, state);
            try (Held held = cond.hold()) {
                assertTrue(cond.waitFor(() -> state.getInt() == 0, null));
                assertEquals(0, state.getInt());
            }
            for (int i = 0; i < 4; i++) {
                Thread.sleep(10);
                try (Held held = cond.hold()) {
                    state.set(state.getInt() + 1);
                    cond.notify(1);
                }
            }
            join(p);
        }

        @Test
        void test_waitfor_timeout() throws Exception {
            RemoteCondition cond = mp.condition();
            RemoteValue state = mp.value("i", 0);
            RemoteValue success = mp.value("i", 0);
            RemoteSemaphore sem = mp.semaphore(0);
            RemoteProcess p = process("sync_waitfor_timeout_f", cond, state, success, sem);
            assertTrue(sem.acquire(Duration.ofSeconds(300)));
            for (int i = 0; i < 3; i++) { // only 3 increments: state == 4 is never reached
                Thread.sleep(10);
                try (Held held = cond.hold()) {
                    state.set(state.getInt() + 1);
                    cond.notify(1);
                }
            }
            join(p);
            assertEquals(1, success.getInt());
        }

        @Test
        void test_wait_result() {
            RemoteCondition c = mp.condition();
            RemoteProcess p;
            try (Held held = c.hold()) {
                assertFalse(c.await(Duration.ZERO));
                assertFalse(c.await(seconds(0.1)));
                p = process("sync_wait_result_f", c);
                assertTrue(c.await(Duration.ofSeconds(60)));
            }
            join(p);
        }
    }

    @Nested
    class _TestEvent {
        @Test
        void test_event() {
            RemoteEvent event = mp.event();
            assertFalse(event.isSet());
            assertFalse(event.await(Duration.ZERO));
            assertFalse(event.await(seconds(TIMEOUT1)));
            event.set();
            assertTrue(event.isSet());
            assertTrue(event.await());
            assertTrue(event.await(seconds(TIMEOUT1)));
            event.clear();
            assertFalse(event.isSet());
            RemoteProcess p = process("sync_event_f", event);
            assertTrue(event.await());
            join(p);
        }
    }
}
