package org.multiprocessing4j.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;
import org.multiprocessing4j.testkit.Workers;

/** Workers run from the shipped jar (java -jar mp4j-worker.jar), on a test's namespace. */
final class ShippedWorkers implements AutoCloseable {
    private final TestBroker broker;
    private final List<ChildProcess> started = new ArrayList<>();

    ShippedWorkers(TestBroker broker) {
        this.broker = broker;
    }

    ChildProcess start(String name, int concurrency, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--concurrency", String.valueOf(concurrency), "--name", name,
                "--heartbeat", "2"));
        args.addAll(List.of(extraArgs));
        ChildProcess worker = ChildProcess.startJar(name, Shipped.WORKER_JAR, args,
                Map.of("AMQP_URI", broker.uri(), "MP4J_NAMESPACE", broker.namespace()));
        started.add(worker);
        return Workers.awaitReady(worker);
    }

    /** The pids of the workers started. */
    java.util.Set<Long> pids() {
        return started.stream().map(ChildProcess::pid).collect(java.util.stream.Collectors.toSet());
    }

    Multiprocessing connect(OutputSink sink) {
        return Multiprocessing.builder().settings(BrokerSettings.defaults().withUri(broker.uri())
                .withNamespace(broker.namespace())).output(sink).connect();
    }

    @Override
    public void close() {
        Workers.stopAll(started, Duration.ofSeconds(20));
    }
}
