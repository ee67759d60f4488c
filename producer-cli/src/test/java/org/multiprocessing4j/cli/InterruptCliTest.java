package org.multiprocessing4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * Ctrl-C or SIGTERM during submit, process start or a small map (issue 16 item 6): the command's
 * tasks are terminated on the worker and its reply queue is deleted at once (it used to stay an
 * hour, with the terminated task's result in it). Each command runs in a JVM of its own, as a user runs it.
 */
@BrokerTest
class InterruptCliTest {
    private static Cluster cluster;
    private static TestBroker broker;

    @BeforeAll
    static void start(TestBroker testBroker) {
        broker = testBroker;
        cluster = new Cluster(broker).start(1, 3);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void sigtermDuringSubmitTerminatesTheTaskAndLeavesNothingOnTheBroker() throws Exception {
        interrupt(false, 1, "submit", "sleep", "60");
    }

    @Test
    void ctrlCDuringProcessStartTerminatesTheProcessAndLeavesNothingOnTheBroker() throws Exception {
        interrupt(true, 1, "process", "start", "sleep", "60");
    }

    @Test
    void ctrlCDuringASmallMapTerminatesItsTasksAndLeavesNothingOnTheBroker() throws Exception {
        interrupt(true, 2, "map", "sleep", "60", "60");
    }

    private static void interrupt(boolean ctrlC, int tasks, String... command) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--uri", broker.uri(), "--namespace", broker.namespace()));
        args.addAll(List.of(command));
        awaitIdleWorkers(); // an earlier test's failure must not leave its tasks counted as this one's
        try (ChildProcess producer = ChildProcess.start("producer", ProducerMain.class.getName(), args, Map.of())) {
            awaitRunning(tasks);
            if (ctrlC) {
                ChildProcess.run(List.of("kill", "-INT", String.valueOf(producer.pid())), Map.of(), Duration.ofSeconds(10));
            } else {
                producer.sigterm();
            }
            Integer exit = producer.awaitExit(Duration.ofSeconds(20));
            assertNotNull(exit, () -> "the producer exits: " + producer.describe() + "\n" + threadDump(producer));
            assertEquals(ctrlC ? 130 : 143, exit, producer.describe());
            assertTrue(producer.stderr().contains("producer: interrupted: terminated the unfinished work this command started"),
                    producer.describe());
            assertTrue(producer.stderr().stream().noneMatch(line -> line.startsWith("\tat ")), producer.describe());
            assertTrue(producer.stderr().stream().noneMatch(line -> line.contains("could not run")),
                    "a process stopped by the signal is not reported as failed: " + producer.describe());
            awaitIdleWorkers();
            // This producer's reply queue (named after its pid): not one an earlier failed test left behind.
            String ours = ".reply." + producer.pid() + "-";
            List<String> replyQueues = broker.queues().stream().filter(name -> name.contains(ours)).toList();
            assertEquals(List.of(), replyQueues, "nothing left on the broker by " + String.join(" ", command));
        }
    }

    /** Where a producer that outlived its signal is stuck (a CI run once saw one, not reproduced). */
    private static String threadDump(ChildProcess producer) {
        return ChildProcess.run(List.of("jstack", String.valueOf(producer.pid())), Map.of(), Duration.ofSeconds(20)).text();
    }

    private static void awaitRunning(int tasks) throws InterruptedException {
        try (Multiprocessing probe = cluster.connect()) {
            for (int i = 0; i < 300; i++) {
                if (probe.workers(Duration.ofMillis(300)).stream().mapToInt(w -> w.running()).sum() >= tasks) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the command's tasks never started");
    }

    private static void awaitIdleWorkers() throws InterruptedException {
        try (Multiprocessing probe = cluster.connect()) {
            for (int i = 0; i < 100; i++) {
                if (probe.workers(Duration.ofMillis(300)).stream().allMatch(w -> w.running() == 0)) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the interrupted command's tasks still run on the worker");
    }
}
