package org.multiprocessing4j.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.multiprocessing4j.testkit.ChildProcess;

/**
 * Starts the bench's processes: workers, baseline responders, peers' servers, and the clients whose
 * RESULT lines it reads. With a profile directory every JVM records JFR and is stopped with SIGTERM
 * (so the recording is written) instead of kill -9.
 */
final class Roles implements AutoCloseable {
    private final List<String> jvmOptions;
    private final String uri;
    private final Path profile;
    private final List<ChildProcess> servers = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();

    Roles(String uri, List<String> jvmOptions, Path profile) {
        this.uri = uri;
        this.jvmOptions = jvmOptions;
        this.profile = profile;
    }

    /** {@code count} worker JVMs of {@code namespace}, each running {@code concurrency} tasks at once. */
    List<ChildProcess> workers(String namespace, int count, int concurrency, List<String> extraArgs) {
        List<ChildProcess> workers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> args = new ArrayList<>(List.of("--uri", uri, "--namespace", namespace,
                    "--concurrency", String.valueOf(concurrency), "--name", "bench-" + i));
            args.addAll(extraArgs);
            workers.add(jvm("worker-" + i, "org.multiprocessing4j.worker.WorkerMain", args));
        }
        return serving(workers, " ready: ");
    }

    List<ChildProcess> responders(int count, String queue, int prefetch, boolean quorum) {
        List<ChildProcess> responders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            responders.add(jvm("responder-" + i, BaselineResponder.class.getName(),
                    List.of(uri, queue, String.valueOf(prefetch), quorum ? "quorum" : "classic")));
        }
        return serving(responders, "ready");
    }

    /** Any other server (a peer's worker), stopped with the others; {@code readyLine} says it is up. */
    ChildProcess server(String name, List<String> command, Map<String, String> env, String readyLine) {
        return serving(List.of(ChildProcess.launch(name, command, env)), readyLine).get(0);
    }

    /**
     * A JVM of the bench's own (with the run's JVM options and profile), stopped with the other
     * servers; {@code readyLine} says it is up. For a phase driving its own processes over stdin.
     */
    ChildProcess server(String name, Class<?> main, List<String> args, String readyLine) {
        return serving(List.of(jvm(name, main.getName(), args)), readyLine).get(0);
    }

    /** A client JVM for a phase's rounds (see {@link ClientSession}). */
    ClientSession client(Class<?> main, List<String> args, String name) {
        return new ClientSession(jvm(name, main.getName(), args));
    }

    /** A client in another language speaking the same stdin/RESULT protocol. */
    ClientSession client(List<String> command, Map<String, String> env, String name) {
        return new ClientSession(ChildProcess.launch(name, command, env));
    }

    void stopServers() {
        // A peer's server forks children (Celery's prefork pool) that outlive a killed parent.
        List<ProcessHandle> children = servers.stream().flatMap(server -> ProcessHandle.of(server.pid()).stream())
                .flatMap(ProcessHandle::descendants).toList();
        if (profile != null) {
            servers.forEach(ChildProcess::sigterm);
            servers.forEach(server -> server.awaitExit(Duration.ofSeconds(30)));
        }
        servers.forEach(ChildProcess::kill9);
        servers.forEach(server -> server.awaitExit(Duration.ofSeconds(10)));
        children.forEach(ProcessHandle::destroyForcibly);
        servers.forEach(ChildProcess::close);
        servers.clear();
    }

    @Override
    public void close() {
        stopServers();
    }

    private ChildProcess jvm(String name, String mainClass, List<String> args) {
        List<String> options = new ArrayList<>(jvmOptions);
        if (profile != null) {
            options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + profile.resolve(started.incrementAndGet() + "-" + name + ".jfr"));
        }
        return ChildProcess.startJvm(name, options, mainClass, args, Map.of());
    }

    private List<ChildProcess> serving(List<ChildProcess> processes, String readyLine) {
        servers.addAll(processes);
        for (ChildProcess process : processes) {
            if (!process.awaitLine(line -> line.contains(readyLine), Duration.ofSeconds(90))) {
                throw new IllegalStateException(process.name() + " did not start:\n" + process.describe());
            }
        }
        return processes;
    }
}
