package org.multiprocessing4j.internal.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Outgoing;
import org.multiprocessing4j.internal.amqp.PublishRejectedException;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.WireCodec;

/**
 * Appends cancellations to the stream every worker reads. While a node of a cluster restarts,
 * the stream may refuse a message (a nack while it elects a leader) or the link may drop before
 * the confirm: the cancellation is then published again, for a bounded time, so a terminate issued
 * during a node restart still reaches the workers (a copy read twice stops nothing twice).
 */
final class CancelPublisher {
    private static final int MAX_ATTEMPTS = 18;
    private static final long RETRY_MILLIS = 500;

    private final ConfirmingPublisher publisher;
    private final Topology topology;

    CancelPublisher(ConfirmingPublisher publisher, Topology topology) {
        this.publisher = publisher;
        this.topology = topology;
    }

    CompletableFuture<Void> publish(String jobId, CancelMessage.Signal signal) {
        byte[] body = WireCodec.encode(CancelMessage.of(jobId, signal, System.currentTimeMillis()));
        return attempt(Outgoing.toQueue(topology.cancellationStream(), Envelopes.cancel(jobId), body), 1);
    }

    private CompletableFuture<Void> attempt(Outgoing message, int attempt) {
        return publisher.publish(message).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            boolean retryable = cause instanceof ConnectionLostException
                    || (cause instanceof PublishRejectedException rejected && !rejected.unroutable());
            if (!retryable || attempt >= MAX_ATTEMPTS) {
                return CompletableFuture.failedFuture(cause);
            }
            return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(RETRY_MILLIS, TimeUnit.MILLISECONDS))
                    .thenCompose(x -> attempt(message, attempt + 1));
        });
    }
}
