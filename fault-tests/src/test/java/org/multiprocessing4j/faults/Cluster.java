package org.multiprocessing4j.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.Workers;

/**
 * Workers for fault tests: JVMs with this module's classpath (seed tasks and FaultTasks), on any
 * broker URI (a private node, or a proxy in front of it), with a short heartbeat so a dead link
 * is noticed within seconds.
 */
final class Cluster implements AutoCloseable {
    private final String namespace;
    private final List<ChildProcess> workers = new ArrayList<>();

    Cluster(String namespace) {
        this.namespace = namespace;
    }

    ChildProcess start(String name, String uri, int concurrency, String... extraArgs) {
        return Workers.awaitReady(launch(name, uri, concurrency, extraArgs));
    }

    /** Starts without waiting for readiness (for a worker that must wait for its broker). */
    ChildProcess launch(String name, String uri, int concurrency, String... extraArgs) {
        ChildProcess worker = Workers.launch(name, uri, namespace, concurrency, List.of(extraArgs));
        workers.add(worker);
        return worker;
    }

    static Multiprocessing connect(String uri, String namespace, OutputSink sink) {
        return Multiprocessing.builder().settings(BrokerSettings.defaults().withUri(uri).withNamespace(namespace)
                .withHeartbeat(Duration.ofSeconds(2)).withConnectTimeout(Duration.ofSeconds(30))).output(sink).connect();
    }

    @Override
    public void close() {
        Workers.stopAll(workers, Duration.ofSeconds(15));
        workers.clear();
    }
}
