package org.multiprocessing4j.worker;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.connection.JobsQueueType;
import picocli.CommandLine;

/**
 * The worker's command line refuses absurd options before it connects: one line naming the option
 * and the value, exit code 2. Every refused run points at a port where nothing listens, so a value
 * that slipped through would show as exit 3 (no broker) instead.
 */
class WorkerMainTest {
    private static final String NOWHERE = "amqp://guest:guest@127.0.0.1:1/%2F";

    @Test
    void refusesAConcurrencyOutsideOneToAThousand() {
        assertAll(
                () -> assertRefused(Map.of(), "--concurrency must be from 1 to 1000, got 10000", "--concurrency", "10000"),
                () -> assertRefused(Map.of(), "--concurrency must be from 1 to 1000, got 0", "-c", "0"),
                () -> assertRefused(Map.of(), "--concurrency must be from 1 to 1000, got -3", "--concurrency", "-3"),
                () -> assertRefused(Map.of(), "--concurrency must be a whole number from 1 to 1000, got \"99999999999\"",
                        "--concurrency", "99999999999"),
                () -> assertRefused(Map.of(), "--concurrency must be a whole number from 1 to 1000, got \"two\"",
                        "--concurrency", "two"),
                () -> assertRefused(Map.of("MP4J_CONCURRENCY", "5000"), "MP4J_CONCURRENCY must be from 1 to 1000, got 5000"));
    }

    @Test
    void refusesANameThatWouldForgeALogLineOrARowOfTheWorkersTable() {
        String forged = "w1\n[main] INFO worker w2 ready";
        assertAll(
                () -> assertRefused(Map.of(), "--name must not contain line breaks or control characters, got "
                        + "\"w1\\n[main] INFO worker w2 ready\"", "--name", forged),
                () -> assertRefused(Map.of(), "--name must not contain line breaks or control characters, got \"a\\rb\"",
                        "--name", "a\rb"),
                () -> assertRefused(Map.of(), "got \"admin\\u202egnp.exe\"", "--name", "admin\u202Egnp.exe"),
                () -> assertRefused(Map.of(), "got \"bell\\u0007\"", "--name", "bell\u0007"),
                () -> assertRefused(Map.of("MP4J_WORKER_NAME", forged), "MP4J_WORKER_NAME must not contain line breaks"),
                () -> assertRefused(Map.of(), "--name must be at most 200 characters, got 5000: \"xxxx", "--name", "x".repeat(5000)),
                () -> assertRefused(Map.of(), "--name is empty", "--name", ""));
    }

    @Test
    void refusesAnOptionGivenEmptyRatherThanFallingBackToItsDefault() {
        assertAll(
                () -> assertRefused(Map.of(), "--namespace is empty: give a value, or leave the option out for the default",
                        "--namespace", ""),
                () -> assertRefused(Map.of(), "--namespace is empty", "--namespace", "  "),
                () -> assertRefused(Map.of(), "--uri is empty", "--uri", ""),
                () -> assertRefused(Map.of(), "--tls-ca is empty", "--tls-ca", ""));
    }

    @Test
    void refusesZeroNegativeAndAbsurdDurations() {
        assertAll(
                () -> assertRefused(Map.of(), "--heartbeat must be from 1 to 600, got 0", "--heartbeat", "0"),
                () -> assertRefused(Map.of(), "--heartbeat must be from 1 to 600, got -5", "--heartbeat", "-5"),
                () -> assertRefused(Map.of(), "--connect-timeout must be from 1 to 86400, got 0", "--connect-timeout", "0"),
                () -> assertRefused(Map.of(), "--shutdown-timeout must be from 0 to 604800, got -1", "--shutdown-timeout", "-1"),
                () -> assertRefused(Map.of(), "--terminate-grace must be from 0 to 600000, got -5", "--terminate-grace", "-5"),
                () -> assertRefused(Map.of(), "--lease-after must be from 0.1 to 86400, got NaN", "--lease-after", "NaN"),
                () -> assertRefused(Map.of(), "--lease-after must be from 0.1 to 86400, got Infinity", "--lease-after", "Infinity"),
                () -> assertRefused(Map.of(), "--lease-after must be from 0.1 to 86400, got 0.0", "--lease-after", "0"),
                () -> assertRefused(Map.of(), "--lease-ttl must be from 3 to 86400, got 0", "--lease-ttl", "0"),
                () -> assertRefused(Map.of(), "--lease-ttl must be from 3 to 86400, got 9999999999", "--lease-ttl", "9999999999"));
    }

    @Test
    void aMistypedOptionIsOneLineWithASuggestion() {
        assertRefused(Map.of(), "Unknown options: '--concurency', '3' (did you mean --concurrency", "--concurency", "3");
    }

    @Test
    void acceptsTheEdgesOfEachRangeAndTreatsAnEmptyEnvironmentVariableAsUnset() {
        WorkerConfig config = config(Map.of("MP4J_NAMESPACE", "", "MP4J_WORKER_NAME", " ", "MP4J_CONCURRENCY", ""),
                "--concurrency", "1000", "--shutdown-timeout", "0", "--terminate-grace", "0", "--lease-after", "0.1",
                "--lease-ttl", "3", "--heartbeat", "600");
        assertEquals(1000, config.concurrency());
        assertEquals("mp4j", config.broker().namespace());
        assertEquals(WorkerConfig.defaultName(), config.name());
        assertEquals(Duration.ZERO, config.shutdownTimeout());
        assertEquals(Duration.ofMillis(100), config.leaseAfter());
    }

    @Test
    void takesTheJobsQueueTypeFromTheOptionOrTheEnvironmentAndRefusesAnyOther() {
        assertEquals(JobsQueueType.QUORUM, config(Map.of()).broker().jobsQueue());
        assertEquals(JobsQueueType.CLASSIC, config(Map.of(), "--jobs-queue", "classic").broker().jobsQueue());
        assertEquals(JobsQueueType.CLASSIC, config(Map.of("MP4J_JOBS_QUEUE", "classic")).broker().jobsQueue());
        assertEquals(JobsQueueType.QUORUM, config(Map.of("MP4J_JOBS_QUEUE", "classic"), "--jobs-queue", "quorum")
                .broker().jobsQueue());
        assertAll(
                () -> assertRefused(Map.of(), "--jobs-queue: jobs queue type must be quorum or classic, got 'fast'",
                        "--jobs-queue", "fast"),
                () -> assertRefused(Map.of("MP4J_JOBS_QUEUE", "stream"),
                        "MP4J_JOBS_QUEUE: jobs queue type must be quorum or classic, got 'stream'"),
                () -> assertRefused(Map.of(), "--jobs-queue is empty", "--jobs-queue", ""));
    }

    @Test
    void takesNamesWithSpacesAndLettersOfAnyScript() {
        assertEquals("worker 1 北京-ü", config(Map.of(), "--name", "  worker 1 北京-ü ").name());
        assertEquals("from-env", config(Map.of("MP4J_WORKER_NAME", "from-env"), new String[0]).name());
        assertNull(WorkerConfig.nameProblem("a".repeat(WorkerConfig.MAX_NAME_LENGTH)));
    }

    private static WorkerConfig config(Map<String, String> env, String... args) {
        CommandLine commandLine = WorkerMain.commandLine(env);
        commandLine.parseArgs(args);
        return commandLine.<WorkerMain>getCommand().config();
    }

    private static void assertRefused(Map<String, String> env, String expected, String... args) {
        CommandLine commandLine = WorkerMain.commandLine(env);
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(out, true));
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--uri")) {
            all.addAll(List.of("--uri", NOWHERE));
        }
        if (!all.contains("--connect-timeout")) {
            all.addAll(List.of("--connect-timeout", "1"));
        }
        int exit = commandLine.execute(all.toArray(String[]::new));
        List<String> lines = err.toString().lines().toList();
        String shown = String.join(" | ", lines) + " <- " + all;
        assertEquals(2, exit, shown);
        assertEquals(1, lines.size(), "one line: " + shown);
        assertTrue(lines.get(0).startsWith("worker: "), shown);
        assertTrue(lines.get(0).contains(expected), "expected '" + expected + "' in: " + shown);
        assertTrue(lines.get(0).length() < 300, "short: " + shown);
        assertFalse(out.toString().contains("Usage"), out.toString());
    }
}
