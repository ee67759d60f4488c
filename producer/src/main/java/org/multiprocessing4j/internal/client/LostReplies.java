package org.multiprocessing4j.internal.client;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a producer's waits finite and its results found after a fault:
 * <ul>
 *   <li>the reply queue found gone after a reconnection (its results with it): every job still
 *       waiting is published again, so each gets a result (a job may run twice; the first result
 *       counts, as always);</li>
 *   <li>no broker node reachable for {@link #GIVE_UP_AFTER}: every job still waiting fails with a
 *       {@link ConnectionLostException} that says so, rather than waiting forever. With a cluster
 *       the producer moves to another node within seconds, so this is for the whole broker gone.</li>
 * </ul>
 */
final class LostReplies {
    private static final Logger log = LoggerFactory.getLogger(LostReplies.class);
    /** Long enough for a broker restart (about 10-30 s) or a node's, short enough that nobody waits "forever". */
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

    private final ReplyRouter router;
    private final JobPublisher jobs;
    private final String replyQueue;
    private final String maskedUri;
    private volatile long lostAt;

    LostReplies(ReplyRouter router, JobPublisher jobs, String replyQueue, String maskedUri) {
        this.router = router;
        this.jobs = jobs;
        this.replyQueue = replyQueue;
        this.maskedUri = maskedUri;
    }

    /** Starts counting when the link drops, stops when it is back. */
    void watch(Connection connection) {
        connection.addShutdownListener(cause -> {
            if (!cause.isInitiatedByApplication()) {
                long at = System.nanoTime();
                lostAt = at;
                CompletableFuture.delayedExecutor(GIVE_UP_AFTER.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> giveUpIfStillLost(at));
            }
        });
        if (connection instanceof Recoverable recoverable) {
            recoverable.addRecoveryListener(new RecoveryListener() {
                @Override
                public void handleRecovery(Recoverable recovered) {
                    lostAt = 0;
                }

                @Override
                public void handleRecoveryStarted(Recoverable recovering) {
                    // still lost
                }
            });
        }
    }

    private void giveUpIfStillLost(long at) {
        if (lostAt != at) {
            return; // back since, or lost again later (that loss has its own timer)
        }
        log.warn("no broker node at {} answered for {} s; failing the {} jobs still waiting for a result", maskedUri,
                GIVE_UP_AFTER.toSeconds(), router.waitingCount());
        router.failWaiting(handle -> new ConnectionLostException("lost the broker at " + maskedUri + " for "
                + GIVE_UP_AFTER.toSeconds() + " s: job " + handle.id() + " (" + handle.task() + ") may still run, but"
                + " its result cannot reach this producer", null));
    }

    /** The reply queue was gone, results and all: ask again for every result still awaited. */
    void askAgain() {
        List<JobHandle> again = router.waiting().stream().filter(handle -> handle.job() != null).toList();
        if (again.isEmpty()) {
            return;
        }
        log.warn("the reply queue {} was gone, with any results in it; publishing again the {} jobs still waiting for"
                + " one (a job may run twice; its first result counts)", replyQueue, again.size());
        for (JobHandle handle : again) {
            jobs.publish(handle.job()).whenComplete((ok, failure) -> {
                if (failure != null) {
                    handle.result().completeExceptionally(failure instanceof java.util.concurrent.CompletionException
                            && failure.getCause() != null ? failure.getCause() : failure);
                }
            });
        }
    }
}
