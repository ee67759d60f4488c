package org.multiprocessing4j.cli.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.cli.CliRun;
import org.multiprocessing4j.cli.ProducerMain;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * Properties of the real producer commands against the real broker and a real worker (issue 16):
 * whatever the command line, the command ends with a documented exit code, prints no stack trace
 * (without --debug) and no password, ends within its --timeout plus a few seconds, and leaves
 * nothing on the broker (no reply queue, no anonymous queue), after a clean exit or a Ctrl-C/SIGTERM.
 */
@BrokerTest
class CliPropertiesTest {
    /** ExitCodes 0-8; 70 is a bug. */
    private static final Set<Integer> DOCUMENTED = Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8);
    /** A signal ends a JVM with 128 + its number: 130 for SIGINT, 143 for SIGTERM. */
    private static final Set<Integer> SIGNALLED = Set.of(130, 143);
    private static final int LEFTOVER_CHECK_EVERY = 15;
    private static Cluster cluster;
    private static TestBroker broker;
    private static CliGenerator generator;
    private int sinceLeftoverCheck;
    private final Map<Integer, Integer> exitCodes = new java.util.TreeMap<>();

    @BeforeAll
    static void start(TestBroker testBroker) {
        broker = testBroker;
        cluster = new Cluster(broker).start(1, 4);
        generator = new CliGenerator(broker.uri(), broker.namespace());
    }

    @AfterAll
    static void stop() {
        cluster.close();
        new TestBroker(broker.uri(), generator.otherNamespace()).cleanUp();
    }

    @Test
    void everyCommandLineEndsOnTimeWithADocumentedExitCodeNoStackTraceNoSecretAndNothingLeft() throws Exception {
        Generated.forAll("command lines", 30, 120, Duration.ofSeconds(45), generator::next, this::check);
        System.out.println("exit codes seen (code=count): " + exitCodes);
        assertNothingLeft("after the last command line");
    }

    @Test
    void anInterruptedCommandTerminatesItsWorkAndLeavesNothing() {
        Generated.forAll("interrupted commands", 3, 3, Duration.ofSeconds(60), CliPropertiesTest::interruption,
                CliPropertiesTest::interrupt);
    }

    private void check(CliCase c) throws Exception {
        CliRun run = runBounded(c);
        String what = c + "\n" + run;
        exitCodes.merge(run.exitCode(), 1, Integer::sum);
        assertTrue(DOCUMENTED.contains(run.exitCode()), "exit code not in the documented set: " + what);
        if (!c.debug()) {
            assertFalse(run.err().contains("\tat picocli.") || run.out().contains("\tat picocli."), "a stack trace: " + what);
        }
        assertFalse(run.out().contains(c.secret()) || run.err().contains(c.secret()), "the password was printed: " + what);
        assertTrue(run.millis() <= c.limitMillis(), "took " + run.millis() + " ms: " + what);
        if (c.args().contains("--detach") && run.exitCode() == 0) {
            collect(run.out().strip());
        }
        if (++sinceLeftoverCheck >= LEFTOVER_CHECK_EVERY) {
            sinceLeftoverCheck = 0;
            assertNothingLeft("after the " + LEFTOVER_CHECK_EVERY + " command lines up to: " + c);
        }
    }

    /** In this JVM, as CliRun does; a command that hangs fails the property instead of the build. */
    private static CliRun runBounded(CliCase c) throws Exception {
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.withEnv(c.env(),
                c.args().toArray(String[]::new)));
        try {
            return run.get(c.limitMillis() + 30_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("hung for " + (c.limitMillis() + 30_000) + " ms: " + c);
        }
    }

    /**
     * A process started with --detach outlives its command: terminate and collect it. In the namespace
     * without workers nobody reports on it, so 'process wait' cannot collect it (a finding of this suite,
     * left to the library): there its reply queue is deleted directly.
     */
    private static void collect(String id) throws Exception {
        CliRun.inNamespace(broker.uri(), broker.namespace(), "process", "terminate", id);
        CliRun waited = CliRun.inNamespace(broker.uri(), broker.namespace(), "process", "wait", id, "-t", "20");
        if (waited.exitCode() == 2) { // not there: it was started in the other namespace
            try (Connection connection = broker.newConnection(); Channel channel = connection.createChannel()) {
                channel.queueDelete(generator.otherNamespace() + ".reply." + id);
            }
        }
    }

    private static void assertNothingLeft(String when) {
        List<String> left = queues().stream()
                .filter(name -> name.contains(".reply.") || name.contains(".queue.anon.")).toList();
        assertEquals(List.of(), left, "left on the broker " + when);
    }

    private static List<String> queues() {
        List<String> names = new ArrayList<>(broker.queues());
        names.addAll(new TestBroker(broker.uri(), generator.otherNamespace()).queues());
        return names;
    }

    // ---- interrupted ------------------------------------------------------------------------

    private record Interruption(List<String> command, long afterMillis, boolean ctrlC) {
    }

    private static Interruption interruption(Random random) {
        List<List<String>> commands = List.of(List.of("submit", "sleep", "30", "-t", "20"),
                List.of("process", "start", "sleep", "30", "-t", "20"), List.of("map", "sleep", "30", "30", "-p", "2", "-t", "20"),
                List.of("map", "sleep", "30", "-t", "20", "--file", "-"));
        return new Interruption(commands.get(random.nextInt(commands.size())), 300 + random.nextInt(2_700),
                random.nextBoolean());
    }

    private static void interrupt(Interruption c) throws Exception {
        List<String> args = new ArrayList<>(List.of("--uri", broker.uri(), "--namespace", broker.namespace()));
        args.addAll(c.command());
        try (ChildProcess producer = ChildProcess.start("producer", ProducerMain.class.getName(), args, Map.of())) {
            Thread.sleep(c.afterMillis());
            if (c.ctrlC()) {
                ChildProcess.run(List.of("kill", "-INT", String.valueOf(producer.pid())), Map.of(), Duration.ofSeconds(10));
            } else {
                producer.sigterm();
            }
            Integer exit = producer.awaitExit(Duration.ofSeconds(25));
            assertNotNull(exit, "did not exit after the signal: " + producer.describe());
            assertTrue(DOCUMENTED.contains(exit) || SIGNALLED.contains(exit), "exit " + exit + ": " + producer.describe());
            assertTrue(producer.stderr().stream().noneMatch(line -> line.startsWith("\tat picocli.")
                    || line.contains("unexpected error")), producer.describe());
            assertNothingLeft("by " + c + ": " + producer.describe());
            awaitIdleWorkers(c);
        }
    }

    private static void awaitIdleWorkers(Interruption c) throws InterruptedException {
        try (Multiprocessing probe = cluster.connect()) {
            for (int i = 0; i < 100; i++) {
                if (probe.workers(Duration.ofMillis(300)).stream().allMatch(w -> w.running() == 0)) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the tasks of " + c + " still run after the signal");
    }
}
