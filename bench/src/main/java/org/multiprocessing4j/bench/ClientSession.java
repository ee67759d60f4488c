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
    private static final Duration ROUND_LIMIT = Duration.ofMinutes(10);
    private final ChildProcess process;

    ClientSession(ChildProcess process) {
        this.process = process;
    }

    /** Runs one round ({@code mode} throughput or latency, {@code calls} calls of {@code bytes} each way). */
    Result round(String mode, int calls, int bytes, Progress progress, String label) {
        int before = results().size();
        process.send(mode + " " + calls + " " + bytes);
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

    private List<Result> results() {
        return process.stdout().stream().filter(line -> line.startsWith(Result.PREFIX)).map(Result::parse).toList();
    }

    /** An empty line ends the client's loop; it deletes what it declared and exits. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.send("");
            if (process.awaitExit(Duration.ofSeconds(30)) == null) {
                process.kill9();
            }
        }
        process.close();
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
