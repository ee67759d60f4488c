package org.multiprocessing4j.worker.internal.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.errors.TimeLimitExceeded;
import org.multiprocessing4j.internal.wire.JobOptions;
import org.multiprocessing4j.worker.internal.job.JobRun;
import org.multiprocessing4j.worker.internal.job.JobStopped;
import org.multiprocessing4j.worker.internal.settle.Settlement;

/**
 * Time limits. Soft: the task's thread is interrupted and {@code TaskCall.timeLimitExceeded()}
 * turns true; a task that ends by raising ends with {@link TimeLimitExceeded}, one that catches it
 * and returns keeps its result. Hard: the attempt ends at once with TimeLimitExceeded for the
 * caller and its slot is freed, even if the thread ignores its interrupt (settlement leaves it
 * behind and counts it; a worker with too many left behind restarts).
 */
public final class TimeLimitHook implements RunHook {
    private final Settlement settlement;
    private final ScheduledExecutorService timers;

    public TimeLimitHook(Settlement settlement, ScheduledExecutorService timers) {
        this.settlement = settlement;
        this.timers = timers;
    }

    @Override
    public JsonNode around(JobRun run, Invocation next) throws Exception {
        JobOptions options = run.job().optionsOrDefaults();
        if (options.softTimeLimitMs() == null && options.timeLimitMs() == null) {
            return next.proceed();
        }
        ScheduledFuture<?> soft = options.softTimeLimitMs() == null ? null
                : timers.schedule(run::softLimitReached, options.softTimeLimitMs(), TimeUnit.MILLISECONDS);
        ScheduledFuture<?> hard = options.timeLimitMs() == null ? null
                : timers.schedule(() -> settlement.timeLimitReached(run, Duration.ofMillis(options.timeLimitMs())),
                        options.timeLimitMs(), TimeUnit.MILLISECONDS);
        try {
            return next.proceed();
        } catch (JobStopped | TimeLimitExceeded e) {
            throw e;
        } catch (Exception e) {
            if (run.softLimitWasReached()) {
                TimeLimitExceeded exceeded = new TimeLimitExceeded(run.job().task() + "() ran past its soft time limit of "
                        + options.softTimeLimitMs() + " ms");
                exceeded.initCause(e);
                throw exceeded;
            }
            throw e;
        } finally {
            cancel(soft);
            cancel(hard);
        }
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
