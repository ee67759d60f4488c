package org.multiprocessing4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.RemoteProcess;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.PrivateBroker;

/**
 * Scenario 8: a task longer than the broker's consumer timeout. On a node whose consumer_timeout
 * is 4 s (checked every second), a 12 s task runs once and is not interrupted: the worker trades
 * its delivery for a lease after --lease-after. The control run, with leases off, shows the broker
 * really does close the channel and deliver the job again.
 */
class ConsumerTimeoutIT {
    private static PrivateBroker node;

    @BeforeAll
    static void startNode() {
        node = PrivateBroker.builder("timeout").conf("consumer_timeout", "4000")
                .rabbitEnv("{channel_tick_interval, 1000}").start();
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aTaskLongerThanTheConsumerTimeoutRunsOnceWithALease() throws Exception {
        Runs runs = run("leased", "--lease-after", "1", "--lease-ttl", "6");
        System.out.printf("[consumer timeout, lease after 1 s] deliveries %d, runs finished %d, exit code %d, "
                + "worker log mentions the timeout: %s%n", runs.deliveries, runs.completed, runs.exitCode, runs.channelClosed);
        assertEquals(1, runs.deliveries, "delivered once");
        assertEquals(1, runs.completed, "ran once");
        assertEquals(0, runs.exitCode);
        assertTrue(!runs.channelClosed, "the broker never closed the worker's channel");
        assertTrue(!node.ctl("list_queues", "name").contains(".lease."), "the lease was removed with the task");
    }

    @Test
    void withoutALeaseTheBrokerWouldRunItTwice() throws Exception {
        Runs runs = run("unleased", "--lease-after", "600");
        System.out.printf("[consumer timeout, control: no lease] deliveries %d, runs finished %d, exit code %d, "
                + "worker log mentions the timeout: %s%n", runs.deliveries, runs.completed, runs.exitCode, runs.channelClosed);
        assertTrue(runs.deliveries >= 2, "the consumer timeout redelivered the job: this node enforces it");
        assertTrue(runs.channelClosed);
    }

    /** deliveries: runs the worker counted; results: results that reached the producer (first + dropped duplicates). */
    private record Runs(long deliveries, long completed, int exitCode, boolean channelClosed) {
    }

    private static Runs run(String namespace, String... workerArgs) throws Exception {
        try (Cluster cluster = new Cluster(namespace);
             Multiprocessing mp = Cluster.connect(node.uri(), namespace, OutputSink.discard())) {
            ChildProcess worker = cluster.start("w", node.uri(), 2, workerArgs);
            RemoteProcess task = mp.process(Call.of("long_task", "T", 12));
            task.start();
            task.join(Duration.ofSeconds(60));
            Thread.sleep(8000); // a redelivery (after ~5 s) of a 12 s task would have finished by now
            long deliveries = mp.workers(Duration.ofMillis(500)).stream()
                    .mapToLong(status -> status.completed() + status.running()).sum();
            boolean closed = worker.stderr().stream().anyMatch(l -> l.contains("closed the jobs channel"));
            return new Runs(deliveries, mp.duplicateResultsDropped() + 1, task.exitCode() == null ? -1 : task.exitCode(), closed);
        }
    }
}
