package org.multiprocessing4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.builtin.BuiltInTasks;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/** A process started by one program and looked after by another, through the public API alone. */
@BrokerTest
class DetachedProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Cluster cluster;

    @BeforeAll
    static void start(TestBroker broker) {
        cluster = new Cluster(broker).start(1, 2);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void anotherClientSeesItRunningThenCollectsItsLinesAndExitCode() throws Exception {
        String id;
        try (Multiprocessing starter = cluster.connect()) {
            id = starter.startDetached(BuiltInTasks.WORKER.call(1.0), "Process-7").id();
        } // the starter is gone; the process is not
        List<OutputLine> lines = new CopyOnWriteArrayList<>();
        try (Multiprocessing other = cluster.connect(lines::add)) {
            DetachedProcess process = other.detachedProcess(id);
            ProcessStatus status = awaitState(process, ProcessStatus.State.RUNNING);
            assertTrue(cluster.pids().contains(status.pid()), "running on a worker: " + status);
            assertEquals(0, process.join(WAIT));
            assertEquals(List.of("work start", "work end"), lines.stream().map(OutputLine::text).toList());
            assertEquals(status.pid(), lines.get(0).pid());
            // collected: the id is gone for everyone
            IllegalArgumentException gone = assertThrows(IllegalArgumentException.class, () -> other.detachedProcess(id));
            assertTrue(gone.getMessage().startsWith("no detached process '" + id + "'"), gone.getMessage());
        }
    }

    @Test
    void aFailedProcessIsCollectedOnceAndASecondWaitIsToldItIsGone() throws Exception {
        try (Multiprocessing mp = cluster.connect()) {
            String id = mp.startDetached(Call.of("fail", "boom"), null).id();
            Thread.sleep(1500); // finished before anyone waits: its replies wait in its queue
            DetachedProcess process = mp.detachedProcess(id);
            assertEquals(ProcessStatus.State.FINISHED, process.status().state());
            assertEquals(1, process.join(WAIT));
            assertTrue(process.failure().getMessage().contains("IllegalStateException: boom"), process.failure().getMessage());
            // the router of this client must not bring the collected queue back (it used to: status said
            // "waiting for a worker" and a second wait hung)
            Thread.sleep(500);
            assertThrows(IllegalArgumentException.class, () -> mp.detachedProcess(id));
        }
    }

    @Test
    void aJoinThatTimesOutLeavesItForTheNextJoinAndTerminateStopsIt() {
        try (Multiprocessing mp = cluster.connect()) {
            DetachedProcess process = mp.startDetached(BuiltInTasks.SLEEP.call(60.0, null), null);
            assertNull(process.join(Duration.ofMillis(500)), "not finished: null, the process keeps running");
            awaitState(mp.detachedProcess(process.id()), ProcessStatus.State.RUNNING);
            mp.terminate(process.id());
            assertEquals(-15, mp.detachedProcess(process.id()).join(WAIT));
        }
    }

    private static ProcessStatus awaitState(DetachedProcess process, ProcessStatus.State state) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        ProcessStatus status = process.status();
        while (status.state() != state && System.nanoTime() < deadline) {
            sleep(100);
            status = process.status();
        }
        assertEquals(state, status.state(), status.toString());
        return status;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
