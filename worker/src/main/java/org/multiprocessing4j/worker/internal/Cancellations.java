package org.multiprocessing4j.worker.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.multiprocessing4j.internal.wire.CancelMessage;

/**
 * Jobs someone asked to stop. A cancelled job that is running is told at once; one that has not
 * started yet is skipped when it arrives. Remembers the most recent {@value #REMEMBERED} ids
 * (the stream behind it keeps a day's worth for workers that start later).
 */
final class Cancellations {
    static final int REMEMBERED = 200_000;

    private final RunningJobs running;
    private final Map<String, CancelMessage.Signal> cancelled = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CancelMessage.Signal> eldest) {
            return size() > REMEMBERED;
        }
    };

    Cancellations(RunningJobs running) {
        this.running = running;
    }

    void cancel(CancelMessage message) {
        synchronized (cancelled) {
            cancelled.putIfAbsent(message.id(), message.signal());
        }
        JobExecution execution = running.get(message.id());
        if (execution != null) {
            execution.cancel(message.signal());
        }
    }

    /** The signal a job was cancelled with, or null. Check after registering the job as running. */
    CancelMessage.Signal signalFor(String jobId) {
        synchronized (cancelled) {
            return cancelled.get(jobId);
        }
    }
}
