package org.multiprocessing4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * Ordinary mistakes (issue 16 items 4, 5, 7): refused with one line naming the bad value and the
 * documented exit code, never 70 with a stack trace. Most are given a broker that cannot be
 * reached: a refusal with exit 2 (not 3, no broker) shows it came before connecting, so before
 * anything was published.
 */
@BrokerTest
class BadInputCliTest {
    private static final String NO_BROKER = "amqp://guest:guest@127.0.0.1:1/%2F";

    @TempDir
    Path dir;

    /** Refused before connecting: exit 2 although no broker could be reached. */
    private static CliRun refusedOffline(String expected, String... command) {
        List<String> args = new ArrayList<>(List.of("--uri", NO_BROKER, "--connect-timeout", "1"));
        args.addAll(List.of(command));
        CliRun run = CliRun.run(args.toArray(String[]::new));
        assertOneLineError(run, ExitCodes.USAGE, expected);
        return run;
    }

    private static void assertOneLineError(CliRun run, int exitCode, String expected) {
        assertEquals(exitCode, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("producer: "), run.toString());
        assertTrue(run.err().contains(expected), "expected '" + expected + "' in:\n" + run);
        assertEquals(1, run.err().lines().count(), "one line, no stack trace:\n" + run);
    }

    @Test
    void numbersOutOfRangeAreRefusedNamingTheOptionAndTheValue() {
        refusedOffline("--timeout must be from 0 to 31536000 seconds, got 1.0E18", "submit", "square", "3", "-t", "1e18");
        refusedOffline("got 1.0E300", "queue", "get", "X", "--timeout", "1e300");
        refusedOffline("got NaN", "submit", "noop", "-t", "NaN");
        refusedOffline("got -1", "map", "square", "1", "-t", "-1");
        refusedOffline("got Infinity", "process", "wait", "some-id", "-t", "Infinity");
        refusedOffline("got -0.5", "queue", "put", "X", "1", "-t", "-0.5");
        refusedOffline("--processes must be from 0 to 10000, got -1", "map", "square", "1", "--processes", "-1");
        refusedOffline("--processes must be from 0 to 10000, got 2147483647", "map", "square", "1", "-p", "2147483647");
        refusedOffline("--chunksize must be from 1 to 1000000, got 0", "map", "square", "1", "--chunksize", "0");
        assertOneLineError(CliRun.run("--uri", NO_BROKER, "--connect-timeout", "0", "submit", "noop"), ExitCodes.USAGE,
                "--connect-timeout must be from 1 to 86400, got 0");
        assertOneLineError(CliRun.run("--uri", NO_BROKER, "--connect-timeout", "86401", "submit", "noop"), ExitCodes.USAGE,
                "--connect-timeout must be from 1 to 86400, got 86401");
        refusedOffline("--lines must be from 0 to 100000, got -1", "process", "status", "some-id", "--lines", "-1");
        refusedOffline("--wait must be from 1 to 600000, got 0", "workers", "--wait", "0");
        refusedOffline("--count must be from 1 to 1000000, got 0", "queue", "get", "X", "--count", "0");
        refusedOffline("--maxsize must be from 0 to 1000000000, got -3", "queue", "create", "X", "--maxsize", "-3");
        refusedOffline("--wait-for-workers must be from 0 to 1000, got -1", "examples", "run", "join", "--wait-for-workers", "-1");
        refusedOffline("'abc' is not an int", "map", "square", "1", "-p", "abc");
        refusedOffline("'99999999999' is not an int", "queue", "create", "X", "--maxsize", "99999999999");
    }

    @Test
    void aJobsQueueTypeOtherThanQuorumOrClassicIsRefused() {
        refusedOffline("--jobs-queue: jobs queue type must be quorum or classic, got 'fast'",
                "--jobs-queue", "fast", "submit", "square", "2");
        refusedOffline("--jobs-queue is empty", "--jobs-queue", "", "submit", "square", "2");
    }

    @Test
    void retriesWithoutTheTypesToRetryAreRefusedRatherThanIgnored() {
        refusedOffline("--retries needs --retry-on: the exception types to retry, or 'any'", "submit", "noop", "--retries", "3");
        refusedOffline("--retry-on needs --retries N", "submit", "noop", "--retry-on", "any");
    }

    @Test
    void anOptionGivenEmptyIsAnErrorNotTheDefault() {
        refusedOffline("--namespace is empty", "--namespace", "", "submit", "square", "2");
        refusedOffline("--namespace is empty", "--namespace", " ", "submit", "square", "2");
        refusedOffline("--tls-ca is empty", "--tls-ca", "", "workers");
        refusedOffline("--name is empty", "process", "start", "noop", "--name", "");
        refusedOffline("--file is empty", "map", "square", "--file", "");
        CliRun run = CliRun.run("--uri", "", "submit", "noop");
        assertOneLineError(run, ExitCodes.USAGE, "--uri is empty");
    }

    @Test
    void anEmptyEnvironmentVariableCountsAsUnset() {
        CliRun run = CliRun.withEnv(Map.of("MP4J_NAMESPACE", "", "AMQP_URI", NO_BROKER), "--connect-timeout", "1", "workers");
        assertOneLineError(run, ExitCodes.BROKER_UNAVAILABLE, "cannot reach the broker"); // went on to connect
    }

    @Test
    void aNamespaceRabbitMqReservesIsRefusedBeforeConnecting() {
        refusedOffline("--namespace 'amq.x' cannot be used", "--namespace", "amq.x", "submit", "square", "2");
        refusedOffline("RabbitMQ reserves names starting with 'amq.'", "--namespace", "amq", "workers");
        CliRun run = CliRun.withEnv(Map.of("MP4J_NAMESPACE", "amq.gen"), "--uri", NO_BROKER, "workers");
        assertOneLineError(run, ExitCodes.USAGE, "MP4J_NAMESPACE 'amq.gen' cannot be used");
    }

    @Test
    void aValueWithALineBreakCannotForgeAnOutputLine() {
        refusedOffline("--namespace must not contain line breaks or control characters, got 'a\\nproducer: forged'",
                "--namespace", "a\nproducer: forged", "workers");
        refusedOffline("not valid JSON", "submit", "echo", "[\"a\nb\"");
    }

    @Test
    void fileMistakesAreUsageErrors() throws IOException {
        refusedOffline("--file '/tmp' is a directory", "map", "square", "--file", "/tmp");
        Path binary = dir.resolve("ls.bin");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, (byte) 0xff, (byte) 0xfe, '\n', 'x'});
        refusedOffline("is not UTF-8 text", "map", "echo", "--file", binary.toString());
        Path nul = dir.resolve("nul.txt");
        Files.writeString(nul, "1\n2\0\n");
        refusedOffline("is not UTF-8 text", "map", "echo", "--file", nul.toString());
        refusedOffline("no such file", "map", "echo", "--file", dir.resolve("missing").toString());
        refusedOffline("give --nowait or --timeout, not both", "queue", "get", "X", "--nowait", "-t", "1");
    }

    @Test
    void jsonNestedTooDeeplyIsSaidSoInAShortLine() {
        String tenThousand = "[".repeat(10_000) + "]".repeat(10_000);
        List<String> args = new ArrayList<>(List.of("--uri", NO_BROKER, "--connect-timeout", "1", "submit", "echo", tenThousand));
        CliRun run = CliRun.run(args.toArray(String[]::new));
        assertOneLineError(run, ExitCodes.BAD_VALUE, "nested too deeply");
        assertFalse(run.err().contains("not valid JSON"), run.toString());
        assertTrue(run.err().length() < 300, run.err().length() + " characters: " + run.err());

        String sixHundred = "[".repeat(600) + "]".repeat(600); // readable, but deeper than a value may be sent
        run = CliRun.run("--uri", NO_BROKER, "--connect-timeout", "1", "submit", "echo", sixHundred);
        assertOneLineError(run, ExitCodes.BAD_VALUE, "nested too deeply");
        assertTrue(run.err().length() < 300, run.err().length() + " characters: " + run.err());
    }

    @Test
    void creatingAnExistingQueueWithAnotherBoundIsAUsageError(TestBroker broker) {
        CliRun created = CliRun.inNamespace(broker.uri(), broker.namespace(), "queue", "create", "qz");
        assertEquals(0, created.exitCode(), created.toString());
        CliRun run = CliRun.inNamespace(broker.uri(), broker.namespace(), "queue", "create", "qz", "--maxsize", "5");
        assertOneLineError(run, ExitCodes.USAGE, "queue 'qz' already exists unbounded; a queue's maxsize cannot change");
        assertEquals(0, CliRun.inNamespace(broker.uri(), broker.namespace(), "queue", "create", "qz").exitCode());
    }

    @Test
    void aJobsQueueOfTheOtherTypeIsAUsageErrorNamingTheNamespaceTheTypeFoundAndTheSetting(TestBroker broker) {
        String namespace = broker.namespace() + ".typed";
        CliRun classic = CliRun.inNamespace(broker.uri(), namespace, "--jobs-queue", "classic", "queue", "create", "t1");
        assertEquals(0, classic.exitCode(), classic.toString());
        CliRun run = CliRun.inNamespace(broker.uri(), namespace, "queue", "create", "t1");
        assertOneLineError(run, ExitCodes.USAGE, "namespace '" + namespace + "' has classic jobs queues ("
                + namespace + ".jobs.default.high is one), but this client was set to use quorum: set --jobs-queue classic");
    }
}
