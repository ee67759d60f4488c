package org.multiprocessing4j.worker.internal.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.multiprocessing4j.internal.wire.JobOptions;
import org.multiprocessing4j.task.CallOptions;
import org.multiprocessing4j.worker.internal.job.JobRetry;
import org.multiprocessing4j.worker.internal.job.JobRun;
import org.multiprocessing4j.worker.internal.job.JobStopped;

/**
 * A failed attempt of a job with retries left, failing with one of its {@code retryOn} types, is
 * retried: the run ends with {@link JobRetry} and settlement sends the job again through the
 * broker's delay levels (it waits there, not in this worker), then acknowledges this delivery. The
 * caller hears only the last attempt. A job that was asked to stop is never retried.
 */
public final class RetryHook implements RunHook {

    @Override
    public JsonNode around(JobRun run, Invocation next) throws Exception {
        try {
            return next.proceed();
        } catch (JobStopped stopped) {
            throw stopped;
        } catch (Exception e) {
            JobOptions options = run.job().optionsOrDefaults();
            int attempt = run.job().attemptOrFirst();
            if (retried(e, options.retryOn()) && options.retriesOrZero() > 0) {
                if (attempt <= options.retriesOrZero()) {
                    throw new JobRetry(delayBefore(options.backoff(), attempt), e);
                }
                run.retriesExhausted();
            }
            throw e;
        }
    }

    /** By the name of the exception's class or any class above it: the types need not exist on this worker. */
    static boolean retried(Throwable failure, List<String> retryOn) {
        if (retryOn == null) {
            return false;
        }
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (retryOn.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The backoff for the retry that follows attempt {@code attempt}, less a random share (jitter). */
    static Duration delayBefore(CallOptions.Backoff backoff, int attempt) {
        long ms = backoff.before(attempt).toMillis();
        long jitter = (long) (ms * backoff.jitter() * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(ms - jitter);
    }
}
