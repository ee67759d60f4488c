package org.multiprocessing4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/** {@code producer lock} and {@code producer event}: each run a separate "terminal" sharing the broker. */
@BrokerTest
class SyncCliTest {

    @Test
    void lockRunsTheCommandHoldingTheLockAndExitsWithItsCode(TestBroker broker) throws Exception {
        CliRun ok = run(broker, "lock", "cli-lock", "--", "sh", "-c", "exit 0");
        assertEquals(0, ok.exitCode(), ok.toString());
        CliRun three = run(broker, "lock", "cli-lock", "--", "sh", "-c", "exit 3");
        assertEquals(3, three.exitCode(), "the command's own exit code: " + three);

        // A holder runs a slow command; a second run cannot have the lock within its timeout.
        Path started = Files.createTempFile("cli-lock", ".started");
        Files.delete(started);
        CompletableFuture<CliRun> holder = CompletableFuture.supplyAsync(() -> run(broker, "lock", "cli-lock", "--",
                "sh", "-c", "touch " + started + "; sleep 4"));
        for (int i = 0; i < 200 && !Files.exists(started); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(started), "the holder's command runs");
        CliRun late = run(broker, "lock", "cli-lock", "--timeout", "0.5", "--", "sh", "-c", "echo should-not-run");
        assertEquals(ExitCodes.TIMEOUT, late.exitCode(), late.toString());
        assertTrue(late.err().contains("lock 'cli-lock' is held elsewhere"), late.toString());
        assertEquals(0, holder.get(60, TimeUnit.SECONDS).exitCode());
        CliRun after = run(broker, "lock", "cli-lock", "--timeout", "10", "--", "sh", "-c", "exit 0");
        assertEquals(0, after.exitCode(), "free again once the holder's command ended: " + after);
        Files.deleteIfExists(started);
    }

    @Test
    void lockRefusesBadInputWithOneLine(TestBroker broker) {
        assertUsage(run(broker, "lock", "bad name", "--", "true"), "name must be");
        assertUsage(run(broker, "lock", "cli-bad"), "COMMAND");
        assertUsage(run(broker, "lock", "cli-bad", "--timeout", "-1", "--", "true"), "--timeout");
        assertUsage(run(broker, "lock", "cli-bad", "--", "/no/such/program"), "cannot run /no/such/program");
    }

    @Test
    void eventSetWaitClearIsSet(TestBroker broker) throws Exception {
        assertEquals(List.of("false"), run(broker, "event", "is-set", "cli-ready").outLines());
        CliRun notYet = run(broker, "event", "wait", "cli-ready", "--timeout", "0.5");
        assertEquals(ExitCodes.TIMEOUT, notYet.exitCode(), notYet.toString());
        assertTrue(notYet.err().contains("was not set within 0.5 s"), notYet.toString());

        CompletableFuture<CliRun> waiter = CompletableFuture.supplyAsync(() ->
                run(broker, "event", "wait", "cli-ready", "--timeout", "60"));
        Thread.sleep(1500);
        assertEquals(0, run(broker, "event", "set", "cli-ready").exitCode());
        CliRun woken = waiter.get(60, TimeUnit.SECONDS);
        assertEquals(0, woken.exitCode(), woken.toString());
        assertTrue(woken.millis() < 60_000, "woken by the set, not the timeout");
        assertEquals(List.of("true"), run(broker, "event", "is-set", "cli-ready").outLines());
        assertEquals(0, run(broker, "event", "wait", "cli-ready").exitCode(), "set: returns at once");
        assertEquals(0, run(broker, "event", "clear", "cli-ready").exitCode());
        assertEquals(List.of("false"), run(broker, "event", "is-set", "cli-ready").outLines());
    }

    @Test
    void eventRefusesBadInputWithOneLine(TestBroker broker) {
        assertUsage(run(broker, "event", "set", "bad name"), "name must be");
        assertUsage(run(broker, "event", "wait", "cli-x", "--timeout", "soon"), "--timeout");
        assertUsage(run(broker, "event", "toggle", "cli-x"), "toggle");
        assertUsage(run(broker, "event", "set"), "NAME");
    }

    private static void assertUsage(CliRun run, String says) {
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains(says), "says " + says + ": " + run);
        assertTrue(!run.err().contains("\tat ") && !run.err().contains("Exception"), "no stack trace: " + run);
    }

    private static CliRun run(TestBroker broker, String... command) {
        return CliRun.inNamespace(broker.uri(), broker.namespace(), command);
    }
}
