package org.multiprocessing4j.worker.internal.observe;

import java.time.Duration;
import org.multiprocessing4j.internal.events.EventLog;
import org.multiprocessing4j.internal.wire.JobEvent;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.WorkerRef;
import org.multiprocessing4j.worker.internal.job.JobObserver;
import org.multiprocessing4j.worker.internal.job.JobRun;

/** Writes each job's life into the events stream: history, {@code producer logs} and the dashboard read it. */
public final class EventsObserver implements JobObserver {
    private final EventLog events;
    private final WorkerRef identity;

    public EventsObserver(EventLog events, WorkerRef identity) {
        this.events = events;
        this.identity = identity;
    }

    @Override
    public void started(JobRun run) {
        events.record(JobEvent.started(run.id(), run.job().task(), identity, run.attempt()));
    }

    @Override
    public void printed(JobRun run, long seq, String line) {
        events.record(JobEvent.output(run.id(), run.job().task(), identity, run.attempt(), seq, line));
    }

    @Override
    public void progressed(JobRun run, long done, long total) {
        events.record(JobEvent.progress(run.id(), run.job().task(), identity, run.attempt(), done, total));
    }

    @Override
    public void finished(JobRun run, ResultReply result) {
        String error = result.error() == null ? null
                : result.error().type() + (result.error().message() == null ? "" : ": " + result.error().message());
        events.record(JobEvent.finished(run.id(), run.job().task(), identity, run.attempt(),
                result.outcome().name().toLowerCase(java.util.Locale.ROOT), error, result.elapsedMs()));
    }

    @Override
    public void retried(JobRun run, Duration delay, Throwable failure) {
        events.record(JobEvent.retried(run.id(), run.job().task(), identity, run.attempt(), failure.toString(),
                delay.toMillis()));
    }

    @Override
    public void buried(String jobId, String task, String reason, String error) {
        events.record(JobEvent.dead(jobId, task, identity, reason, error));
    }
}
