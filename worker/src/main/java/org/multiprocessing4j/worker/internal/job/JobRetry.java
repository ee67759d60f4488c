package org.multiprocessing4j.worker.internal.job;

import java.time.Duration;

/** The attempt failed and the job is to run again after {@code delay}: settlement schedules the retry. */
public final class JobRetry extends Exception {
    private final Duration delay;

    public JobRetry(Duration delay, Throwable failure) {
        super("retry in " + delay.toMillis() + " ms after " + failure, failure, false, false);
        this.delay = delay;
    }

    public Duration delay() {
        return delay;
    }
}
