package org.multiprocessing4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.Ports;
import org.multiprocessing4j.testkit.PrivateBroker;

/** Scenario 6: the broker is down when a worker starts: bounded retries with backoff, then a clear error. */
class BrokerDownAtStartIT {

    @Test
    void aWorkerGivesUpAfterItsConnectTimeoutWithAClearMessage() {
        int closedPort = Ports.free();
        try (Cluster cluster = new Cluster("faults")) {
            long started = System.nanoTime();
            ChildProcess worker = cluster.launch("w", "amqp://guest:s3cret@127.0.0.1:" + closedPort + "/%2F", 1,
                    "--connect-timeout", "3");
            Integer exit = worker.awaitExit(Duration.ofSeconds(30));
            double seconds = (System.nanoTime() - started) / 1e9;
            String err = String.join("\n", worker.stderr());
            System.out.printf("[broker down at start] worker exit %d after %.1f s: %s%n", exit, seconds, err);
            assertNotEquals(0, exit);
            assertEquals(3, exit, "exit code 3: broker unavailable");
            assertTrue(err.contains("cannot reach the broker at amqp://guest:***@127.0.0.1:" + closedPort), err);
            assertTrue(err.contains("attempts in 3 s"), err);
            assertFalse(err.contains("s3cret"), "no password in errors");
        }
    }

    @Test
    void aWorkerThatStartsBeforeItsBrokerConnectsWhenTheBrokerComesUp() throws Exception {
        try (PrivateBroker node = PrivateBroker.builder("late").create(); Cluster cluster = new Cluster("faults")) {
            ChildProcess worker = cluster.launch("early", node.uri(), 1, "--connect-timeout", "60");
            Thread.sleep(3000);
            assertTrue(worker.isAlive(), "still retrying");
            long brokerStart = System.nanoTime();
            node.start();
            assertTrue(worker.awaitLine(line -> line.contains(" ready: "), Duration.ofSeconds(30)), worker.describe());
            System.out.printf("[broker down at start] worker waited, connected %.1f s after the broker started%n",
                    (System.nanoTime() - brokerStart) / 1e9);
            try (Multiprocessing mp = Cluster.connect(node.uri(), "faults", OutputSink.discard())) {
                assertEquals(9L, ((Number) mp.pool().apply("square", 3)).longValue());
            }
        }
    }
}
