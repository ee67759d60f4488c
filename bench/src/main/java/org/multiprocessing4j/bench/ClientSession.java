package org.multiprocessing4j.bench;

import java.time.Duration;
import java.util.List;
import org.multiprocessing4j.testkit.ChildProcess;

/**
 * A client JVM kept for a whole phase: connected and warmed up once, then asked for one measured
 * round at a time (a command line on its stdin, a RESULT line back). Starting a fresh JVM per
 * round, and warming each one up again, used to take most of the bench's time.
 */
final class ClientSession implements AutoCloseable {
    /** INFLIGHT calls at once, CALLS in all; ARG: payload bytes each way (0: a no-op). */
    static final String THROUGHPUT = "throughput";
    /** One call at a time; ARG: payload bytes. */
    static final String LATENCY = "latency";
    /** CALLS sleeps of ARG seconds through a pool of 3; the result's perSecond is 1 / wall time. */
    static final String SLEEPS = "sleeps";
    /** CALLS no-op calls all submitted before any result is collected; for the client's memory. */
    static final String FLOOD = "flood";
    private static final Duration ROUND_LIMIT = Duration.ofMinutes(10);
    private final ChildProcess process;

    ClientSession(ChildProcess process) {
        this.process = process;
    }

    /** Runs one round: {@code mode} (one of the constants above), {@code calls} calls, {@code arg} as the mode says. */
    Result round(String mode, int calls, int arg, Progress progress, String label) {
        int before = results().size();
        process.send(mode + " " + calls + " " + arg);
        long started = System.nanoTime();
        while (true) {
            List<Result> results = results();
            if (results.size() > before) {
                return results.get(before);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(label + ": the client ended without a result:\n" + process.describe());
            }
            long elapsed = System.nanoTime() - started;
            if (elapsed > ROUND_LIMIT.toNanos()) {
                process.kill9();
                throw new IllegalStateException(label + " did not finish:\n" + process.describe());
            }
            progress.tick(String.format("%s: running %.0f s", label, elapsed / 1e9));
            sleep(20);
        }
    }

    long pid() {
        return process.pid();
    }

    private List<Result> results() {
        return process.stdout().stream().filter(line -> line.startsWith(Result.PREFIX)).map(Result::parse).toList();
    }

    /** An empty line ends the client's loop; it deletes what it declared and exits. */
    @Override
    public void close() {
        // A Python client's pool children go with it.
        List<ProcessHandle> children = ProcessHandle.of(process.pid()).stream().flatMap(ProcessHandle::descendants).toList();
        if (process.isAlive()) {
            process.send("");
            if (process.awaitExit(Duration.ofSeconds(30)) == null) {
                process.kill9();
            }
        }
        process.close();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
