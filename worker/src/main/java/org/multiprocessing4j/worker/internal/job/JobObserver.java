package org.multiprocessing4j.worker.internal.job;

import java.time.Duration;
import java.util.List;
import org.multiprocessing4j.internal.wire.ResultReply;

/**
 * Watches jobs go through the worker, for history and metrics: told when a run starts, prints,
 * reports progress, and how it leaves (finished, retried, buried), from whichever thread decides
 * it. Observers must return quickly and never throw; every method does nothing by default.
 */
public interface JobObserver {
    JobObserver NONE = new JobObserver() { };

    default void started(JobRun run) {
    }

    default void printed(JobRun run, long seq, String line) {
    }

    default void progressed(JobRun run, long done, long total) {
    }

    /** Its result went out (ok, error, terminated, killed). */
    default void finished(JobRun run, ResultReply result) {
    }

    default void retried(JobRun run, Duration delay, Throwable failure) {
    }

    default void leased(JobRun run) {
    }

    /** It went to the dead letters (refused, expired, retries exhausted); {@code task} may be "?" for an undecodable body. */
    default void buried(String jobId, String task, String reason, String error) {
    }

    /** All of these, in order. */
    static JobObserver all(List<JobObserver> observers) {
        List<JobObserver> copy = List.copyOf(observers);
        return new JobObserver() {
            @Override
            public void started(JobRun run) {
                copy.forEach(o -> o.started(run));
            }

            @Override
            public void printed(JobRun run, long seq, String line) {
                copy.forEach(o -> o.printed(run, seq, line));
            }

            @Override
            public void progressed(JobRun run, long done, long total) {
                copy.forEach(o -> o.progressed(run, done, total));
            }

            @Override
            public void finished(JobRun run, ResultReply result) {
                copy.forEach(o -> o.finished(run, result));
            }

            @Override
            public void retried(JobRun run, Duration delay, Throwable failure) {
                copy.forEach(o -> o.retried(run, delay, failure));
            }

            @Override
            public void leased(JobRun run) {
                copy.forEach(o -> o.leased(run));
            }

            @Override
            public void buried(String jobId, String task, String reason, String error) {
                copy.forEach(o -> o.buried(jobId, task, reason, error));
            }
        };
    }
}
