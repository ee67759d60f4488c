package org.multiprocessing4j.worker.internal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.errors.UnknownTaskException;
import org.multiprocessing4j.internal.kinds.SharedObjects;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.ProgressReply;
import org.multiprocessing4j.internal.wire.RemoteError;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.StartedReply;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.multiprocessing4j.internal.wire.WorkerRef;
import org.multiprocessing4j.worker.internal.hooks.RunHook;
import org.multiprocessing4j.worker.internal.job.JobDelivery;
import org.multiprocessing4j.worker.internal.job.JobObserver;
import org.multiprocessing4j.worker.internal.job.JobRun;
import org.multiprocessing4j.worker.internal.job.JobRetry;
import org.multiprocessing4j.worker.internal.job.JobStopped;
import org.multiprocessing4j.worker.internal.replies.ReplySender;
import org.multiprocessing4j.worker.internal.runners.JobRunner;
import org.multiprocessing4j.worker.internal.runners.Runners;
import org.multiprocessing4j.worker.internal.settle.Settlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivered job, start to end, on a task thread, in one direction:
 * decode, admit (skip it if it was cancelled), resolve its runner, announce the start, execute
 * it through the hooks, settle. Each step either passes the job on or settles it itself.
 */
public final class JobPipeline {
    private static final Logger log = LoggerFactory.getLogger(JobPipeline.class);

    private final WorkerRef identity;
    private final Runners runners;
    private final List<RunHook> hooks;
    private final Settlement settlement;
    private final RunningJobs running;
    private final Cancellations cancellations;
    private final ReplySender replies;
    private final Supplier<SharedObjects> sharedObjects;
    private final ExecutorService taskThreads;
    private final JobObserver observer;

    /**
     * @param hooks         around every run, the first outermost
     * @param sharedObjects a new scope per job, where its arguments open queues (closed when the job ends)
     */
    public JobPipeline(WorkerRef identity, Runners runners, List<RunHook> hooks, Settlement settlement,
                       RunningJobs running, Cancellations cancellations, ReplySender replies,
                       Supplier<SharedObjects> sharedObjects, ExecutorService taskThreads, JobObserver observer) {
        this.identity = identity;
        this.runners = runners;
        this.hooks = List.copyOf(hooks);
        this.settlement = settlement;
        this.running = running;
        this.cancellations = cancellations;
        this.replies = replies;
        this.sharedObjects = sharedObjects;
        this.taskThreads = taskThreads;
        this.observer = observer;
    }

    /** Runs a delivery (already counted in hand) on a task thread; {@code freeSlot} once its slot is free again. */
    public void accept(JobDelivery delivery, Runnable freeSlot) {
        taskThreads.execute(() -> {
            try {
                process(delivery, freeSlot);
            } finally {
                freeSlot.run();
            }
        });
    }

    private void process(JobDelivery delivery, Runnable freeSlot) {
        JobMessage job = decode(delivery);
        if (job == null) {
            return;
        }
        try (SharedObjects scope = sharedObjects.get()) {
            JobRun run = new JobRun(job, delivery, scope, freeSlot);
            running.started(run);
            try {
                if (!admit(run)) {
                    return;
                }
                JobRunner runner = resolve(run);
                if (runner == null) {
                    return;
                }
                announce(run);
                execute(run, runner);
            } finally {
                running.ended(run);
            }
        }
    }

    /** A message that is not a job is refused (dead-lettered) and its producer, if named, told why. */
    private JobMessage decode(JobDelivery delivery) {
        try {
            return WireCodec.decodeJob(delivery.body());
        } catch (EncodingException e) {
            settlement.refuse(delivery, delivery.properties().getCorrelationId(), "?", RemoteError.of(e), true);
            return null;
        }
    }

    /**
     * A job cancelled before it arrived never runs: it settles as terminated (or killed) at once. A
     * job past its expiry never runs either: it fails with ExpiredException.
     */
    private boolean admit(JobRun run) {
        Long expiresAt = run.job().optionsOrDefaults().expiresAt();
        if (expiresAt != null && System.currentTimeMillis() > expiresAt && cancellations.signalFor(run.id()) == null) {
            settlement.expire(run);
            return false;
        }
        CancelMessage.Signal cancelledBefore = cancellations.signalFor(run.id());
        if (cancelledBefore == null) {
            return true;
        }
        run.requestStop(cancelledBefore);
        log.info("job {} ({}) was cancelled before it started; skipping it", run.id(), run.job().task());
        settlement.complete(run, settlement.stopped(run));
        return false;
    }

    /** A task this worker does not have is refused: the producer hears so, the job is dead-lettered, not retried. */
    private JobRunner resolve(JobRun run) {
        JobRunner runner = runners.forJob(run.job());
        if (runner == null && run.settle()) {
            settlement.refuse(run.delivery(), run.id(), run.job().task(), RemoteError.of(UnknownTaskException.class.getName(),
                    "no task named '" + run.job().task() + "' on worker " + identity.name() + "; it has: "
                            + String.join(", ", runners.catalog().names())), false);
        }
        return runner;
    }

    /**
     * A process wants to know where and when it started (its pid, is_alive); pool tasks save the
     * message. Observers hear of every start, and the task's progress reports go out from here on.
     */
    private void announce(JobRun run) {
        if (run.job().wantsStartReport()) {
            replies.started(run.delivery().replyTo(), StartedReply.of(run.id(), identity, run.attempt()));
        }
        observer.started(run);
        run.onProgress((done, total) -> {
            replies.progress(run.delivery().replyTo(), ProgressReply.of(run.id(), done, total, identity, run.attempt()));
            observer.progressed(run, done, total);
        });
    }

    /** Runs the task through the hooks; the outcome is settled as a result, a retry, or a stop. */
    private void execute(JobRun run, JobRunner runner) {
        run.begin();
        try {
            JsonNode value = RunHook.chain(hooks, run, () -> runner.run(run)).proceed();
            settlement.complete(run, ResultReply.ok(run.id(), value, identity, run.elapsedMs()));
        } catch (JobStopped stopped) {
            settlement.complete(run, settlement.stopped(run));
        } catch (JobRetry retry) {
            settlement.retry(run, retry.delay(), retry.getCause());
        } catch (Throwable t) {
            settlement.complete(run, ResultReply.error(run.id(), RemoteError.of(t), identity, run.elapsedMs()));
        } finally {
            run.end();
        }
    }
}
