package org.multiprocessing4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.errors.RemoteTaskException;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.support.Transcript;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;
import org.multiprocessing4j.worker.seed.ClockProcess;

/**
 * Every state of a RemoteProcess, on real workers: one worker with one slot, so "queued" and
 * "the slot is free again" can be observed.
 */
@BrokerTest
class RemoteProcessTest {
    private static Cluster cluster;

    @BeforeAll
    static void start(TestBroker broker) {
        cluster = new Cluster(broker).start(1, 1);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void beforeStartNothingIsKnownAndJoinIsAnError() {
        try (Multiprocessing mp = cluster.connect()) {
            RemoteProcess p = mp.process("noop");
            assertFalse(p.isAlive());
            assertNull(p.pid());
            assertNull(p.exitCode());
            assertThrows(IllegalStateException.class, p::join);
            assertThrows(IllegalStateException.class, p::terminate);
            assertTrue(p.toString().contains("initial"), p.toString());
        }
    }

    @Test
    void processesAreNamedProcess1Process2PerProducer() {
        try (Multiprocessing mp = cluster.connect()) {
            assertEquals("Process-1", mp.process("noop").name());
            RemoteProcess second = mp.process("noop");
            assertEquals("Process-2", second.name());
            second.setName("renamed");
            assertEquals("renamed", second.name());
        }
        try (Multiprocessing other = cluster.connect()) {
            assertEquals("Process-1", other.process("noop").name());
        }
    }

    @Test
    void aRunningProcessIsAliveOnAWorkerAndEndsWithExitCodeZero() {
        try (Multiprocessing mp = cluster.connect()) {
            RemoteProcess p = mp.process("sleep", 1.0);
            p.start();
            assertTrue(p.isAlive());
            assertNull(p.exitCode());
            assertThrows(IllegalStateException.class, p::start, "a second start is an error, as in Python");
            awaitStarted(p);
            assertTrue(cluster.pids().contains(p.pid()), "pid " + p.pid() + " is the worker's");
            assertNotNull(p.host());
            p.join();
            assertFalse(p.isAlive());
            assertEquals(0, p.exitCode());
            assertNull(p.failure());
        }
    }

    @Test
    void aProcessThatRaisesHasExitCodeOneAndItsTracebackIsReported() {
        List<String> reports = new CopyOnWriteArrayList<>();
        try (Multiprocessing mp = Multiprocessing.builder().settings(cluster.settings()).output(OutputSink.discard())
                .errorOutput(reports::add).connect()) {
            RemoteProcess p = mp.process("divide", 1, 0);
            p.start();
            p.join();
            assertEquals(1, p.exitCode());
            assertEquals("java.lang.ArithmeticException", assertInstanceOf(RemoteTaskException.class, p.failure()).remoteType());
        }
        assertEquals(1, reports.size(), reports.toString());
        assertTrue(reports.get(0).startsWith("Process Process-1:" + System.lineSeparator()
                + "java.lang.ArithmeticException: / by zero"), reports.get(0));
        assertTrue(reports.get(0).contains("\tat org.multiprocessing4j.support.TestTasks.divide"), reports.get(0));
    }

    @Test
    void joinWithATimeoutReturnsWhileTheProcessKeepsRunning() {
        try (Multiprocessing mp = cluster.connect()) {
            RemoteProcess p = mp.process("sleep", 1.5);
            p.start();
            long started = System.nanoTime();
            p.join(Duration.ofMillis(300));
            assertTrue(System.nanoTime() - started >= 300_000_000L);
            assertTrue(p.isAlive());
            p.join();
            assertEquals(0, p.exitCode());
        }
    }

    @Test
    void terminatingARunningProcessStopsItAndFreesTheWorker() {
        try (Multiprocessing mp = cluster.connect()) {
            RemoteProcess p = mp.process("sleep", 60);
            p.start();
            awaitStarted(p);
            long requested = System.nanoTime();
            p.terminate();
            p.join();
            long stoppedMs = (System.nanoTime() - requested) / 1_000_000;
            assertEquals(-15, p.exitCode());
            RemoteProcess next = mp.process("noop");
            next.start();
            next.join(Duration.ofSeconds(10));
            long freeMs = (System.nanoTime() - requested) / 1_000_000;
            assertEquals(0, next.exitCode(), "the only slot is free again");
            System.out.printf("terminate: exit code -15 after %d ms, worker free again after %d ms%n", stoppedMs, freeMs);
        }
    }

    @Test
    void aTerminatedQueuedProcessNeverRuns() throws InterruptedException {
        Transcript transcript = new Transcript();
        try (Multiprocessing mp = cluster.connect(transcript.sink())) {
            RemoteProcess busy = mp.process("traced", "busy", 1.0);
            busy.start();
            awaitStarted(busy);
            RemoteProcess queued = mp.process("traced", "queued", 0.1);
            queued.start();
            queued.terminate();
            assertEquals(-15, queued.exitCode(), "settled at once: it had not started");
            assertFalse(queued.isAlive());
            busy.join();
            RemoteProcess after = mp.process("traced", "after", 0.1);
            after.start();
            after.join(); // by now the worker has seen (and skipped) the queued one
        }
        assertEquals(List.of("start busy", "end busy", "start after", "end after"), transcript.lines());
    }

    @Test
    void killStopsATaskThatIgnoresInterruptsAndFreesItsSlot() {
        try (Multiprocessing mp = cluster.connect()) {
            RemoteProcess p = mp.process("stubborn", 30);
            p.start();
            awaitStarted(p);
            long requested = System.nanoTime();
            p.kill();
            p.join();
            assertEquals(-9, p.exitCode());
            RemoteProcess next = mp.process("noop");
            next.start();
            next.join(Duration.ofSeconds(10));
            assertEquals(0, next.exitCode(), "the slot was freed although the thread still spins");
            System.out.printf("kill of a stubborn task: slot free after %d ms%n", (System.nanoTime() - requested) / 1_000_000);
        }
    }

    @Test
    void closingTheClientWaitsForProcessesButTerminatesDaemons() {
        RemoteProcess normal;
        RemoteProcess daemon;
        try (Multiprocessing mp = cluster.connect()) {
            daemon = mp.process("sleep", 60);
            daemon.setDaemon(true);
            daemon.start();
            normal = mp.process("sleep", 0.5);
            normal.start();
            assertThrows(IllegalStateException.class, () -> daemon.setDaemon(false));
        }
        assertEquals(0, normal.exitCode(), "waited for, as Python waits for non-daemon children at exit");
        assertTrue(daemon.exitCode() < 0, "terminated, as Python terminates daemonic children");
    }

    @Test
    void aProcessSubclassRunsFromItsFields() {
        Transcript transcript = new Transcript();
        try (Multiprocessing mp = cluster.connect(transcript.sink())) {
            RemoteProcess fromInstance = mp.process(new ClockProcess(0.2));
            fromInstance.start();
            fromInstance.join();
            RemoteProcess byName = mp.processClass("ClockProcess", Map.of("interval", 0.2));
            byName.start();
            byName.join();
            assertEquals(0, fromInstance.exitCode());
            assertEquals(0, byName.exitCode());
        }
        assertEquals(4, transcript.lines().size(), transcript.describe());
        assertTrue(transcript.lines().get(0).startsWith("子进程开始执行的时间:"), transcript.describe());
    }

    private static void awaitStarted(RemoteProcess p) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (p.pid() == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertNotNull(p.pid(), "a worker took " + p);
    }
}
