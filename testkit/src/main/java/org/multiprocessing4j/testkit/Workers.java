package org.multiprocessing4j.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Starting worker JVMs for tests, waiting until they subscribe, and stopping them as docker would. */
public final class Workers {
    public static final String MAIN = "org.multiprocessing4j.worker.WorkerMain";

    private Workers() {
    }

    /**
     * A worker with this JVM's classpath (the test's tasks included), logging at info so that its
     * "ready" line shows whatever logging config is on the classpath, with a 2 s heartbeat.
     */
    public static ChildProcess launch(String name, String uri, String namespace, int concurrency, List<String> extraArgs) {
        List<String> args = new ArrayList<>(List.of("--uri", uri, "--namespace", namespace, "--concurrency",
                String.valueOf(concurrency), "--name", name, "--heartbeat", "2"));
        args.addAll(extraArgs);
        return ChildProcess.start(name, List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info"), MAIN, args, Map.of());
    }

    /** Waits until the worker has subscribed to jobs; fails with its output if it does not. */
    public static ChildProcess awaitReady(ChildProcess worker) {
        if (!worker.awaitLine(line -> line.contains(" ready: "), Duration.ofSeconds(60))) {
            throw new IllegalStateException("worker did not become ready:\n" + worker.describe());
        }
        return worker;
    }

    /** SIGTERM to all (they finish what they hold), then kill -9 whatever has not exited within the grace. */
    public static void stopAll(Collection<ChildProcess> processes, Duration grace) {
        processes.forEach(ChildProcess::sigterm);
        for (ChildProcess process : processes) {
            if (process.awaitExit(grace) == null) {
                process.kill9();
            }
            process.close();
        }
    }
}
