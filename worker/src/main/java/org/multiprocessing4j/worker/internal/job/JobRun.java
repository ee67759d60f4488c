package org.multiprocessing4j.worker.internal.job;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.multiprocessing4j.internal.kinds.SharedObjects;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.internal.wire.JobMessage;

/**
 * One job on this worker, from admission to settlement: what it is, which thread runs it, whether
 * someone asked it to stop, and whether it is settled. Each stage of the pipeline reads and sets
 * its part; settlement happens exactly once ({@link #settle()}).
 */
public final class JobRun {
    private final JobMessage job;
    private final JobDelivery delivery;
    private final SharedObjects sharedObjects;
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile Thread thread;
    private volatile boolean taskRunning;
    private volatile CancelMessage.Signal stopSignal;
    private volatile long startedNanos;
    private volatile Runnable muteOutput = () -> { };
    private volatile Lease lease;
    private final Runnable freeSlot;
    private volatile boolean softLimitReached;
    private volatile boolean retriesExhausted;
    private volatile ProgressListener progress = (done, total) -> { };
    private volatile long lastProgressNanos;

    /** Where a task's progress reports go (its producer, history, metrics). */
    @FunctionalInterface
    public interface ProgressListener {
        void progressed(long done, long total);
    }

    /** A delivery traded for a lease (see settle.JobLease): how it is given up at the end. */
    public interface Lease {
        /** The result is confirmed: the copy must never run. */
        void end();

        /** Unfinished: back to the jobs queue now. */
        void handBack();
    }

    /** @param freeSlot gives the worker slot back; idempotent (the run ends, or is abandoned first) */
    public JobRun(JobMessage job, JobDelivery delivery, SharedObjects sharedObjects, Runnable freeSlot) {
        this.job = job;
        this.delivery = delivery;
        this.sharedObjects = sharedObjects;
        this.freeSlot = freeSlot;
    }

    /** The slot this run holds is free for the next job, whatever its thread still does. */
    public void freeSlot() {
        freeSlot.run();
    }

    /** 1 on the first run of the job; each retry and each redelivery after a lost worker adds one. */
    public int attempt() {
        return job.attemptOrFirst() + delivery.attempt() - 1;
    }

    /** The soft time limit passed: the task was interrupted and may end (or catch it and return). */
    public void softLimitReached() {
        softLimitReached = true;
        interrupt();
    }

    public boolean softLimitWasReached() {
        return softLimitReached;
    }

    public void onProgress(ProgressListener listener) {
        this.progress = listener;
    }

    /**
     * The task says how far it is. Reports closer together than 100 ms are dropped (a task may call
     * it in a tight loop), except the last one (done == total).
     */
    public void reportProgress(long done, long total) {
        long now = System.nanoTime();
        if (done < total && now - lastProgressNanos < 100_000_000L) {
            return;
        }
        lastProgressNanos = now;
        progress.progressed(done, total);
    }

    /** Its last attempt failed in a way that was retried before: it goes to the dead letters too. */
    public void retriesExhausted() {
        retriesExhausted = true;
    }

    public boolean retriesWereExhausted() {
        return retriesExhausted;
    }

    public String id() {
        return job.id();
    }

    public JobMessage job() {
        return job;
    }

    public JobDelivery delivery() {
        return delivery;
    }

    /** Where the job's arguments open their queues (and other shared objects); closed with the run. */
    public SharedObjects sharedObjects() {
        return sharedObjects;
    }

    /** Marks the calling thread as the one running the task, and the clock as started. */
    public void begin() {
        thread = Thread.currentThread();
        startedNanos = System.nanoTime();
        taskRunning = true;
    }

    /** The task's code has returned (or raised): its thread is free again. */
    public void end() {
        taskRunning = false;
    }

    /** Null while it runs undisturbed; the signal once terminate() or kill() was asked for. */
    public CancelMessage.Signal stopSignal() {
        return stopSignal;
    }

    /** Records the stop request and interrupts the task's thread. False if already stopping or settled. */
    public boolean requestStop(CancelMessage.Signal signal) {
        if (settled.get() || stopSignal != null) {
            return false;
        }
        stopSignal = signal;
        interrupt();
        return true;
    }

    /** True while the task's code still runs on its thread (one that ignored its interrupt). */
    public boolean threadAlive() {
        return taskRunning;
    }

    public void interrupt() {
        Thread current = thread;
        if (current != null) {
            current.interrupt();
        }
    }

    /** True the first time only: whoever gets true settles the job (result, hand-back or refusal). */
    public boolean settle() {
        return settled.compareAndSet(false, true);
    }

    public boolean settled() {
        return settled.get();
    }

    /** Nanos since the task began, or -1 before it began. */
    public long runningNanos() {
        long started = startedNanos;
        return started == 0 ? -1 : System.nanoTime() - started;
    }

    public long elapsedMs() {
        long nanos = runningNanos();
        return nanos < 0 ? 0 : Duration.ofNanos(nanos).toMillis();
    }

    /** What stops this run's output from reaching its producer (set by whoever captures it). */
    public void onMute(Runnable mute) {
        this.muteOutput = mute;
    }

    public void muteOutput() {
        muteOutput.run();
    }

    public Lease lease() {
        return lease;
    }

    public void lease(Lease lease) {
        this.lease = lease;
    }

    @Override
    public String toString() {
        return "job " + job.id() + " (" + job.task() + ")";
    }
}
