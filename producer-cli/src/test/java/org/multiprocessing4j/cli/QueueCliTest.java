package org.multiprocessing4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/** {@code producer queue ...}: one "machine" writes, another reads, each a separate CLI run. */
@BrokerTest
class QueueCliTest {

    @Test
    void oneCommandWritesAnotherReads(TestBroker broker) {
        assertOk(run(broker, "queue", "create", "handoff", "--maxsize", "3"));
        assertOk(run(broker, "queue", "put", "handoff", "消息1", "{\"n\":2}", "3"));
        assertEquals(List.of("3"), run(broker, "queue", "size", "handoff").outLines());

        CliRun full = run(broker, "queue", "put", "handoff", "more", "--timeout", "0.5");
        assertEquals(ExitCodes.QUEUE_EMPTY_OR_FULL, full.exitCode(), full.toString());
        assertTrue(full.err().contains("is full (maxsize 3)"), full.toString());

        CliRun got = run(broker, "queue", "get", "handoff", "--count", "3");
        assertEquals(List.of("\"消息1\"", "{\"n\":2}", "3"), got.outLines(), got.toString());

        CliRun empty = run(broker, "queue", "get", "handoff", "--timeout", "0.5");
        assertEquals(ExitCodes.QUEUE_EMPTY_OR_FULL, empty.exitCode(), empty.toString());
        assertTrue(empty.err().contains("stayed empty"), empty.toString());
        assertEquals(ExitCodes.QUEUE_EMPTY_OR_FULL, run(broker, "queue", "get", "handoff", "--nowait").exitCode());

        assertOk(run(broker, "queue", "delete", "handoff"));
        CliRun missing = run(broker, "queue", "put", "handoff", "x");
        assertEquals(ExitCodes.USAGE, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("no queue named 'handoff'"), missing.toString());
    }

    @Test
    void badValuesAndNamesAreUsageErrors(TestBroker broker) {
        assertEquals(ExitCodes.USAGE, run(broker, "queue", "create", "bad name").exitCode());
        assertOk(run(broker, "queue", "create", "json-check"));
        CliRun bad = run(broker, "queue", "put", "json-check", "{oops");
        assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.toString());
        assertEquals(List.of("0"), run(broker, "queue", "size", "json-check").outLines(), "nothing half-put");
        assertOk(run(broker, "queue", "delete", "json-check"));
    }

    private static CliRun run(TestBroker broker, String... command) {
        return CliRun.inNamespace(broker.uri(), broker.namespace(), command);
    }

    private static void assertOk(CliRun run) {
        assertEquals(0, run.exitCode(), run.toString());
    }
}
