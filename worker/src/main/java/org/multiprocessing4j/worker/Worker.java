package org.multiprocessing4j.worker;

import java.time.Duration;
import org.multiprocessing4j.internal.wire.WorkerRef;
import org.multiprocessing4j.worker.internal.EngineSettings;
import org.multiprocessing4j.worker.internal.runners.TaskCatalog;
import org.multiprocessing4j.worker.internal.WorkerEngine;

/**
 * A running worker. Starting one connects, declares the topology, catches up on cancellations and
 * subscribes to jobs; stopping one is graceful (see {@link #stop()}).
 *
 * <pre>{@code
 * try (Worker worker = Worker.start(WorkerConfig.defaults().withConcurrency(4))) {
 *     worker.awaitStop();   // until stop() is called, e.g. from a shutdown hook
 * }
 * }</pre>
 */
public final class Worker implements AutoCloseable {
    private final WorkerEngine engine;

    private Worker(WorkerEngine engine) {
        this.engine = engine;
    }

    /** Starts a worker running every task registered on the context class loader's classpath. */
    public static Worker start(WorkerConfig config) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new Worker(WorkerEngine.start(settings(config),
                TaskCatalog.load(loader != null ? loader : Worker.class.getClassLoader())));
    }

    private static EngineSettings settings(WorkerConfig config) {
        WorkerRef identity = new WorkerRef(config.name(), WorkerConfig.hostName(), ProcessHandle.current().pid());
        return new EngineSettings(identity, config.broker(), config.concurrency(), config.shutdownTimeout(),
                config.terminateGrace(), config.leaseAfter(), config.leaseTtl(), config.queues(), config.maxLostThreads(),
                config.observability().events(), config.observability().eventsRetention(),
                config.observability().metricsPort(), config.observability().metricsBind());
    }

    public String name() {
        return engine.identity().name();
    }

    public long pid() {
        return engine.identity().pid();
    }

    /** The port its Prometheus metrics are served on, 0 when they are off. */
    public int metricsPort() {
        return engine.metricsPort();
    }

    public String host() {
        return engine.identity().host();
    }

    /**
     * Graceful stop, in this order: stop taking jobs; let the jobs in hand finish, publish their
     * results and be acknowledged (up to the shutdown timeout; after it, interrupt them and hand
     * them back to the broker); then close the connection.
     */
    public void stop() {
        engine.stop();
    }

    /** Blocks until the worker has stopped; false if it is still running after the timeout. */
    public boolean awaitStop(Duration timeout) {
        return engine.awaitStopped(timeout);
    }

    /** Blocks until the worker has stopped. */
    public void awaitStop() {
        engine.awaitStopped(null);
    }

    /**
     * True when it stopped by itself to be restarted: more task threads than its config allows were
     * left behind by hard time limits. Its jobs in hand went back to the broker.
     */
    public boolean needsRestart() {
        return engine.needsRestart();
    }

    @Override
    public void close() {
        stop();
    }
}
