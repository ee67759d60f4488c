package org.multiprocessing4j.worker.internal.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.worker.internal.job.JobRun;
import org.multiprocessing4j.worker.internal.settle.Settlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs someone asked to stop. A cancelled job that is running is interrupted at once, and if it
 * has not ended within the grace (at once for kill) it is reported stopped and its slot freed; a
 * job that has not started yet is skipped when it arrives. Remembers the most recent
 * {@value #REMEMBERED} ids (the stream behind it keeps a day's worth for workers that start later).
 */
public final class Cancellations {
    static final int REMEMBERED = 200_000;
    private static final Logger log = LoggerFactory.getLogger(Cancellations.class);

    private final RunningJobs running;
    private final Settlement settlement;
    private final ScheduledExecutorService timers;
    private final Duration terminateGrace;
    private final Map<String, CancelMessage.Signal> cancelled = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CancelMessage.Signal> eldest) {
            return size() > REMEMBERED;
        }
    };

    public Cancellations(RunningJobs running, Settlement settlement, ScheduledExecutorService timers,
                         Duration terminateGrace) {
        this.running = running;
        this.settlement = settlement;
        this.timers = timers;
        this.terminateGrace = terminateGrace;
    }

    public void cancel(CancelMessage message) {
        synchronized (cancelled) {
            cancelled.putIfAbsent(message.id(), message.signal());
        }
        JobRun run = running.get(message.id());
        if (run != null && run.requestStop(message.signal())) {
            log.info("job {}: {} requested", run.id(), message.signal() == CancelMessage.Signal.KILL ? "kill" : "terminate");
            if (message.signal() == CancelMessage.Signal.KILL) {
                settlement.abandon(run);
            } else {
                timers.schedule(() -> settlement.abandon(run), terminateGrace.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The signal a job was cancelled with, or null. Check after registering the job as running. */
    CancelMessage.Signal signalFor(String jobId) {
        synchronized (cancelled) {
            return cancelled.get(jobId);
        }
    }
}
