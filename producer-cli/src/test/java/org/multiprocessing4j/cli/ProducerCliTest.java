package org.multiprocessing4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/** The producer command line against a real worker: output, exit codes, one-line errors. */
@BrokerTest
class ProducerCliTest {
    private static Cluster cluster;
    private static TestBroker broker;

    @BeforeAll
    static void start(TestBroker testBroker) {
        broker = testBroker;
        cluster = new Cluster(broker).start(1, 4);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static CliRun producer(String... command) {
        return CliRun.inNamespace(broker.uri(), broker.namespace(), command);
    }

    @Test
    void examplesListShowsEveryTutorialExampleInOrder() {
        CliRun run = CliRun.run("examples", "list");
        assertEquals(0, run.exitCode(), run.toString());
        List<String> names = run.outLines().stream().map(line -> line.split("\\s+")[0]).toList();
        assertEquals(List.of("process-create", "process-args", "join", "join-timeout", "process-attributes",
                "multiple-processes", "process-subclass", "pool-apply-async", "pool-apply", "queue-basic",
                "queue-write-read", "lock", "value-array", "pipe", "joinable-queue"), names);
    }

    @Test
    void submitPrintsTheTasksLinesThenItsResult() {
        CliRun run = producer("submit", "square", "7");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("49"), run.outLines());

        run = producer("submit", "func", "hello 0");
        assertEquals(List.of("start: hello 0", "end: hello 0"), run.outLines(), run.toString());
    }

    @Test
    void submitTakesKeywordArgumentsAndJson() {
        CliRun run = producer("submit", "echo", "{\"a\":[1,2]}");
        assertEquals(List.of("{\"a\":[1,2]}"), run.outLines(), run.toString());
        run = producer("submit", "echo", "-k", "value=\"3\"");
        assertEquals(List.of("\"3\""), run.outLines(), run.toString());
    }

    @Test
    void aFailingTaskIsOneClearLineAndExitCodeOne() {
        CliRun run = producer("submit", "fail", "boom");
        assertEquals(ExitCodes.TASK_FAILED, run.exitCode(), run.toString());
        assertTrue(run.err().contains("java.lang.IllegalStateException: boom"), run.toString());
        assertEquals(1, run.err().strip().lines().count(), "one line, no stack trace:\n" + run.err());
    }

    @Test
    void anUnknownTaskFailsWithinSecondsWithItsOwnExitCode() {
        CliRun run = producer("submit", "no_such_task");
        assertEquals(ExitCodes.UNKNOWN_TASK, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no task named 'no_such_task'"), run.toString());
        System.out.println("unknown task: exit " + run.exitCode() + " after " + run.millis() + " ms");
    }

    @Test
    void badArgumentsAreAUsageErrorNotAStackTrace() {
        CliRun run = producer("submit", "echo", "[1,");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("is not valid JSON"), run.toString());
        assertFalse(run.err().contains("\tat "), run.toString());

        run = producer("submit", "func");
        assertEquals(ExitCodes.TASK_FAILED, run.exitCode(), run.toString());
        assertTrue(run.err().contains("func() missing 1 required positional argument: 'msg'"), run.toString());

        run = producer("map", "square", "--processes", "-1", "1");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    }

    @Test
    void mapAppliesATaskOverItemsThroughAPool() {
        CliRun run = producer("map", "square", "1", "2", "3", "4", "--processes", "2");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("1", "4", "9", "16"), run.outLines());
        run = producer("map", "add", "[1,2]", "[3,4]", "--star", "--chunksize", "2");
        assertEquals(List.of("3", "7"), run.outLines(), run.toString());
    }

    @Test
    void aTimeoutIsExitCodeFour() {
        CliRun run = producer("submit", "sleep", "3", "--timeout", "0.5");
        assertEquals(ExitCodes.TIMEOUT, run.exitCode(), run.toString());
    }

    @Test
    void noBrokerIsAClearMessageAndExitCodeThreeWithinTenSeconds() {
        CliRun run = CliRun.run("--uri", "amqp://guest:secret@127.0.0.1:1/%2F", "submit", "noop");
        assertEquals(ExitCodes.BROKER_UNAVAILABLE, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("producer: cannot reach the broker at amqp://guest:***@127.0.0.1:1/%2F"), run.toString());
        assertFalse(run.err().contains("secret"), "no password in errors");
        assertTrue(run.millis() < 10_000, "gave up after " + run.millis() + " ms");
        System.out.println("no broker: exit " + run.exitCode() + " after " + run.millis() + " ms");
    }
}
