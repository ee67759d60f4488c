package org.multiprocessing4j.worker.internal.settle;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.multiprocessing4j.internal.amqp.Outgoing;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.JobOptions;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.multiprocessing4j.worker.internal.job.JobRun;

/**
 * Sends a job's next attempt: the same job (same id, reply queue and options) with its attempt
 * number raised, through the broker's delay levels to its own queue and priority. Fresh AMQP
 * properties: the broker's delivery count of this run must not follow the retry.
 */
final class RetryScheduler {
    private final Outbox outbox;

    RetryScheduler(Outbox outbox) {
        this.outbox = outbox;
    }

    CompletableFuture<Void> schedule(JobRun run, Duration delay) {
        JobMessage next = run.job().nextAttempt();
        JobOptions options = next.optionsOrDefaults();
        Outgoing message;
        try {
            message = outbox.routing().outgoing(options.queueOrDefault(), options.priorityOrDefault(), delay,
                    Envelopes.job(next.id(), run.delivery().replyTo()), WireCodec.encode(next));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return outbox.publisher().publish(message);
    }
}
