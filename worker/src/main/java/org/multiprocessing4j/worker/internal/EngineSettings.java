package org.multiprocessing4j.worker.internal;

import java.time.Duration;
import java.util.List;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.internal.wire.WorkerRef;

/**
 * What the engine runs with, taken from the public {@code WorkerConfig} (already validated there).
 *
 * @param identity        name, host and pid, as producers see them
 * @param shutdownTimeout how long a graceful stop waits for tasks in hand; null for as long as they take
 * @param queues          the named queues it takes jobs from
 * @param maxLostThreads  task threads it may leave behind to hard time limits before it restarts
 * @param events          job events into the events stream (created with {@code eventsRetention} if absent)
 * @param metricsPort     Prometheus metrics on this port (0: off), listening on {@code metricsBind}
 */
public record EngineSettings(WorkerRef identity, BrokerSettings broker, int concurrency, Duration shutdownTimeout,
                             Duration terminateGrace, Duration leaseAfter, Duration leaseTtl, List<String> queues,
                             int maxLostThreads, boolean events, String eventsRetention, int metricsPort,
                             String metricsBind) {
}
