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

/** {@code producer logs} and {@code producer events}: a job's history seen from other terminals. */
@BrokerTest
class HistoryCliTest {
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
    void twoViewersFollowingAJobThatAlreadyBeganSeeEveryLineThenTheOutcome() throws Exception {
        CliRun started = producer("process", "start", "clock", "0.8", "--detach");
        assertEquals(0, started.exitCode(), started.toString());
        String id = started.out().strip();
        awaitFirstLine(id);

        CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() -> producer("logs", id, "--follow"));
        CompletableFuture<CliRun> second = CompletableFuture.supplyAsync(() -> producer("logs", id, "--follow"));
        CliRun one = first.get();
        CliRun two = second.get();
        for (CliRun viewer : List.of(one, two)) {
            assertEquals(ExitCodes.OK, viewer.exitCode(), viewer.toString());
            assertEquals(5, viewer.outLines().size(), "every line, the first ones from before it started: " + viewer);
            assertTrue(viewer.outLines().stream().allMatch(line -> line.startsWith("当前时间为：")), viewer.toString());
            assertTrue(viewer.err().strip().endsWith("job " + id + ": ok"), viewer.toString());
        }
        assertEquals(one.out(), two.out(), "both viewers saw the same lines");

        CliRun again = producer("logs", id);
        assertEquals(ExitCodes.OK, again.exitCode(), "the history replays an ended job without --follow: " + again);
        assertEquals(one.out(), again.out());

        CliRun events = producer("events", "--task", "clock");
        long workerPid = cluster.workers().get(0).pid();
        assertTrue(events.out().contains("started   " + id + " clock on "), events.toString());
        assertTrue(events.out().contains("(pid " + workerPid + ")"), "the lines came from the worker: " + events);
        assertTrue(workerPid != ProcessHandle.current().pid());
        assertTrue(events.out().contains("finished  " + id + " clock on "), events.toString());
    }

    @Test
    void aFailedJobsLogsExitOneAndAnUnknownIdIsAClearError() throws Exception {
        CliRun started = producer("process", "start", "divide", "1", "0", "--detach");
        String id = started.out().strip();
        CliRun logs = producer("logs", id, "--follow");
        assertEquals(ExitCodes.TASK_FAILED, logs.exitCode(), logs.toString());
        assertTrue(logs.err().contains("ArithmeticException"), logs.toString());

        CliRun unknown = producer("logs", "no-such-job");
        assertEquals(ExitCodes.USAGE, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("no events for job 'no-such-job'"), unknown.toString());

        CliRun badSince = producer("events", "--since", "yesterday");
        assertEquals(ExitCodes.USAGE, badSince.exitCode(), badSince.toString());
        assertTrue(badSince.err().contains("--since takes a duration"), badSince.toString());
    }

    private static void awaitFirstLine(String id) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            CliRun events = producer("events", "--task", "clock");
            if (events.out().contains("output    " + id)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " printed nothing in 10 s");
    }
}
