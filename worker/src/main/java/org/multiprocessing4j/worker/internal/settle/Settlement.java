package org.multiprocessing4j.worker.internal.settle;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.errors.PayloadTooLargeException;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.internal.wire.RemoteError;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.WorkerRef;
import org.multiprocessing4j.worker.internal.job.JobDelivery;
import org.multiprocessing4j.worker.internal.job.JobRun;
import org.multiprocessing4j.worker.internal.replies.ReplySender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a job leaves this worker, exactly once: its result published and confirmed, then the
 * delivery acknowledged (or its lease ended); or handed back unfinished; or refused and
 * dead-lettered. Every path ends by telling {@link Releases} the job is no longer in hand.
 */
public final class Settlement {
    private static final Logger log = LoggerFactory.getLogger(Settlement.class);
    /** About a minute of retries: long enough for a broker restart or a reconnect. */
    private static final int RESULT_PUBLISH_ATTEMPTS = 60;
    private static final long RESULT_RETRY_DELAY_MS = 1000;

    /** Told when a job is no longer this worker's (acknowledged, requeued or dead-lettered). */
    @FunctionalInterface
    public interface Releases {
        void released(boolean completedHere);
    }

    private final WorkerRef identity;
    private final ReplySender replies;
    private final ScheduledExecutorService timers;
    private final LeaseResources leases;
    private final Releases releases;

    public Settlement(WorkerRef identity, ReplySender replies, LeaseResources leases, Releases releases) {
        this.identity = identity;
        this.replies = replies;
        this.timers = leases.timers();
        this.leases = leases;
        this.releases = releases;
    }

    /** The task ended (returned, raised, or stopped): publish its result, then acknowledge the job. */
    public void complete(JobRun run, ResultReply result) {
        if (run.settle()) {
            publishResult(run, result, 1);
        }
    }

    /** A stop was asked for and the task did not end within its grace: report it stopped, leave its thread behind. */
    public void abandon(JobRun run) {
        if (run.settled()) {
            return;
        }
        run.muteOutput();
        log.warn("job {} did not end after its interrupt; reporting it {} and leaving its thread behind",
                run.id(), describe(run.stopSignal()));
        complete(run, stopped(run));
    }

    /** Shutdown timeout: interrupt the task and give the job back to the broker for another worker. */
    public void handBack(JobRun run) {
        if (!run.settle()) {
            return;
        }
        run.muteOutput();
        run.interrupt();
        log.warn("job {}: handed back to the broker unfinished", run.id());
        giveBack(run);
    }

    /** A job no worker here can run (undecodable, unknown task): tell its producer why, then dead-letter it. */
    public void refuse(JobDelivery delivery, String correlationId, String task, RemoteError error) {
        log.warn("refusing job {} ({}): {}", correlationId, task, error.message());
        CompletableFuture<Void> told = correlationId == null ? CompletableFuture.completedFuture(null)
                : replies.result(delivery.replyTo(), ResultReply.error(correlationId, error, identity, 0));
        told.whenComplete((ok, failure) ->
                delivery.acker().reject(delivery.deliveryTag(), false, () -> releases.released(false)));
    }

    /** Trades a long run's delivery for a lease, unless it is settled or leased already. */
    public void lease(JobRun run, Duration ttl) {
        synchronized (run) {
            if (run.settled() || run.lease() != null) {
                return;
            }
            try {
                run.lease(JobLease.take(leases, run.delivery(), run.id(), ttl));
            } catch (Exception e) {
                log.warn("job {}: could not take a lease ({}); it keeps its delivery", run.id(), e.getMessage());
            }
        }
    }

    /** The result the job gets when a stop was asked for (terminated or killed). */
    public ResultReply stopped(JobRun run) {
        return ResultReply.stopped(run.id(), run.stopSignal() == CancelMessage.Signal.KILL
                ? ResultReply.Outcome.KILLED : ResultReply.Outcome.TERMINATED, identity, run.elapsedMs());
    }

    private void publishResult(JobRun run, ResultReply result, int attempt) {
        CompletableFuture<Void> sent;
        try {
            sent = replies.result(run.delivery().replyTo(), result);
        } catch (EncodingException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((ok, failure) -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause == null) {
                acknowledge(run);
            } else if (cause instanceof PayloadTooLargeException || cause instanceof EncodingException) {
                publishResult(run, ResultReply.error(run.id(), RemoteError.of(cause), identity, result.elapsedMs()), attempt);
            } else if (attempt < RESULT_PUBLISH_ATTEMPTS) {
                // The link is down (the broker restarts, the network flaps): keep the result until it is back.
                log.warn("job {}: result not confirmed ({}); publishing it again", run.id(), cause.getMessage());
                timers.schedule(() -> publishResult(run, result, attempt + 1), RESULT_RETRY_DELAY_MS, TimeUnit.MILLISECONDS);
            } else {
                log.error("job {}: result could not be published in {} s; handing the job back", run.id(),
                        RESULT_PUBLISH_ATTEMPTS * RESULT_RETRY_DELAY_MS / 1000);
                giveBack(run);
            }
        });
    }

    /** The result is confirmed: the job is done here; acknowledge it (or end its lease). */
    private void acknowledge(JobRun run) {
        synchronized (run) {
            if (run.lease() != null) {
                run.lease().end();
                releases.released(true);
                return;
            }
        }
        JobDelivery delivery = run.delivery();
        delivery.acker().ack(delivery.deliveryTag(), () -> releases.released(true));
    }

    /** The job goes back to the broker unfinished, for another worker. */
    private void giveBack(JobRun run) {
        synchronized (run) {
            if (run.lease() != null) {
                run.lease().handBack();
                releases.released(false);
                return;
            }
        }
        JobDelivery delivery = run.delivery();
        delivery.acker().reject(delivery.deliveryTag(), true, () -> releases.released(false));
    }

    private static String describe(CancelMessage.Signal signal) {
        return signal == CancelMessage.Signal.KILL ? "killed" : "terminated";
    }
}
