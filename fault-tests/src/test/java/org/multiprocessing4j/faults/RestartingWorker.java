package org.multiprocessing4j.faults;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.multiprocessing4j.testkit.ChildProcess;

/**
 * One worker (concurrency 1) kept running the way docker's restart policy would: each time it dies,
 * another is started, at most 15 in all; the deaths are counted. For a task that kills its worker.
 */
final class RestartingWorker implements AutoCloseable {
    private static final int MOST_GENERATIONS = 15;
    private final AtomicInteger deaths = new AtomicInteger();
    private final AtomicBoolean supervising = new AtomicBoolean(true);
    private final Thread supervisor;

    RestartingWorker(Cluster cluster, String uri, String namePrefix, String... workerOptions) {
        supervisor = new Thread(() -> {
            int generation = 0;
            while (supervising.get() && generation < MOST_GENERATIONS) {
                // Not waiting for its "ready" line: the poison job can arrive, and halt the
                // worker, before that line is written. A death is a death either way.
                ChildProcess worker = cluster.launch(namePrefix + ++generation, uri, 1, workerOptions);
                while (supervising.get() && worker.isAlive()) {
                    sleep(50);
                }
                if (!worker.isAlive()) {
                    deaths.incrementAndGet();
                }
            }
        }, "supervisor");
        supervisor.start();
    }

    int deaths() {
        return deaths.get();
    }

    /** Stops restarting (the worker still alive is stopped with the cluster). */
    @Override
    public void close() throws InterruptedException {
        supervising.set(false);
        supervisor.join();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
