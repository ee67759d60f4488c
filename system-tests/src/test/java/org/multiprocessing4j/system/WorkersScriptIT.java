package org.multiprocessing4j.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;

/** scripts/workers start/status/stop: background workers tracked by pid files, stopped by those pids. */
@BrokerTest
class WorkersScriptIT {

    @Test
    void workersStartInTheBackgroundAndStopByTheirRecordedPids(TestBroker broker, @TempDir Path runDir)
            throws Exception {
        Map<String, String> env = Map.of("AMQP_URI", broker.uri(), "MP4J_NAMESPACE", broker.namespace(),
                "MP4J_RUN_DIR", runDir.toString());
        ChildProcess start = run(env, "start", "2", "--concurrency", "1");
        assertEquals(0, start.awaitExit(Duration.ofMinutes(2)), start.describe());
        List<Long> pids = new ArrayList<>();
        for (String name : List.of("worker-1", "worker-2")) {
            pids.add(Long.parseLong(Files.readString(runDir.resolve("workers/" + name + ".pid")).trim()));
        }
        pids.forEach(pid -> assertTrue(ChildProcess.running(pid)));

        ChildProcess status = run(env, "status");
        assertEquals(0, status.awaitExit(Duration.ofSeconds(30)));
        assertEquals(List.of("worker-1: running, pid " + pids.get(0), "worker-2: running, pid " + pids.get(1)), status.stdout());

        ChildProcess producer = ChildProcess.startJar("producer", Shipped.PRODUCER_JAR, List.of("workers", "--wait", "10000"), env);
        assertEquals(0, producer.awaitExit(Duration.ofSeconds(90)), producer.describe());
        assertTrue(producer.stdout().stream().anyMatch(line -> line.startsWith("worker-1 ")), producer.describe());
        assertTrue(producer.stdout().stream().anyMatch(line -> line.startsWith("worker-2 ")), producer.describe());

        ChildProcess stop = run(env, "stop");
        assertEquals(0, stop.awaitExit(Duration.ofMinutes(1)), stop.describe());
        for (long pid : pids) {
            assertFalse(ChildProcess.running(pid), "pid " + pid + " stopped");
        }
        ChildProcess after = run(env, "status");
        after.awaitExit(Duration.ofSeconds(30));
        assertEquals(List.of("no workers started by this script"), after.stdout());
    }

    @Test
    void badArgumentsAreRefused(TestBroker broker) {
        ChildProcess bad = run(Map.of(), "start", "zero");
        assertEquals(1, bad.awaitExit(Duration.ofSeconds(30)));
        assertTrue(bad.stderr().get(0).contains("N must be a positive number"), bad.describe());
        ChildProcess usage = run(Map.of(), "frobnicate");
        assertEquals(2, usage.awaitExit(Duration.ofSeconds(30)));
    }

    private static ChildProcess run(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Shipped.script("workers").toString()));
        command.addAll(List.of(args));
        return ChildProcess.launch("workers " + String.join(" ", args), command, env);
    }
}
