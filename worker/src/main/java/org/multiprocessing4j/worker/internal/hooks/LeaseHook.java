package org.multiprocessing4j.worker.internal.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.worker.internal.job.JobRun;
import org.multiprocessing4j.worker.internal.settle.Settlement;

/**
 * A task still running after {@code leaseAfter} trades its delivery for a lease, before the
 * broker's consumer timeout can close its channel and run it twice. One periodic sweep over the
 * runs in progress rather than a timer per run: most runs end long before the threshold.
 */
public final class LeaseHook implements RunHook {
    private final Set<JobRun> running = ConcurrentHashMap.newKeySet();

    public LeaseHook(Settlement settlement, ScheduledExecutorService timers, Duration leaseAfter, Duration leaseTtl) {
        long threshold = leaseAfter.toNanos();
        long sweepMs = Math.max(100, Math.min(5_000, leaseAfter.toMillis() / 5));
        timers.scheduleWithFixedDelay(() -> running.forEach(run -> {
            if (run.runningNanos() >= threshold) {
                settlement.lease(run, leaseTtl);
            }
        }), sweepMs, sweepMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public JsonNode around(JobRun run, Invocation next) throws Exception {
        running.add(run);
        try {
            return next.proceed();
        } finally {
            running.remove(run);
        }
    }
}
