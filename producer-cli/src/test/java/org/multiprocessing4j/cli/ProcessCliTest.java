package org.multiprocessing4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/** {@code producer process start|status|wait|terminate}, from "several terminals" (separate CLI runs). */
@BrokerTest
class ProcessCliTest {
    private static Cluster cluster;
    private static TestBroker broker;

    @BeforeAll
    static void start(TestBroker testBroker) {
        broker = testBroker;
        cluster = new Cluster(broker).start(1, 2);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static CliRun producer(String... command) {
        return CliRun.inNamespace(broker.uri(), broker.namespace(), command);
    }

    @Test
    void anAttachedProcessShowsItsLinesAndExitsWithItsExitCode() {
        CliRun run = producer("process", "start", "worker", "0.2");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("work start", "work end"), run.outLines());
        assertTrue(run.err().startsWith("Process-1 started as "), run.toString());

        run = producer("process", "start", "divide", "1", "0", "--name", "divider");
        assertEquals(ExitCodes.TASK_FAILED, run.exitCode(), run.toString());
        assertTrue(run.err().contains("Process divider:"), run.toString());
        assertTrue(run.err().contains("java.lang.ArithmeticException: / by zero"), run.toString());
    }

    @Test
    void aDetachedProcessIsWatchedAndCollectedFromOtherTerminals() throws Exception {
        // Five lines a second apart: 'status' must catch it running, and under load one status call
        // took 0.6 s and the process's first lines 1 s to start (with 0.3 s apart it had ended first).
        CliRun started = producer("process", "start", "clock", "1", "--detach");
        assertEquals(0, started.exitCode(), started.toString());
        String id = started.out().strip();

        CliRun status = awaitStatus(id, "state:    running on ");
        assertTrue(status.out().contains("pid " + cluster.workers().get(0).pid()), status.toString());

        CliRun waited = producer("process", "wait", id);
        assertEquals(0, waited.exitCode(), waited.toString());
        assertEquals(5, waited.outLines().size(), "all five lines, none lost to 'status': " + waited);
        assertTrue(waited.outLines().stream().allMatch(line -> line.startsWith("当前时间为：")), waited.toString());

        CliRun gone = producer("process", "status", id);
        assertEquals(ExitCodes.USAGE, gone.exitCode(), "collected: the id is gone\n" + gone);
    }

    @Test
    void aProcessIsTerminatedFromAnotherTerminal() throws Exception {
        CliRun started = producer("process", "start", "sleep", "60", "--detach");
        String id = started.out().strip();
        awaitStatus(id, "state:    running on ");
        CompletableFuture<CliRun> waiting = CompletableFuture.supplyAsync(() -> producer("process", "wait", id));
        CliRun terminated = producer("process", "terminate", id);
        assertEquals(0, terminated.exitCode(), terminated.toString());
        CliRun waited = waiting.get();
        assertEquals(ExitCodes.TERMINATED, waited.exitCode(), waited.toString());
    }

    @Test
    void unknownIdsAreAClearError() {
        CliRun run = producer("process", "status", "no-such-id");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no detached process 'no-such-id'"), run.toString());
    }

    private static CliRun awaitStatus(String id, String expected) throws InterruptedException {
        CliRun status = null;
        for (int i = 0; i < 100; i++) {
            status = producer("process", "status", id);
            if (status.out().contains(expected)) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("status never showed '" + expected + "': " + status);
    }
}
