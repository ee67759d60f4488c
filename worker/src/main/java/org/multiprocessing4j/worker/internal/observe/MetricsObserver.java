package org.multiprocessing4j.worker.internal.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.worker.internal.job.JobObserver;
import org.multiprocessing4j.worker.internal.job.JobRun;

/**
 * Counts and times jobs for Prometheus, with bounded labels only: the task label is a registered
 * task name (anything else counts as "unknown"), the outcome one of ok/error/terminated/killed,
 * the dead-letter reason one of a few; never a job id.
 */
public final class MetricsObserver implements JobObserver {
    private static final String UNKNOWN = "unknown";

    private final MeterRegistry registry;
    private final Set<String> tasks;

    public MetricsObserver(MeterRegistry registry, Set<String> registeredTasks) {
        this.registry = registry;
        this.tasks = Set.copyOf(registeredTasks);
    }

    @Override
    public void started(JobRun run) {
        String task = task(run.job().task());
        Counter.builder("mp4j.tasks.started").description("Tasks that began running on this worker")
                .tag("task", task).register(registry).increment();
        if (run.delivery().attempt() > 1) {
            Counter.builder("mp4j.jobs.redelivered")
                    .description("Jobs delivered again after a worker or its link was lost")
                    .tag("task", task).register(registry).increment();
        }
    }

    @Override
    public void finished(JobRun run, ResultReply result) {
        String task = task(run.job().task());
        String outcome = result.outcome().name().toLowerCase(Locale.ROOT);
        Counter.builder("mp4j.tasks.finished").description("Tasks whose result went out, by outcome")
                .tag("task", task).tag("outcome", outcome).register(registry).increment();
        Timer.builder("mp4j.task.duration").description("How long tasks ran on this worker")
                .tag("task", task).tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofHours(1))
                .register(registry).record(Duration.ofMillis(result.elapsedMs()));
    }

    @Override
    public void retried(JobRun run, Duration delay, Throwable failure) {
        Counter.builder("mp4j.tasks.retried").description("Failed attempts sent again for a retry")
                .tag("task", task(run.job().task())).register(registry).increment();
    }

    @Override
    public void leased(JobRun run) {
        Counter.builder("mp4j.jobs.leased").description("Long jobs whose delivery was traded for a lease")
                .register(registry).increment();
    }

    @Override
    public void buried(String jobId, String task, String reason, String error) {
        Counter.builder("mp4j.jobs.dead").description("Jobs this worker put in the dead letters, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    private String task(String name) {
        return tasks.contains(name) ? name : UNKNOWN;
    }
}
