package org.multiprocessing4j.worker.internal.replies;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Outgoing;
import org.multiprocessing4j.internal.amqp.PublishRejectedException;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.MessageType;
import org.multiprocessing4j.internal.wire.OutputReply;
import org.multiprocessing4j.internal.wire.ProgressReply;
import org.multiprocessing4j.internal.wire.Reply;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.StartedReply;
import org.multiprocessing4j.internal.wire.WireCodec;

/**
 * Sends replies to a job's producer, in the order they are given (one confirming channel).
 *
 * <p>A reply queue that does not exist is usually a producer gone for good (its queue expired):
 * the job then counts as answered and is acknowledged, not run again for nobody. But right after
 * a broker restart it can also be a producer that has not redeclared its queue yet (a queue
 * declared just before a kill -9 can be missing from the restarted node). So a result is sent
 * again for {@link #UNROUTABLE_GRACE} before it is given up; a queue given up on is remembered,
 * so that a dead producer's remaining jobs cost no more waiting. Start and output replies are
 * not retried: the result is what the producer cannot do without.
 */
public final class ReplySender implements AutoCloseable {
    public static final Duration UNROUTABLE_GRACE = Duration.ofSeconds(15);
    private static final long RETRY_MILLIS = 250;
    private static final int GONE_REMEMBERED = 10_000;

    private final ConfirmingPublisher publisher;
    private final Set<String> goneReplyQueues = ConcurrentHashMap.newKeySet();

    public ReplySender(ConfirmingPublisher publisher) {
        this.publisher = publisher;
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
        if (noReplyWanted(replyTo) || goneReplyQueues.contains(replyTo)) {
            return CompletableFuture.completedFuture(null);
        }
        return resultUntil(replyTo, reply, System.nanoTime() + UNROUTABLE_GRACE.toNanos());
    }

    private CompletableFuture<Void> resultUntil(String replyTo, ResultReply reply, long deadline) {
        return publish(replyTo, MessageType.RESULT, reply).exceptionallyCompose(failure -> {
            if (!unroutable(failure)) {
                return CompletableFuture.failedFuture(failure);
            }
            if (System.nanoTime() >= deadline) {
                if (goneReplyQueues.size() >= GONE_REMEMBERED) {
                    goneReplyQueues.clear(); // bounded: at worst another grace for an old dead producer
                }
                goneReplyQueues.add(replyTo);
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(RETRY_MILLIS, TimeUnit.MILLISECONDS))
                    .thenCompose(ignored -> resultUntil(replyTo, reply, deadline));
        });
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
