package org.multiprocessing4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * {@code producer dead list|show|replay|purge}: a job whose retries ran out is kept with its reason,
 * its cause is fixed, and a replay runs it again, with its id, on a worker.
 */
@BrokerTest
class DeadLettersCliTest {
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
    void aJobWhoseRetriesRanOutIsListedShownReplayedOnceItsCauseIsFixedAndRunsAgainWithItsId(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("input.csv");
        CliRun failed = producer("submit", "needs_file", file.toString(), "--retries", "1",
                "--retry-on", "java.io.IOException", "--retry-backoff", "0.2");
        assertEquals(ExitCodes.TASK_FAILED, failed.exitCode(), failed.toString());
        assertTrue(failed.err().contains("no such file: " + file), failed.toString());

        CliRun list = awaitDeadLetters(1);
        String row = list.outLines().get(1);
        String id = row.substring(0, row.indexOf(' '));
        assertTrue(row.contains("needs_file") && row.contains("retries-exhausted"), list.toString());

        CliRun show = producer("dead", "show", id);
        assertEquals(0, show.exitCode(), show.toString());
        assertTrue(show.out().contains("reason:     retries-exhausted"), show.toString());
        assertTrue(show.out().contains("error:      java.io.IOException: no such file: " + file), show.toString());
        assertTrue(show.out().contains("attempts:   2"), show.toString());
        assertTrue(show.out().contains(file.toString()), "its arguments: " + show);
        for (int look = 0; look < 3; look++) { // each reading is a delivery of the dead-letter queue's own
            CliRun again = producer("dead", "show", id);
            assertTrue(again.out().contains("attempts:   2"), "reading a dead letter does not count as an attempt: " + again);
        }

        Files.writeString(file, "a,b\n"); // the cause, fixed
        CliRun replay = producer("dead", "replay", id);
        assertEquals(0, replay.exitCode(), replay.toString());
        assertEquals("replayed " + id, replay.out().strip());
        assertEquals(ExitCodes.USAGE, producer("dead", "replay", id).exitCode(), "replayed once: it left the dead letters");

        String finished = awaitEvent("finished  " + id + " needs_file on ");
        assertTrue(finished.contains(" ok in "), "the replay succeeded, with the same id: " + finished);
        String output = awaitEvent("output    " + id + " needs_file on ");
        long workerPid = cluster.workers().get(0).pid();
        assertTrue(output.contains("(pid " + workerPid + ")") && output.endsWith("found " + file), output);
        assertTrue(workerPid != ProcessHandle.current().pid());
        System.out.println("dead letter round trip: " + row.strip() + "\n  replayed: " + finished);

        CliRun empty = producer("dead", "list");
        assertTrue(empty.out().contains("0 of 0 dead letters"), empty.toString());
        assertEquals(ExitCodes.USAGE, producer("dead", "show", id).exitCode());
        assertEquals(ExitCodes.USAGE, producer("dead", "replay").exitCode(), "neither an id nor --all");
    }

    private static CliRun awaitDeadLetters(int count) throws InterruptedException {
        CliRun list = null;
        for (int i = 0; i < 100; i++) {
            list = producer("dead", "list");
            if (list.out().contains(count + " of " + count + " dead letters")) {
                return list;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never " + count + " dead letters: " + list);
    }

    /** The last event line containing {@code prefix}, once one is there. */
    private static String awaitEvent(String prefix) throws InterruptedException {
        CliRun events = null;
        for (int i = 0; i < 100; i++) {
            events = producer("events", "--task", "needs_file");
            String found = null;
            for (String line : events.outLines()) {
                if (line.contains(prefix)) {
                    found = line;
                }
            }
            if (found != null && !(prefix.startsWith("finished") && found.contains(" error in "))) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no event '" + prefix + "': " + events);
    }
}
