package org.multiprocessing4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/** {@code producer queue create --joinable | put | get --task-done | task-done | join}, and the mistakes. */
@BrokerTest
class JoinableQueueCliTest {

    @Test
    void itemsPutFromOneCommandAreJoinedInAnotherOnceMarkedDone(TestBroker broker) {
        assertOk(run(broker, "queue", "create", "work", "--joinable"));
        assertOk(run(broker, "queue", "put", "work", "a", "b", "c"));

        CliRun notYet = run(broker, "queue", "join", "work", "--timeout", "0.5");
        assertEquals(ExitCodes.TIMEOUT, notYet.exitCode(), notYet.toString());
        assertTrue(notYet.err().contains("3 items of 'work' still unfinished"), notYet.toString());

        CliRun withoutDone = run(broker, "queue", "get", "work");
        assertEquals(ExitCodes.USAGE, withoutDone.exitCode(), withoutDone.toString());
        assertTrue(withoutDone.err().contains("add --task-done"), withoutDone.toString());

        CliRun got = run(broker, "queue", "get", "work", "--task-done", "--count", "2");
        assertEquals(List.of("\"a\"", "\"b\""), got.outLines(), got.toString());
        assertEquals(List.of("0 unfinished"), run(broker, "queue", "task-done", "work").outLines(), "c is still queued: "
                + "marked done by hand, as Python's task_done allows");
        assertEquals(List.of("all items of work done"), run(broker, "queue", "join", "work", "--timeout", "5").outLines());

        CliRun tooMany = run(broker, "queue", "task-done", "work");
        assertEquals(ExitCodes.USAGE, tooMany.exitCode(), tooMany.toString());
        assertTrue(tooMany.err().contains("task_done() called too many times"), tooMany.toString());
        assertOk(run(broker, "queue", "delete", "work"));
    }

    @Test
    void joinableCommandsOnAPlainOrMissingQueueAreUsageErrors(TestBroker broker) {
        assertOk(run(broker, "queue", "create", "plain"));
        CliRun join = run(broker, "queue", "join", "plain");
        assertEquals(ExitCodes.USAGE, join.exitCode(), join.toString());
        assertTrue(join.err().contains("is not joinable"), join.toString());
        CliRun get = run(broker, "queue", "get", "plain", "--task-done", "--nowait");
        assertEquals(ExitCodes.USAGE, get.exitCode(), get.toString());
        CliRun missing = run(broker, "queue", "task-done", "nowhere");
        assertEquals(ExitCodes.USAGE, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("no queue named 'nowhere'"), missing.toString());
        CliRun both = run(broker, "queue", "create", "x", "--joinable", "--maxsize", "3");
        assertEquals(ExitCodes.USAGE, both.exitCode(), both.toString());
        CliRun badCount = run(broker, "queue", "task-done", "plain", "--count", "0");
        assertEquals(ExitCodes.USAGE, badCount.exitCode(), badCount.toString());
        assertOk(run(broker, "queue", "delete", "plain"));
    }

    private static CliRun run(TestBroker broker, String... command) {
        return CliRun.inNamespace(broker.uri(), broker.namespace(), command);
    }

    private static void assertOk(CliRun run) {
        assertEquals(0, run.exitCode(), run.toString());
    }
}
