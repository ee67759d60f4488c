package org.multiprocessing4j.internal.client;

import com.rabbitmq.client.AMQP;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.multiprocessing4j.errors.ClosedException;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.errors.PayloadTooLargeException;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Outgoing;
import org.multiprocessing4j.internal.amqp.PublishRejectedException;
import org.multiprocessing4j.internal.amqp.JobRouting;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.JobOptions;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes jobs to the jobs queue without waiting for each confirm in turn. A publish whose
 * confirm was lost with the connection is published again once the link is back (bounded): the
 * job may then run twice, and the producer keeps the first result. A delayed job published again
 * waits only what is left of its delay (the way through the delay levels is worked out anew for
 * each attempt): with the first attempt's way it would wait its whole delay again from the
 * republish, as late as the broker was away.
 */
public final class JobPublisher {
    private static final Logger log = LoggerFactory.getLogger(JobPublisher.class);
    private static final int MAX_ATTEMPTS = 30;
    private static final long RETRY_DELAY_MS = 1000;

    private final ConfirmingPublisher publisher;
    private final Topology topology;
    private final String replyQueue;
    private final Executor retryDelay = CompletableFuture.delayedExecutor(RETRY_DELAY_MS, TimeUnit.MILLISECONDS);
    private final Runnable redeclareJobsQueue;
    private final Executor redeclareDelay = CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS);
    private final java.util.concurrent.atomic.AtomicLong lastRedeclare = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param redeclareJobsQueue declares the jobs queue again; called when a job came back unroutable
     *                           (someone deleted the queue), before publishing it once more
     */
    private final JobRouting routing;

    public JobPublisher(ConfirmingPublisher publisher, Topology topology, JobRouting routing, String replyQueue,
                        Runnable redeclareJobsQueue) {
        this.routing = routing;
        this.publisher = publisher;
        this.topology = topology;
        this.replyQueue = replyQueue;
        this.redeclareJobsQueue = redeclareJobsQueue;
    }

    /** Completes when the broker has the job (confirmed); fails only when it never will. */
    public CompletableFuture<Void> publish(JobMessage job) {
        return publish(job, replyQueue);
    }

    /** The same, with the job's replies going to {@code replyTo} (a detached process's own queue). */
    public CompletableFuture<Void> publish(JobMessage job, String replyTo) {
        byte[] body;
        try {
            body = WireCodec.encode(job);
        } catch (EncodingException e) {
            return CompletableFuture.failedFuture(e);
        }
        JobOptions options = job.optionsOrDefaults();
        AMQP.BasicProperties properties = Envelopes.job(job.id(), replyTo);
        Supplier<Outgoing> route = () -> routing.outgoing(options.queueOrDefault(), options.priorityOrDefault(),
                delayLeft(options.notBefore()), properties, body);
        return attempt(route, job, 1);
    }

    /** What is left of a job's delay now; zero or negative: due, straight to its jobs queue. */
    private static Duration delayLeft(Long notBefore) {
        return notBefore == null ? Duration.ZERO : Duration.ofMillis(notBefore - System.currentTimeMillis());
    }

    private CompletableFuture<Void> attempt(Supplier<Outgoing> route, JobMessage job, int attempt) {
        Outgoing message;
        try {
            message = route.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        // The common case (confirmed) adds no stage: only a failure composes a retry.
        return publisher.publish(message).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            boolean queueMissing = cause instanceof PublishRejectedException rejected && rejected.unroutable();
            if (queueMissing && attempt < 3) {
                // Declare it only after a pause: the workers redeclare it themselves once RabbitMQ has told them
                // it is gone, and a queue declared again at once makes RabbitMQ 3.10 forget to tell them.
                return CompletableFuture.runAsync(this::redeclareOnce, redeclareDelay)
                        .thenCompose(x -> attempt(route, job, attempt + 1));
            }
            if (!retryable(cause) || attempt >= MAX_ATTEMPTS) {
                return CompletableFuture.failedFuture(explain(job, cause));
            }
            log.debug("job {} not confirmed ({}); publishing it again", job.id(), cause.getMessage());
            return CompletableFuture.runAsync(() -> { }, retryDelay).thenCompose(x -> attempt(route, job, attempt + 1));
        });
    }

    /** One declaration for a burst of unroutable jobs, not one each. */
    private void redeclareOnce() {
        long now = System.nanoTime();
        long last = lastRedeclare.get();
        if (now - last > TimeUnit.SECONDS.toNanos(1) && lastRedeclare.compareAndSet(last, now)) {
            log.warn("the jobs queue {} is gone (deleted?); declaring it again", topology.jobsQueue());
            redeclareJobsQueue.run();
        }
    }

    private static boolean retryable(Throwable cause) {
        return cause instanceof ConnectionLostException
                || (cause instanceof PublishRejectedException rejected && !rejected.unroutable());
    }

    private MpException explain(JobMessage job, Throwable cause) {
        if (cause instanceof PayloadTooLargeException || cause instanceof ClosedException) {
            return (MpException) cause;
        }
        if (cause instanceof PublishRejectedException rejected && rejected.unroutable()) {
            return new MpException("the jobs queue " + topology.jobsQueue() + " does not exist (was it deleted?); "
                    + "job " + job.id() + " was not sent");
        }
        return new ConnectionLostException("job " + job.id() + " (" + job.task() + ") could not be handed to the broker: "
                + cause.getMessage(), cause);
    }
}
