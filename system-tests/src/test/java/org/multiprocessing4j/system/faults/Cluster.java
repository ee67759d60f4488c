package org.multiprocessing4j.system.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.testkit.ChildProcess;

/**
 * Workers for fault tests: JVMs with this module's classpath (seed tasks and FaultTasks), on any
 * broker URI (a private node, or a proxy in front of it), with a short heartbeat so a dead link
 * is noticed within seconds.
 */
final class Cluster implements AutoCloseable {
    private static final String WORKER_MAIN = "org.multiprocessing4j.worker.WorkerMain";
    private final String namespace;
    private final List<ChildProcess> workers = new ArrayList<>();

    Cluster(String namespace) {
        this.namespace = namespace;
    }

    ChildProcess start(String name, String uri, int concurrency, String... extraArgs) {
        ChildProcess worker = launch(name, uri, concurrency, extraArgs);
        if (!worker.awaitLine(line -> line.contains(" ready: "), Duration.ofSeconds(60))) {
            throw new IllegalStateException("worker did not become ready:\n" + worker.describe());
        }
        return worker;
    }

    /** Starts without waiting for readiness (for a worker that must wait for its broker). */
    ChildProcess launch(String name, String uri, int concurrency, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--uri", uri, "--namespace", namespace, "--concurrency",
                String.valueOf(concurrency), "--name", name, "--heartbeat", "2"));
        args.addAll(List.of(extraArgs));
        ChildProcess worker = ChildProcess.start(name, List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info"),
                WORKER_MAIN, args, Map.of());
        workers.add(worker);
        return worker;
    }

    static Multiprocessing connect(String uri, String namespace, OutputSink sink) {
        return Multiprocessing.builder().settings(BrokerSettings.defaults().withUri(uri).withNamespace(namespace)
                .withHeartbeat(Duration.ofSeconds(2)).withConnectTimeout(Duration.ofSeconds(30))).output(sink).connect();
    }

    @Override
    public void close() {
        workers.forEach(ChildProcess::sigterm);
        for (ChildProcess worker : workers) {
            if (worker.awaitExit(Duration.ofSeconds(15)) == null) {
                worker.kill9();
            }
            worker.close();
        }
        workers.clear();
    }
}
