package org.multiprocessing4j.worker.internal.settle;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.errors.ExpiredException;
import org.multiprocessing4j.errors.PayloadTooLargeException;
import org.multiprocessing4j.errors.TimeLimitExceeded;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.internal.wire.RemoteError;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.WorkerRef;
import org.multiprocessing4j.worker.internal.job.JobDelivery;
import org.multiprocessing4j.worker.internal.job.JobObserver;
import org.multiprocessing4j.worker.internal.job.JobRun;
import org.multiprocessing4j.worker.internal.replies.ReplyQueueUnavailableException;
import org.multiprocessing4j.worker.internal.replies.ReplySender;
import org.multiprocessing4j.worker.internal.settle.DeadLetterBurial.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a job leaves this worker, exactly once: its result published and confirmed, then the
 * delivery acknowledged (or its lease ended); or sent again for a retry; or handed back unfinished;
 * or refused and buried in the dead letters. Every path ends by telling {@link Releases} the job
 * is no longer in hand.
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
    private final Outbox outbox;
    private final Releases releases;
    private final DeadLetterBurial burial;
    private final RetryScheduler retries;
    private final LostThreads lostThreads;
    private final Duration terminateGrace;
    private final JobObserver observer;

    public Settlement(WorkerRef identity, ReplySender replies, Outbox outbox, Releases releases, LostThreads lostThreads,
                      Duration terminateGrace, JobObserver observer) {
        this.identity = identity;
        this.replies = replies;
        this.outbox = outbox;
        this.releases = releases;
        this.burial = new DeadLetterBurial(outbox, identity);
        this.retries = new RetryScheduler(outbox);
        this.lostThreads = lostThreads;
        this.terminateGrace = terminateGrace;
        this.observer = observer;
    }

    /** The task ended (returned, raised, or stopped): publish its result, then acknowledge the job. */
    public void complete(JobRun run, ResultReply result) {
        if (run.settle()) {
            publishResult(run, result, 1);
        }
    }

    /** The attempt failed and the job runs again after {@code delay}: no result yet, the retry is the broker's to hold. */
    public void retry(JobRun run, Duration delay, Throwable failure) {
        if (!run.settle()) {
            return;
        }
        log.info("job {} ({}) attempt {} failed ({}); retrying in {} ms", run.id(), run.job().task(),
                run.job().attemptOrFirst(), failure.toString(), delay.toMillis());
        observer.retried(run, delay, failure);
        retries.schedule(run, delay).whenComplete((ok, failure2) -> {
            if (failure2 == null) {
                acknowledge(run, false);
            } else {
                log.warn("job {}: could not schedule its retry ({}); handing it back", run.id(), failure2.getMessage());
                giveBack(run);
            }
        });
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
        leaveBehind(run);
    }

    /** The hard time limit passed: the attempt fails now, its slot is free, its thread is interrupted. */
    public void timeLimitReached(JobRun run, Duration limit) {
        if (run.settled()) {
            return;
        }
        run.muteOutput();
        String message = run.job().task() + "() ran past its time limit of " + limit.toMillis() + " ms";
        log.warn("job {}: {}", run.id(), message);
        complete(run, ResultReply.error(run.id(), RemoteError.of(TimeLimitExceeded.class.getName(), message), identity,
                run.elapsedMs()));
        run.interrupt();
        leaveBehind(run);
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

    /** A delivery that waited for a slot on a worker that stops: back to the broker, untouched. */
    public void handBackUnstarted(JobDelivery delivery) {
        delivery.acker().reject(delivery.deliveryTag(), true, () -> releases.released(false));
    }

    /** A job no worker here can run (undecodable, unknown task): tell its producer why, then bury it. */
    public void refuse(JobDelivery delivery, String correlationId, String task, RemoteError error, boolean undecodable) {
        log.warn("refusing job {} ({}): {}", correlationId, task, error.message());
        CompletableFuture<Void> told = correlationId == null ? CompletableFuture.completedFuture(null)
                : replies.result(delivery.replyTo(), ResultReply.error(correlationId, error, identity, 0));
        Reason reason = undecodable ? Reason.BAD_BODY : Reason.UNKNOWN_TASK;
        observer.buried(correlationId, task, reason.wire, describe(error));
        told.thenCompose(ok -> burial.bury(delivery, reason, error, delivery.attempt()))
                .whenComplete((ok, failure) -> settleBuried(delivery, failure));
    }

    /** A job that was not started before its expiry: it fails with ExpiredException and is buried. */
    public void expire(JobRun run) {
        if (!run.settle()) {
            return;
        }
        RemoteError error = RemoteError.of(ExpiredException.class.getName(), "task '" + run.job().task()
                + "' expired before a worker started it (expires " + run.job().optionsOrDefaults().expiresAt() + ")");
        log.info("job {} ({}) expired before it started; not running it", run.id(), run.job().task());
        observer.buried(run.id(), run.job().task(), Reason.EXPIRED.wire, describe(error));
        replies.result(run.delivery().replyTo(), ResultReply.error(run.id(), error, identity, 0))
                .thenCompose(ok -> burial.bury(run.delivery(), Reason.EXPIRED, error, run.attempt()))
                .whenComplete((ok, failure) -> settleBuried(run.delivery(), failure));
    }

    /** Trades a long run's delivery for a lease, unless it is settled or leased already. */
    public void lease(JobRun run, Duration ttl) {
        synchronized (run) {
            if (run.settled() || run.lease() != null) {
                return;
            }
            try {
                run.lease(JobLease.take(outbox, run.delivery(), run.id(), ttl));
                observer.leased(run);
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
                observer.finished(run, result);
                afterResult(run, result);
            } else if (cause instanceof PayloadTooLargeException || cause instanceof EncodingException) {
                publishResult(run, ResultReply.error(run.id(), RemoteError.of(cause), identity, result.elapsedMs()), attempt);
            } else if (cause instanceof ReplyQueueUnavailableException) {
                // Not acknowledged, so not lost: it runs again, and after the delivery limit it is dead-lettered.
                giveBack(run);
            } else if (attempt < RESULT_PUBLISH_ATTEMPTS) {
                // The link is down (the broker restarts, the network flaps): keep the result until it is back.
                // One line, not one a second: a partition must not fill the log (the link's loss is said too).
                if (attempt == 1) {
                    log.warn("job {}: result not confirmed ({}); publishing it again every {} ms for up to {} s", run.id(),
                            cause.getMessage(), RESULT_RETRY_DELAY_MS, RESULT_PUBLISH_ATTEMPTS * RESULT_RETRY_DELAY_MS / 1000);
                } else {
                    log.debug("job {}: result not confirmed yet (attempt {}): {}", run.id(), attempt, cause.getMessage());
                }
                outbox.timers().schedule(() -> publishResult(run, result, attempt + 1), RESULT_RETRY_DELAY_MS,
                        TimeUnit.MILLISECONDS);
            } else {
                log.error("job {}: result could not be published in {} s; handing the job back", run.id(),
                        RESULT_PUBLISH_ATTEMPTS * RESULT_RETRY_DELAY_MS / 1000);
                giveBack(run);
            }
        });
    }

    /** The result is out: a job whose retries ran out also goes to the dead letters; then it is acknowledged. */
    private void afterResult(JobRun run, ResultReply result) {
        if (!run.retriesWereExhausted() || result.error() == null) {
            acknowledge(run, true);
            return;
        }
        observer.buried(run.id(), run.job().task(), Reason.RETRIES_EXHAUSTED.wire, describe(result.error()));
        burial.bury(run.delivery(), Reason.RETRIES_EXHAUSTED, result.error(), run.attempt()).whenComplete((ok, failure) -> {
            if (failure != null) {
                log.warn("job {}: could not put it in the dead letters ({})", run.id(), failure.getMessage());
            }
            acknowledge(run, true);
        });
    }

    /** The job is done here: acknowledge it (or end its lease). */
    private void acknowledge(JobRun run, boolean completed) {
        synchronized (run) {
            if (run.lease() != null) {
                run.lease().end();
                releases.released(completed);
                return;
            }
        }
        JobDelivery delivery = run.delivery();
        delivery.acker().ack(delivery.deliveryTag(), () -> releases.released(completed));
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
        handBackUnstarted(run.delivery());
    }

    /** Buried: acknowledge it; if the copy could not be made, dead-letter it through the broker instead. */
    private void settleBuried(JobDelivery delivery, Throwable failure) {
        if (failure == null) {
            delivery.acker().ack(delivery.deliveryTag(), () -> releases.released(false));
        } else {
            log.warn("could not bury a job ({}); dead-lettering it through the broker", failure.getMessage());
            delivery.acker().reject(delivery.deliveryTag(), false, () -> releases.released(false));
        }
    }

    /** Its slot is free now; if its thread is still busy after the grace, it counts as left behind. */
    private void leaveBehind(JobRun run) {
        run.freeSlot();
        outbox.timers().schedule(() -> {
            if (run.threadAlive()) {
                lostThreads.lost(run.id());
            }
        }, Math.max(100, terminateGrace.toMillis()), TimeUnit.MILLISECONDS);
    }

    private static String describe(RemoteError error) {
        return error.type() + (error.message() == null ? "" : ": " + error.message());
    }

    private static String describe(CancelMessage.Signal signal) {
        return signal == CancelMessage.Signal.KILL ? "killed" : "terminated";
    }
}
