package org.multiprocessing4j.worker.internal;

import java.util.concurrent.CompletableFuture;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Outgoing;
import org.multiprocessing4j.internal.amqp.PublishRejectedException;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.MessageType;
import org.multiprocessing4j.internal.wire.OutputReply;
import org.multiprocessing4j.internal.wire.Reply;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.StartedReply;
import org.multiprocessing4j.internal.wire.WireCodec;

/**
 * Sends replies to a job's producer, in the order they are given (one confirming channel).
 * A reply queue that no longer exists means the producer is gone for good; that counts as sent,
 * so the job is still acknowledged and not run again for nobody.
 */
final class ReplySender implements AutoCloseable {
    private final ConfirmingPublisher publisher;

    ReplySender(ConfirmingPublisher publisher) {
        this.publisher = publisher;
    }

    CompletableFuture<Void> started(String replyTo, StartedReply reply) {
        return send(replyTo, MessageType.STARTED, reply);
    }

    CompletableFuture<Void> output(String replyTo, OutputReply reply) {
        return send(replyTo, MessageType.OUTPUT, reply);
    }

    CompletableFuture<Void> result(String replyTo, ResultReply reply) {
        return send(replyTo, MessageType.RESULT, reply);
    }

    private CompletableFuture<Void> send(String replyTo, String type, Reply reply) {
        if (replyTo == null || replyTo.isEmpty()) {
            return CompletableFuture.completedFuture(null); // fire-and-forget job
        }
        return publisher.publish(Outgoing.toQueue(replyTo, Envelopes.reply(type, reply.id()), WireCodec.encode(reply)))
                .exceptionallyCompose(failure -> failure instanceof PublishRejectedException rejected && rejected.unroutable()
                        ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.failedFuture(failure));
    }

    @Override
    public void close() {
        publisher.close();
    }
}
