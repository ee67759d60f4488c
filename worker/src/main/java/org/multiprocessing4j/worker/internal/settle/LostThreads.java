package org.multiprocessing4j.worker.internal.settle;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task threads this worker left behind: a task stopped by a hard time limit (or a terminate) that
 * ignored its interrupt keeps its thread busy for ever. Past {@code max} of them the worker asks to
 * be restarted, once: a fresh JVM has none.
 */
public final class LostThreads {
    private static final Logger log = LoggerFactory.getLogger(LostThreads.class);

    private final int max;
    private final Runnable restart;
    private final AtomicInteger lost = new AtomicInteger();
    private final AtomicBoolean restarting = new AtomicBoolean();

    public LostThreads(int max, Runnable restart) {
        this.max = max;
        this.restart = restart;
    }

    void lost(String job) {
        int count = lost.incrementAndGet();
        log.warn("job {}: its thread ignored the interrupt and is left behind ({} so far, at most {})", job, count, max);
        if (count > max && restarting.compareAndSet(false, true)) {
            log.warn("{} task threads left behind: stopping cleanly to be restarted", count);
            restart.run();
        }
    }

    public int count() {
        return lost.get();
    }
}
