package org.multiprocessing4j.worker.internal.settle;

import com.rabbitmq.client.AMQP;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.multiprocessing4j.internal.amqp.Outgoing;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.RemoteError;
import org.multiprocessing4j.internal.wire.WorkerRef;
import org.multiprocessing4j.worker.internal.job.JobDelivery;

/**
 * Puts a job no one will run into the dead letters, with why: a copy with headers saying the
 * reason, the error and the worker, published to {@code <ns>.dead.letters}; the caller then
 * acknowledges the delivery. Poison jobs are dead-lettered by the broker itself (its delivery
 * limit, reason {@code delivery_limit} in x-death); everything else the worker decides goes here.
 */
final class DeadLetterBurial {
    /** Why a job is in the dead letters. */
    enum Reason {
        UNKNOWN_TASK("unknown-task"), BAD_BODY("bad-body"), RETRIES_EXHAUSTED("retries-exhausted"), EXPIRED("expired");

        final String wire;

        Reason(String wire) {
            this.wire = wire;
        }
    }

    static final String REASON = "x-mp4j-dead-reason";
    static final String ERROR = "x-mp4j-dead-error";
    static final String WORKER = "x-mp4j-dead-worker";
    static final String AT = "x-mp4j-dead-at";

    private final Outbox outbox;
    private final WorkerRef identity;

    DeadLetterBurial(Outbox outbox, WorkerRef identity) {
        this.outbox = outbox;
        this.identity = identity;
    }

    /**
     * Completes once the broker has the copy; the original's properties (reply_to, correlation id) are kept.
     *
     * @param attempts how many times the job was delivered, this delivery included
     */
    CompletableFuture<Void> bury(JobDelivery delivery, Reason reason, RemoteError error, int attempts) {
        AMQP.BasicProperties original = delivery.properties();
        Map<String, Object> headers = new HashMap<>(original.getHeaders() == null ? Map.of() : original.getHeaders());
        headers.put(REASON, reason.wire);
        headers.put(ERROR, error.type() + (error.message() == null ? "" : ": " + abbreviate(error.message())));
        headers.put(WORKER, identity.toString());
        headers.put(AT, System.currentTimeMillis());
        // The job's deliveries, counted now: the dead-letter queue's own x-delivery-count counts readings there.
        headers.put(Topology.DEAD_ATTEMPTS_HEADER, attempts);
        AMQP.BasicProperties properties = original.builder().headers(headers).build();
        return outbox.publisher().publish(Outgoing.toQueue(outbox.topology().deadLettersQueue(), properties, delivery.body()));
    }

    private static String abbreviate(String text) {
        return text.length() > 1000 ? text.substring(0, 997) + "..." : text;
    }
}
