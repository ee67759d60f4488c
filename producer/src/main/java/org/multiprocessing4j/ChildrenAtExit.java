package org.multiprocessing4j;

import java.time.Duration;
import java.util.List;

/** What a closing client waits for, as Python's exit does: its processes, then every pool's tasks. */
final class ChildrenAtExit {
    /**
     * A pool's result is handed to its caller a few statements before the pool counts it done: a close
     * right after the last result must not find that task "running" and terminate it. Even
     * close(Duration.ZERO) gives a pool this long to settle.
     */
    private static final Duration SETTLING = Duration.ofMillis(200);

    private ChildrenAtExit() {
    }

    /**
     * Waits for the processes and the pools' tasks, all within {@code timeout} (null: as long as it
     * takes); a pool still busy then is terminated. False if anything was still running.
     */
    static boolean awaitOrTerminate(List<RemoteProcess> processes, List<Pool> pools, Duration timeout) {
        long deadline = System.nanoTime() + (timeout == null ? 0 : timeout.toNanos());
        boolean finished = true;
        for (RemoteProcess process : processes) {
            process.join(left(timeout, deadline));
            finished &= !process.isAlive();
        }
        for (Pool pool : pools) {
            Duration left = left(timeout, deadline);
            finished &= pool.awaitIdleOrTerminate(left == null || left.compareTo(SETTLING) > 0 ? left : SETTLING);
        }
        return finished;
    }

    private static Duration left(Duration timeout, long deadline) {
        return timeout == null ? null : Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
