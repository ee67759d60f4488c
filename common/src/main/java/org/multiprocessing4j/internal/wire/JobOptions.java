package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.multiprocessing4j.task.CallOptions;
import org.multiprocessing4j.task.Priority;

/**
 * A job's options on the wire: every field optional, absent meaning the default. Times are epoch
 * milliseconds, durations milliseconds.
 *
 * @param retries           retries left to the job's whole life (not decremented: compared with the attempt)
 * @param retryOn           exception type names that are retried (with their subclasses); absent or empty: none
 * @param backoffInitialMs  wait before the first retry
 * @param backoffMaxMs      longest wait before a retry
 * @param backoffMultiplier growth of the wait per retry
 * @param backoffJitter     share (0-1) of each wait that is random
 * @param notBefore         not started before (countdown/eta); the broker holds it until then
 * @param softTimeLimitMs   interrupt the task after this long
 * @param timeLimitMs       fail the attempt and free its slot after this long
 * @param expiresAt         not started after this: it fails with ExpiredException instead
 * @param queue             the named queue (worker group); absent: default
 * @param priority          high, normal or low; absent: normal
 * @param pool              the pool's initializer and maxtasksperchild (see {@link PoolSpec}); absent: none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobOptions(Integer retries, List<String> retryOn, Long backoffInitialMs, Long backoffMaxMs,
                         Double backoffMultiplier, Double backoffJitter, Long notBefore, Long softTimeLimitMs,
                         Long timeLimitMs, Long expiresAt, String queue, String priority, PoolSpec pool) {

    /** The wire form of options as the caller set them; null when none is set (the job carries no options). */
    public static JobOptions of(CallOptions options) {
        requireRetryOnWithRetries(options);
        CallOptions.Backoff backoff = options.backoff();
        JobOptions wire = new JobOptions(options.retries(), options.retryOn() == null ? null : List.copyOf(options.retryOn()),
                backoff == null ? null : backoff.initial().toMillis(), backoff == null ? null : backoff.max().toMillis(),
                backoff == null ? null : backoff.multiplier(), backoff == null ? null : backoff.jitter(),
                millis(options.notBefore()), millis(options.softTimeLimit()), millis(options.timeLimit()),
                millis(options.expires()), options.queue(),
                options.priority() == null ? null : options.priority().wireName(), null);
        return wire.isEmpty() ? null : wire;
    }

    /** {@code options} (null: none) with the pool's spec added. */
    public static JobOptions withPool(JobOptions options, PoolSpec pool) {
        JobOptions o = options == null ? new JobOptions(null, null, null, null, null, null, null, null, null, null, null,
                null, null) : options;
        return new JobOptions(o.retries, o.retryOn, o.backoffInitialMs, o.backoffMaxMs, o.backoffMultiplier,
                o.backoffJitter, o.notBefore, o.softTimeLimitMs, o.timeLimitMs, o.expiresAt, o.queue, o.priority, pool);
    }

    public int retriesOrZero() {
        return retries == null ? 0 : retries;
    }

    public CallOptions.Backoff backoff() {
        CallOptions.Backoff d = CallOptions.Backoff.DEFAULT;
        return new CallOptions.Backoff(
                backoffInitialMs == null ? d.initial() : Duration.ofMillis(backoffInitialMs),
                backoffMaxMs == null ? d.max() : Duration.ofMillis(backoffMaxMs),
                backoffMultiplier == null ? d.multiplier() : backoffMultiplier,
                backoffJitter == null ? d.jitter() : backoffJitter);
    }

    public String queueOrDefault() {
        return queue == null ? CallOptions.DEFAULT_QUEUE : queue;
    }

    public Priority priorityOrDefault() {
        return priority == null ? Priority.NORMAL : Priority.parse(priority);
    }

    private boolean isEmpty() {
        return retries == null && retryOn == null && backoffInitialMs == null && notBefore == null
                && softTimeLimitMs == null && timeLimitMs == null && expiresAt == null && queue == null && priority == null
                && pool == null;
    }

    /**
     * retries(n) without retryOn would retry nothing (no type is retried by default, as Celery's
     * autoretry_for): refused before anything is sent, rather than silently ignored.
     */
    private static void requireRetryOnWithRetries(CallOptions options) {
        boolean retries = options.retries() != null && options.retries() > 0;
        boolean retryOn = options.retryOn() != null && !options.retryOn().isEmpty();
        if (retries && !retryOn) {
            throw new IllegalArgumentException("retries(" + options.retries() + ") needs retryOn(...): the exception "
                    + "types to retry (retryOn(Throwable.class) for any); none is retried by default");
        }
    }

    private static Long millis(Duration d) {
        return d == null ? null : d.toMillis();
    }

    private static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }
}
