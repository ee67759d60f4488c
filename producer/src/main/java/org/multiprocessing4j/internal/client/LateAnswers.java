package org.multiprocessing4j.internal.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Results still to come for jobs settled here before their worker answered (terminated from this
 * side): such a late result is expected, not a duplicate. When the worker was already running the
 * job, its answer is owed: a closing client waits briefly for it before it deletes the reply queue,
 * because a worker whose answer finds the queue gone declares it again to keep the result
 * (GUARANTEES rule 4), and a closed client's queue would then stay for its whole expiry (an hour).
 */
final class LateAnswers {
    private static final int BOUND = 100_000;
    private static final long POLL_MS = 20;
    private final Set<String> expected = ConcurrentHashMap.newKeySet();
    private final Set<String> owedByRunningWorkers = ConcurrentHashMap.newKeySet();

    void expect(String jobId, boolean running) {
        if (expected.size() > BOUND) {
            expected.clear(); // bounded: at worst a very late result is counted as a duplicate
            owedByRunningWorkers.clear();
        }
        expected.add(jobId);
        if (running) {
            owedByRunningWorkers.add(jobId);
        }
    }

    /** A result came for {@code jobId}: true if it was expected here (so not a duplicate). */
    boolean arrived(String jobId) {
        owedByRunningWorkers.remove(jobId);
        return expected.remove(jobId);
    }

    /**
     * Waits until no answer is owed and {@code othersOwed} is false, at most {@code timeout}: a
     * worker that died never answers, and a close stays bounded.
     */
    void awaitOwed(Duration timeout, BooleanSupplier othersOwed) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((!owedByRunningWorkers.isEmpty() || othersOwed.getAsBoolean()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
