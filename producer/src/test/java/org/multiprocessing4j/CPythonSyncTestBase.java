package org.multiprocessing4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * CPython's own tests of Lock, RLock, Semaphore, Condition, Event, Barrier, Value and Array
 * ({@code Lib/test/_test_multiprocessing.py}, classes {@code _TestLock} ... {@code _TestArray}),
 * ported one method for one method and named after the originals. Where CPython starts a child
 * process, a task runs on a worker JVM (SyncTestTasks holds the child halves); where it starts a
 * thread, a thread of this JVM does. Timings are not asserted (CPython's CHECK_TIMINGS is off too).
 *
 * <p>The ports are split over {@link CPythonLocksAndValuesTest}, {@link CPythonConditionAndEventTest}
 * and {@link CPythonBarrierTest}, each a {@code @Nested} class per CPython class; this base holds
 * what they share: a cluster of three worker JVMs per test class, the client, and the helpers.
 */
@BrokerTest
abstract class CPythonSyncTestBase {
    static final double TIMEOUT1 = 0.1;
    static final double TIMEOUT2 = 0.1;
    static final double TIMEOUT3 = 0.1;
    private static Cluster cluster;
    static Multiprocessing mp;

    @BeforeAll
    static void start(TestBroker broker) {
        cluster = new Cluster(broker).start(3, 3);
        mp = cluster.connect();
    }

    @AfterAll
    static void stop() {
        mp.close();
        cluster.close();
    }

    static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }

    /** Starts a child process (a task on a worker) as CPython's {@code self.Process(target, args).start()}. */
    static RemoteProcess process(String task, Object... args) {
        RemoteProcess p = mp.process(task, args);
        p.setDaemon(true);
        p.start();
        return p;
    }

    static void join(RemoteProcess p) {
        p.join(Duration.ofSeconds(120));
        assertEquals(0, p.exitCode(), p + " failed: " + p.failure());
    }

    static Thread thread(Runnable body) {
        Thread t = new Thread(body);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static void joinThread(Thread t) throws InterruptedException {
        t.join(120_000);
        assertFalse(t.isAlive(), "thread finished");
    }

    /** CPython's assertReachesEventually. */
    static void assertReachesEventually(IntSupplier value, int expected) throws InterruptedException {
        for (int i = 0; i < 300 && value.getAsInt() != expected; i++) {
            Thread.sleep(100);
        }
        assertEquals(expected, value.getAsInt());
    }
}
