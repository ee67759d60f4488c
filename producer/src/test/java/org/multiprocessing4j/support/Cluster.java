package org.multiprocessing4j.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;
import org.multiprocessing4j.testkit.Workers;

/**
 * Real workers for a test: separate JVMs running WorkerMain with this test classpath (seed tasks
 * and TestTasks), each with its own pid, on the test class's namespace. Closing stops them all.
 */
public final class Cluster implements AutoCloseable {
    private final TestBroker broker;
    private final List<ChildProcess> workers = new ArrayList<>();

    public Cluster(TestBroker broker) {
        this.broker = broker;
    }

    /** Starts workers and waits until each is ready (subscribed). */
    public Cluster start(int count, int concurrency) {
        List<ChildProcess> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(launch("w" + (workers.size() + started.size() + 1), concurrency, List.of()));
        }
        started.forEach(Cluster::awaitReady);
        workers.addAll(started);
        return this;
    }

    /** Starts one more worker with extra options (e.g. --shutdown-timeout) and waits until it is ready. */
    public ChildProcess startOne(String name, int concurrency, List<String> extraArgs) {
        ChildProcess worker = launch(name, concurrency, extraArgs);
        awaitReady(worker);
        workers.add(worker);
        return worker;
    }

    private ChildProcess launch(String name, int concurrency, List<String> extraArgs) {
        return Workers.launch(name, broker.uri(), broker.namespace(), concurrency, extraArgs);
    }

    private static void awaitReady(ChildProcess worker) {
        Workers.awaitReady(worker);
    }

    public List<ChildProcess> workers() {
        return List.copyOf(workers);
    }

    public Set<Long> pids() {
        return workers.stream().map(ChildProcess::pid).collect(Collectors.toSet());
    }

    public BrokerSettings settings() {
        return BrokerSettings.defaults().withUri(broker.uri()).withNamespace(broker.namespace())
                .withConnectTimeout(Duration.ofSeconds(10));
    }

    public Multiprocessing connect(OutputSink output) {
        return Multiprocessing.builder().settings(settings()).output(output).connect();
    }

    public Multiprocessing connect() {
        return connect(OutputSink.discard());
    }

    /** Graceful stop (SIGTERM) of every worker, then kill -9 whatever did not exit. */
    @Override
    public void close() {
        Workers.stopAll(workers, Duration.ofSeconds(20));
        workers.clear();
    }
}
