package org.multiprocessing4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.RemoteProcess;
import org.multiprocessing4j.WorkerStatus;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.PrivateBroker;
import org.multiprocessing4j.testkit.TcpProxy;

/**
 * Scenario 5: the link between a worker and the broker is cut, reset or silently blackholed while
 * the worker runs a task. The broker notices (at once, or after two missed 2 s heartbeats), the
 * task is redone by another worker, nothing is lost, and the cut-off worker comes back.
 *
 * <p>The three scenarios share only the node (each has its namespace, proxy, workers and producer)
 * and mostly wait (a 6 s task, a heartbeat timeout), so the three tests run at once (JUnit's
 * concurrent mode, enabled for this module): the class takes the longest scenario's time, not the sum.
 */
@Execution(ExecutionMode.CONCURRENT)
class LinkFaultsIT {
    private static PrivateBroker node;

    @BeforeAll
    static void startNode() {
        node = PrivateBroker.builder("links").start();
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    /** How long a worker may take to get or finish the job: generous, the figures say how long it took. */
    private static final Duration AWAIT = Duration.ofSeconds(90);

    @Test
    void aCutLinkIsNoticedAtOnceAndTheTaskRedoneElsewhere() throws Exception {
        scenario("cut", TcpProxy::cut);
    }

    @Test
    void aResetLinkIsNoticedAtOnceAndTheTaskRedoneElsewhere() throws Exception {
        scenario("reset", TcpProxy::reset);
    }

    @Test
    void aBlackholedLinkIsNoticedByHeartbeatsWithinSecondsAndTheTaskRedoneElsewhere() throws Exception {
        scenario("blackhole", TcpProxy::blackhole);
    }

    /** Seconds from {@code since} until the named worker runs (or ran) a job. */
    private static double awaitTaken(Multiprocessing mp, String worker, long since) {
        // By the clock, not a count of pings: under a loaded CI machine one ping round can take seconds.
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (WorkerStatus status : mp.workers(Duration.ofMillis(200))) {
                if (status.name().equals(worker) && (status.running() > 0 || status.completed() > 0)) {
                    return (System.nanoTime() - since) / 1e9;
                }
            }
        }
        throw new AssertionError(worker + " did not get the job within " + AWAIT.toSeconds() + " s");
    }

    private static void awaitCompleted(Multiprocessing mp, String worker) {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (WorkerStatus status : mp.workers(Duration.ofMillis(200))) {
                if (status.name().equals(worker) && status.completed() > 0) {
                    return;
                }
            }
        }
        throw new AssertionError(worker + " did not finish the job within " + AWAIT.toSeconds() + " s");
    }

    private static void scenario(String fault, Consumer<TcpProxy> breakLink) throws Exception {
        String namespace = "links-" + fault;
        List<String> lines = new CopyOnWriteArrayList<>();
        Figures figures = new Figures("link " + fault);
        try (TcpProxy proxy = TcpProxy.to(node.port()); Cluster cluster = new Cluster(namespace);
             Multiprocessing mp = Cluster.connect(node.uri(), namespace, line -> lines.add(line.pid() + " " + line.text()))) {
            ChildProcess cutOff = cluster.start("cut-off", PrivateBroker.uriOnPort(proxy.port()), 1);
            RemoteProcess task = mp.process(Call.of("long_task", "L", 6));
            task.start();
            WorkerKilledIT.awaitLine(lines, cutOff.pid() + " begin L");
            ChildProcess other = cluster.start("other", node.uri(), 1);
            figures.submitted(1);

            long broken = System.nanoTime();
            breakLink.accept(proxy);
            // The broker requeues the job once it sees the link is gone; the other worker then takes it.
            double detectedAfter = awaitTaken(mp, "other", broken);
            task.join(Duration.ofSeconds(30));
            if (task.exitCode() != null && task.exitCode() == 0) {
                figures.result("L");
            }
            awaitCompleted(mp, "other");
            double redoneAfter = (System.nanoTime() - broken) / 1e9;
            proxy.restore();
            // The cut-off worker reconnects and works again: stop the other one and give it a task.
            other.sigterm();
            other.awaitExit(Duration.ofSeconds(30));
            RemoteProcess after = mp.process(Call.of("brief", "after-" + fault, 10));
            after.start();
            after.join(Duration.ofSeconds(60));
            figures.report(mp.duplicateResultsDropped(), String.format("the broker gave the job to the other worker "
                    + "%.1f s after the fault, which finished it %.1f s after (it takes 6 s); the cut-off worker worked "
                    + "again: %s", detectedAfter, redoneAfter, after.exitCode() != null && after.exitCode() == 0
                    && after.pid() == cutOff.pid()));
            assertEquals(0, task.exitCode());
            assertEquals(0, figures.lost());
            assertEquals(0, after.exitCode(), "the cut-off worker recovered");
            assertEquals(cutOff.pid(), after.pid());
        }
    }
}
