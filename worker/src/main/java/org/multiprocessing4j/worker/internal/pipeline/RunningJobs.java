package org.multiprocessing4j.worker.internal.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.multiprocessing4j.worker.internal.job.JobRun;
import org.multiprocessing4j.worker.internal.settle.Settlement;

/**
 * Jobs this worker holds: delivered and not yet acknowledged or rejected. "In hand" is what a
 * graceful stop waits for; "running" (by job id) is what a cancellation looks up.
 */
public final class RunningJobs implements Settlement.Releases {
    private final Map<String, JobRun> byId = new ConcurrentHashMap<>();
    private final AtomicInteger inHand = new AtomicInteger();
    private final AtomicLong completed = new AtomicLong();
    private final Object changed = new Object();

    public void delivered() {
        inHand.incrementAndGet();
    }

    /** The job's delivery was acknowledged or rejected: it is no longer this worker's. */
    @Override
    public void released(boolean completedHere) {
        if (completedHere) {
            completed.incrementAndGet();
        }
        inHand.decrementAndGet();
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    void started(JobRun run) {
        byId.put(run.id(), run);
    }

    void ended(JobRun run) {
        byId.remove(run.id(), run);
    }

    JobRun get(String jobId) {
        return byId.get(jobId);
    }

    public List<JobRun> snapshot() {
        return List.copyOf(byId.values());
    }

    public int inHand() {
        return inHand.get();
    }

    public int running() {
        return byId.size();
    }

    public long completed() {
        return completed.get();
    }

    /** Waits until nothing is in hand; false if the timeout ran out first. */
    public boolean awaitNoneInHand(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (inHand.get() > 0) {
                long leftMs = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMs <= 0) {
                    return false;
                }
                changed.wait(Math.min(leftMs, 200));
            }
        }
        return true;
    }
}
