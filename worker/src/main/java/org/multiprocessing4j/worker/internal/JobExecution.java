package org.multiprocessing4j.worker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.multiprocessing4j.errors.BadArgumentsException;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.errors.PayloadTooLargeException;
import org.multiprocessing4j.errors.UnknownTaskException;
import org.multiprocessing4j.internal.amqp.AmqpQueue;
import org.multiprocessing4j.internal.task.CurrentCall;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.OutputReply;
import org.multiprocessing4j.internal.wire.ProcessFields;
import org.multiprocessing4j.internal.wire.RemoteError;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.StartedReply;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.task.ProcessTask;
import org.multiprocessing4j.task.Signature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one delivered job from decoding to acknowledgement, on a task thread:
 * decode, skip if cancelled, find the task, announce the start, run it with its output captured,
 * publish the result, and only once the broker confirmed the result, acknowledge the job.
 */
final class JobExecution implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(JobExecution.class);
    /** About a minute of retries: long enough for a broker restart or a reconnect. */
    private static final int RESULT_PUBLISH_ATTEMPTS = 60;
    private static final long RESULT_RETRY_DELAY_MS = 1000;

    private final WorkerRuntime runtime;
    private final JobDelivery delivery;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicLong outputSeq = new AtomicLong();
    private final List<RemoteQueue> openedQueues = new ArrayList<>();
    private volatile Thread taskThread;
    private volatile CancelMessage.Signal cancelSignal;
    private volatile OutputCapture.Capture capture;
    private final Object leaseLock = new Object();
    private JobLease lease; // guarded by leaseLock; set once the delivery was traded for a lease
    private String jobId;
    private volatile long startedNanos;

    JobExecution(WorkerRuntime runtime, JobDelivery delivery) {
        this.runtime = runtime;
        this.delivery = delivery;
    }

    @Override
    public void run() {
        taskThread = Thread.currentThread();
        JobMessage job;
        try {
            job = WireCodec.decodeJob(delivery.body());
        } catch (EncodingException e) {
            refuse(delivery.properties().getCorrelationId(), "?", RemoteError.of(e));
            return;
        }
        jobId = job.id();
        runtime.running().started(jobId, this);
        try {
            runDecoded(job);
        } finally {
            runtime.running().ended(jobId, this);
            closeOpenedQueues();
        }
    }

    private void runDecoded(JobMessage job) {
        CancelMessage.Signal cancelledBefore = runtime.cancellations().signalFor(jobId);
        if (cancelledBefore != null) {
            log.info("job {} ({}) was {} before it started; skipping it", jobId, job.task(), describe(cancelledBefore));
            finish(ResultReply.stopped(jobId, outcomeOf(cancelledBefore), runtime.identity(), 0));
            return;
        }
        if (!knows(job)) {
            refuse(jobId, job.task(), RemoteError.of(UnknownTaskException.class.getName(),
                    "no task named '" + job.task() + "' on worker " + runtime.identity().name() + "; it has: "
                            + String.join(", ", runtime.catalog().names())));
            return;
        }
        if (job.wantsStartReport()) {
            runtime.replies().started(delivery.replyTo(), StartedReply.of(jobId, runtime.identity(), delivery.attempt()));
        }
        startedNanos = System.nanoTime();
        ResultReply result;
        capture = OutputCapture.begin(this::printed);
        try {
            Object value = execute(job);
            result = ResultReply.ok(jobId, WireCodec.toJson(value), runtime.identity(), elapsedMs());
        } catch (Throwable t) {
            result = cancelSignal != null
                    ? ResultReply.stopped(jobId, outcomeOf(cancelSignal), runtime.identity(), elapsedMs())
                    : ResultReply.error(jobId, RemoteError.of(t), runtime.identity(), elapsedMs());
        } finally {
            capture.close();
            CurrentCall.clear();
        }
        if (cancelSignal != null && result.outcome() == ResultReply.Outcome.OK) {
            result = ResultReply.stopped(jobId, outcomeOf(cancelSignal), runtime.identity(), elapsedMs());
        }
        finish(result);
    }

    private boolean knows(JobMessage job) {
        return switch (job.kind()) {
            case CALL, CHUNK -> runtime.catalog().function(job.task()) != null
                    || runtime.catalog().processClass(job.task()) != null; // wrong kind: a clear error, below
            case PROCESS_CLASS -> runtime.catalog().processClass(job.task()) != null
                    || runtime.catalog().function(job.task()) != null;
        };
    }

    private Object execute(JobMessage job) throws Exception {
        return switch (job.kind()) {
            case CALL -> callFunction(job, job.args(), job.kwargs());
            case CHUNK -> {
                List<Object> results = new ArrayList<>(job.chunk().size());
                for (List<JsonNode> args : job.chunk()) {
                    if (cancelSignal != null) {
                        throw new InterruptedException("terminated");
                    }
                    results.add(callFunction(job, args, Map.of()));
                }
                yield results;
            }
            case PROCESS_CLASS -> runProcessClass(job);
        };
    }

    private Object callFunction(JobMessage job, List<JsonNode> args, Map<String, JsonNode> kwargs) throws Exception {
        TaskCatalog.FunctionEntry entry = runtime.catalog().function(job.task());
        if (entry == null) {
            throw new BadArgumentsException("'" + job.task() + "' is a Process class: start it as a process with "
                    + "its fields, not as a function with arguments");
        }
        Signature.Bound bound;
        try {
            bound = entry.signature().bind(job.task(), toJava(args), toJava(kwargs));
        } catch (Signature.BindingException e) {
            throw new BadArgumentsException(e.getMessage());
        }
        BoundCall call = new BoundCall(jobId, job.task(), job.processName(), delivery.attempt(), bound,
                () -> cancelSignal != null);
        CurrentCall.set(call);
        return entry.task().run(call);
    }

    private Object runProcessClass(JobMessage job) throws Exception {
        TaskCatalog.ProcessClassEntry entry = runtime.catalog().processClass(job.task());
        if (entry == null) {
            throw new BadArgumentsException("'" + job.task() + "' is a function task, not a Process class");
        }
        ProcessTask instance = ProcessFields.build(entry.type(), job.fields());
        CurrentCall.set(new BoundCall(jobId, job.task(), job.processName(), delivery.attempt(),
                new Signature.Bound(Map.of(), List.of(), Map.of()), () -> cancelSignal != null));
        instance.run();
        return null;
    }

    /** Stops this job: interrupt now; a task that does not end within the grace is abandoned. */
    void cancel(CancelMessage.Signal signal) {
        if (finished.get() || cancelSignal != null) {
            return;
        }
        cancelSignal = signal;
        log.info("job {}: {} requested", jobId, describe(signal));
        Thread thread = taskThread;
        if (thread != null) {
            thread.interrupt();
        }
        if (signal == CancelMessage.Signal.KILL) {
            abandon();
        } else {
            runtime.timers().schedule(this::abandon, runtime.terminateGrace().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Shutdown timeout: interrupt the task and give the job back to the broker for another worker. */
    void handBack() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        OutputCapture.Capture current = capture;
        if (current != null) {
            current.mute();
        }
        Thread thread = taskThread;
        if (thread != null) {
            thread.interrupt();
        }
        log.warn("job {}: handed back to the broker unfinished", jobId);
        settleHandedBack();
    }

    /**
     * Called by the worker's lease sweep: a task running longer than the lease threshold gives up its
     * delivery before the broker's consumer timeout can close it.
     */
    void leaseIfRunningLongerThan(long thresholdNanos) {
        if (startedNanos == 0 || System.nanoTime() - startedNanos < thresholdNanos) {
            return;
        }
        synchronized (leaseLock) {
            if (finished.get() || lease != null) {
                return;
            }
            try {
                lease = JobLease.take(runtime, delivery, jobId, runtime.leaseTtl());
            } catch (Exception e) {
                log.warn("job {}: could not take a lease ({}); it keeps its delivery", jobId, e.getMessage());
            }
        }
    }

    /** The result is confirmed: the job is done here; acknowledge it (or end its lease). */
    private void settleCompleted() {
        synchronized (leaseLock) {
            if (lease != null) {
                lease.end();
                runtime.running().released(true);
                return;
            }
        }
        delivery.acker().ack(delivery.deliveryTag(), () -> runtime.running().released(true));
    }

    /** The job goes back to the broker unfinished, for another worker. */
    private void settleHandedBack() {
        synchronized (leaseLock) {
            if (lease != null) {
                lease.handBack();
                runtime.running().released(false);
                return;
            }
        }
        delivery.acker().reject(delivery.deliveryTag(), true, () -> runtime.running().released(false));
    }

    /** Reports the job stopped and frees its slot, whatever its thread is still doing. */
    private void abandon() {
        if (finished.get()) {
            return;
        }
        OutputCapture.Capture current = capture;
        if (current != null) {
            current.mute();
        }
        log.warn("job {} did not end after its interrupt; reporting it {} and leaving its thread behind",
                jobId, describe(cancelSignal));
        finish(ResultReply.stopped(jobId, outcomeOf(cancelSignal), runtime.identity(), elapsedMs()));
    }

    private void printed(String line) {
        if (finished.get()) {
            return;
        }
        long seq = outputSeq.incrementAndGet();
        if (delivery.replyTo() == null) {
            log.info("[{}] {}", jobId, line);
        }
        runtime.replies().output(delivery.replyTo(), OutputReply.of(jobId, seq, line, runtime.identity()));
    }

    /** Publishes the result once, then acknowledges the job when the broker has confirmed it. */
    private void finish(ResultReply result) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        publishResult(result, 1);
    }

    private void publishResult(ResultReply result, int attempt) {
        CompletableFuture<Void> sent;
        try {
            sent = runtime.replies().result(delivery.replyTo(), result);
        } catch (EncodingException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((ok, failure) -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause == null) {
                settleCompleted();
            } else if (cause instanceof PayloadTooLargeException || cause instanceof EncodingException) {
                publishResult(ResultReply.error(jobId, RemoteError.of(cause), runtime.identity(), result.elapsedMs()), attempt);
            } else if (attempt < RESULT_PUBLISH_ATTEMPTS) {
                // The link is down (the broker restarts, the network flaps): keep the result until it is back.
                log.warn("job {}: result not confirmed ({}); publishing it again", jobId, cause.getMessage());
                runtime.timers().schedule(() -> publishResult(result, attempt + 1), RESULT_RETRY_DELAY_MS, TimeUnit.MILLISECONDS);
            } else {
                log.error("job {}: result could not be published in {} s; handing the job back", jobId,
                        RESULT_PUBLISH_ATTEMPTS * RESULT_RETRY_DELAY_MS / 1000);
                settleHandedBack();
            }
        });
    }

    /** A job no worker here can run: tell its producer why, then dead-letter it (never requeue it). */
    private void refuse(String correlationId, String task, RemoteError error) {
        finished.set(true);
        log.warn("refusing job {} ({}): {}", correlationId, task, error.message());
        CompletableFuture<Void> told = correlationId == null ? CompletableFuture.completedFuture(null)
                : runtime.replies().result(delivery.replyTo(), ResultReply.error(correlationId, error, runtime.identity(), 0));
        told.whenComplete((ok, failure) ->
                delivery.acker().reject(delivery.deliveryTag(), false, () -> runtime.running().released(false)));
    }

    private List<Object> toJava(List<JsonNode> values) {
        List<Object> out = new ArrayList<>(values.size());
        for (JsonNode value : values) {
            out.add(WireCodec.toJava(value, this::openQueue));
        }
        return out;
    }

    private Map<String, Object> toJava(Map<String, JsonNode> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((key, value) -> out.put(key, WireCodec.toJava(value, this::openQueue)));
        return out;
    }

    private RemoteQueue openQueue(org.multiprocessing4j.internal.wire.QueueRef ref) {
        RemoteQueue queue = AmqpQueue.open(runtime.connection(), runtime.topology(), ref, runtime.maxMessageSize());
        synchronized (openedQueues) {
            openedQueues.add(queue);
        }
        return queue;
    }

    private void closeOpenedQueues() {
        synchronized (openedQueues) {
            openedQueues.forEach(RemoteQueue::close);
            openedQueues.clear();
        }
    }

    private long elapsedMs() {
        return startedNanos == 0 ? 0 : Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    private static ResultReply.Outcome outcomeOf(CancelMessage.Signal signal) {
        return signal == CancelMessage.Signal.KILL ? ResultReply.Outcome.KILLED : ResultReply.Outcome.TERMINATED;
    }

    private static String describe(CancelMessage.Signal signal) {
        return signal == CancelMessage.Signal.KILL ? "killed" : "terminated";
    }
}
