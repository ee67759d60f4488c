package org.multiprocessing4j.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.multiprocessing4j.testkit.ChildProcess;

/** Starts the bench's JVMs: workers, baseline responders, and the clients whose RESULT line it reads. */
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

    /** Runs a client to its end and returns its result. */
    Result client(Class<?> main, List<String> args, Progress progress, String label) {
        ChildProcess client = ChildProcess.startJvm(label, JVM, main.getName(), args, Map.of());
        long started = System.nanoTime();
        while (client.awaitExit(Duration.ofSeconds(1)) == null) {
            progress.tick(String.format("%s: running %.0f s", label, (System.nanoTime() - started) / 1e9));
            if ((System.nanoTime() - started) > Duration.ofMinutes(10).toNanos()) {
                client.kill9();
                throw new IllegalStateException(label + " did not finish:\n" + client.describe());
            }
        }
        return client.stdout().stream().filter(line -> line.startsWith(Result.PREFIX)).map(Result::parse).findFirst()
                .orElseThrow(() -> new IllegalStateException(label + " gave no result:\n" + client.describe()));
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
