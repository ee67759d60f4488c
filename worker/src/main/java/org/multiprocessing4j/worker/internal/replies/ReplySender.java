package org.multiprocessing4j.worker.internal.replies;

import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Outgoing;
import org.multiprocessing4j.internal.amqp.PublishRejectedException;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.MessageType;
import org.multiprocessing4j.internal.wire.OutputReply;
import org.multiprocessing4j.internal.wire.ProgressReply;
import org.multiprocessing4j.internal.wire.Reply;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.StartedReply;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends replies to a job's producer, in the order they are given (one confirming channel).
 *
 * <p>A result is never dropped because its reply queue is missing. Reply queues are replicated,
 * so a missing one means its producer has been away a long time (the queue expired), closed
 * (it deleted the queue), or a broker restart lost a queue declared just before it. In every case
 * the producer may still come back for it, so after {@link #UNROUTABLE_GRACE} (time for a producer
 * that is reconnecting to declare its queue again) the worker declares the queue itself, with the
 * arguments producers use, and publishes the result there: a producer that returns finds it
 * waiting, and a queue nobody comes back to expires as any reply queue does. Each such result is
 * logged with its job id and counted ({@link #resultsKept}). A queue that cannot be declared
 * (refused, or a classic queue of an earlier version whose node is down) fails the result with
 * {@link ReplyQueueUnavailableException}: the job is not acknowledged, it goes back to the broker.
 * Nothing is remembered about a reply queue: each result looks again. The answer of a job stopped
 * on request (terminated, killed) is the exception: it holds no result, so it is not kept.
 *
 * <p>Start and output replies are not retried: the result is what the producer cannot do without.
 */
public final class ReplySender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplySender.class);
    public static final Duration UNROUTABLE_GRACE = Duration.ofSeconds(3);
    private static final long RETRY_MILLIS = 250;

    private final ConfirmingPublisher publisher;
    private final Connection connection;
    private final Topology topology;
    private final AtomicLong resultsKept = new AtomicLong();
    private final AtomicLong resultsHandedBack = new AtomicLong();

    public ReplySender(ConfirmingPublisher publisher, Connection connection, Topology topology) {
        this.publisher = publisher;
        this.connection = connection;
        this.topology = topology;
    }

    public CompletableFuture<Void> started(String replyTo, StartedReply reply) {
        return sendOnce(replyTo, MessageType.STARTED, reply);
    }

    public CompletableFuture<Void> output(String replyTo, OutputReply reply) {
        return sendOnce(replyTo, MessageType.OUTPUT, reply);
    }

    public CompletableFuture<Void> progress(String replyTo, ProgressReply reply) {
        return sendOnce(replyTo, MessageType.PROGRESS, reply);
    }

    public CompletableFuture<Void> result(String replyTo, ResultReply reply) {
        if (noReplyWanted(replyTo)) {
            return CompletableFuture.completedFuture(null);
        }
        return resultUntil(replyTo, reply, System.nanoTime() + UNROUTABLE_GRACE.toNanos(), false);
    }

    /** Results whose reply queue was missing and that this worker kept for their producer, since it started. */
    public long resultsKept() {
        return resultsKept.get();
    }

    /** Results that could be neither delivered nor kept (their jobs went back to the broker), since it started. */
    public long resultsHandedBack() {
        return resultsHandedBack.get();
    }

    private CompletableFuture<Void> resultUntil(String replyTo, ResultReply reply, long deadline, boolean recreated) {
        return publish(replyTo, MessageType.RESULT, reply).exceptionallyCompose(failure -> {
            if (!unroutable(failure)) {
                return CompletableFuture.failedFuture(failure);
            }
            if (System.nanoTime() < deadline) {
                return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(RETRY_MILLIS, TimeUnit.MILLISECONDS))
                        .thenCompose(ignored -> resultUntil(replyTo, reply, deadline, recreated));
            }
            if (stopAnswer(reply)) {
                // A stop asked for by the job's own side (its producer closed, Ctrl-C, terminate): the answer
                // holds no result, and declaring the queue again would leave a closed producer's queue for
                // an hour. A producer that is still there and lost its queue publishes its waiting jobs
                // again on its return, and a stopped job is answered again then.
                log.info("job {}: its reply queue {} is gone; the job was stopped from there, so no result is kept",
                        reply.id(), replyTo);
                return CompletableFuture.completedFuture(null);
            }
            if (recreated) {
                // Declared a moment ago and missing again (deleted at once): not worth a loop.
                return handBack(replyTo, reply, "it was deleted again as soon as it was declared");
            }
            return CompletableFuture.supplyAsync(() -> recreate(replyTo, reply), CompletableFuture.delayedExecutor(0, TimeUnit.MILLISECONDS))
                    .thenCompose(problem -> problem == null
                            ? resultUntil(replyTo, reply, System.nanoTime() + UNROUTABLE_GRACE.toNanos(), true)
                            : handBack(replyTo, reply, problem));
        });
    }

    private static boolean stopAnswer(ResultReply reply) {
        return reply.outcome() == ResultReply.Outcome.TERMINATED || reply.outcome() == ResultReply.Outcome.KILLED;
    }

    /** Declares a missing reply queue as its producer would; returns why not, or null when it is there. */
    private String recreate(String replyTo, ResultReply reply) {
        if (replyTo.startsWith("amq.")) {
            return "a broker-named queue cannot be declared again";
        }
        // A detached process's queue is named after its job and kept longer (Topology.replyQueue(jobId)).
        Duration expires = replyTo.equals(topology.replyQueue(reply.id()))
                ? Topology.DETACHED_REPLY_QUEUE_EXPIRES : Topology.REPLY_QUEUE_EXPIRES;
        try {
            Channels.withTemporaryChannel(connection,
                    channel -> channel.queueDeclare(replyTo, true, false, false, Topology.replyQueueArguments(expires)));
        } catch (IOException | RuntimeException e) {
            if (Channels.replyCode(e) != 406) { // 406: someone (its producer) declared it meanwhile, with other arguments
                return Channels.replyCode(e) > 0 ? Channels.replyText(e) : e.toString();
            }
        }
        resultsKept.incrementAndGet();
        log.info("job {}: its reply queue {} was missing for {} s; declared it again to keep the result for its producer"
                + " (the queue expires {} h after its last use if the producer never returns)", reply.id(), replyTo,
                UNROUTABLE_GRACE.toSeconds(), expires.toHours());
        return null;
    }

    private CompletableFuture<Void> handBack(String replyTo, ResultReply reply, String why) {
        resultsHandedBack.incrementAndGet();
        log.warn("job {}: its result cannot reach reply queue {} ({}); the job goes back to the broker", reply.id(),
                replyTo, why);
        return CompletableFuture.failedFuture(new ReplyQueueUnavailableException(replyTo, why));
    }

    private CompletableFuture<Void> sendOnce(String replyTo, String type, Reply reply) {
        if (noReplyWanted(replyTo)) {
            return CompletableFuture.completedFuture(null);
        }
        return publish(replyTo, type, reply).exceptionallyCompose(failure -> unroutable(failure)
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(failure));
    }

    private CompletableFuture<Void> publish(String replyTo, String type, Reply reply) {
        return publisher.publish(Outgoing.toQueue(replyTo, Envelopes.reply(type, reply.id()), WireCodec.encode(reply)));
    }

    private static boolean noReplyWanted(String replyTo) {
        return replyTo == null || replyTo.isEmpty(); // a fire-and-forget job
    }

    private static boolean unroutable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof PublishRejectedException rejected && rejected.unroutable();
    }

    @Override
    public void close() {
        publisher.close();
    }
}
