package org.multiprocessing4j;

import java.time.Duration;
import java.util.List;

/** What a closing client waits for, as Python's exit does: its processes, then every pool's tasks. */
final class ChildrenAtExit {
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
            finished &= pool.awaitIdleOrTerminate(left(timeout, deadline));
        }
        return finished;
    }

    private static Duration left(Duration timeout, long deadline) {
        return timeout == null ? null : Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
