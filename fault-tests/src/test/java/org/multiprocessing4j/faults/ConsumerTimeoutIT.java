package org.multiprocessing4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
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
 *
 * <p>The two runs are independent (own namespace, worker, producer and queues on the one node), and
 * most of each is waiting, so the two tests run at once (JUnit's concurrent mode, enabled for this
 * module): the class takes one run's time, not two.
 */
@Execution(ExecutionMode.CONCURRENT)
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
        Runs runs = run("leased", false, "--lease-after", "1", "--lease-ttl", "6");
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
        Runs runs = run("unleased", true, "--lease-after", "600");
        System.out.printf("[consumer timeout, control: no lease] deliveries %d, runs finished %d, exit code %d, "
                + "worker log mentions the timeout: %s%n", runs.deliveries, runs.completed, runs.exitCode, runs.channelClosed);
        assertTrue(runs.deliveries >= 2, "the consumer timeout redelivered the job: this node enforces it");
        assertTrue(runs.channelClosed);
    }

    /** deliveries: runs the worker counted; results: results that reached the producer (first + dropped duplicates). */
    private record Runs(long deliveries, long completed, int exitCode, boolean channelClosed) {
    }

    /**
     * After the task's result, watches the worker for up to 8 s: a redelivery (after ~5 s) of a 12 s
     * task would have finished by then. The lease run must watch all 8 s (it proves there was none);
     * the control run, which expects one, stops watching once it has seen it.
     */
    private static Runs run(String namespace, boolean redeliveryExpected, String... workerArgs) throws Exception {
        try (Cluster cluster = new Cluster(namespace);
             Multiprocessing mp = Cluster.connect(node.uri(), namespace, OutputSink.discard())) {
            ChildProcess worker = cluster.start("w-" + namespace, node.uri(), 2, workerArgs);
            RemoteProcess task = mp.process(Call.of("long_task", "T", 12));
            task.start();
            task.join(Duration.ofSeconds(60));
            long watchUntil = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            long deliveries;
            boolean closed;
            while (true) {
                if (!redeliveryExpected) {
                    Thread.sleep(Math.max(0, (watchUntil - System.nanoTime()) / 1_000_000));
                }
                deliveries = mp.workers(Duration.ofMillis(500)).stream()
                        .mapToLong(status -> status.completed() + status.running()).sum();
                closed = worker.stderr().stream().anyMatch(l -> l.contains("closed the jobs channel"));
                if ((redeliveryExpected && deliveries >= 2 && closed) || System.nanoTime() >= watchUntil) {
                    break;
                }
                Thread.sleep(200);
            }
            if (redeliveryExpected) {
                // Its figures are taken; what it still runs are the broker's redeliveries of a 12 s task, which a
                // graceful stop would wait out (up to 15 s): nothing left to learn from them.
                worker.kill9();
            }
            return new Runs(deliveries, mp.duplicateResultsDropped() + 1, task.exitCode() == null ? -1 : task.exitCode(), closed);
        }
    }
}
