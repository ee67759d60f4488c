package org.multiprocessing4j.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.multiprocessing4j.testkit.ChildProcess;

/** Starts the bench's JVMs: workers, baseline responders, and the clients whose RESULT lines it reads. */
final class Roles implements AutoCloseable {
    private static final List<String> JVM = List.of("-Xmx512m", "-XX:+UseParallelGC");
    private final String uri;
    private final String namespace;
    private final List<ChildProcess> servers = new ArrayList<>();

    Roles(String uri, String namespace) {
        this.uri = uri;
        this.namespace = namespace;
    }

    List<ChildProcess> workers(int count, int concurrency) {
        List<ChildProcess> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ChildProcess worker = ChildProcess.startJvm("worker-" + i, JVM, "org.multiprocessing4j.worker.WorkerMain",
                    List.of("--uri", uri, "--namespace", namespace, "--concurrency", String.valueOf(concurrency),
                            "--name", "bench-" + i), Map.of());
            started.add(worker);
        }
        started.forEach(worker -> awaitLine(worker, " ready: "));
        servers.addAll(started);
        return started;
    }

    List<ChildProcess> responders(int count, String queue, int prefetch, boolean quorum) {
        List<ChildProcess> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(ChildProcess.startJvm("responder-" + i, JVM, BaselineResponder.class.getName(),
                    List.of(uri, queue, String.valueOf(prefetch), quorum ? "quorum" : "classic"), Map.of()));
        }
        started.forEach(responder -> awaitLine(responder, "ready"));
        servers.addAll(started);
        return started;
    }

    /** A client JVM for a phase's rounds (see {@link ClientSession}). */
    ClientSession client(Class<?> main, List<String> args, String name) {
        return new ClientSession(ChildProcess.startJvm(name, JVM, main.getName(), args, Map.of()));
    }

    void stopServers() {
        servers.forEach(ChildProcess::kill9);
        servers.forEach(server -> server.awaitExit(Duration.ofSeconds(10)));
        servers.clear();
    }

    @Override
    public void close() {
        stopServers();
    }

    private static void awaitLine(ChildProcess process, String text) {
        if (!process.awaitLine(line -> line.contains(text), Duration.ofSeconds(60))) {
            throw new IllegalStateException(process.name() + " did not start:\n" + process.describe());
        }
    }
}
