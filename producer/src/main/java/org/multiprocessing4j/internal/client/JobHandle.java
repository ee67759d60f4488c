package org.multiprocessing4j.internal.client;

import java.util.concurrent.CompletableFuture;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.WorkerRef;

/**
 * The producer's view of one job: who runs it, which output lines were shown, and its result.
 * The first result wins; a second one (the job ran twice) never reaches the caller.
 */
public final class JobHandle {
    private final String id;
    private final String task;
    private final String processName;
    private final CompletableFuture<ResultReply> result = new CompletableFuture<>();
    private int shownAttempt = 1; // guarded by this
    private long shownSeq;        // guarded by this
    private volatile WorkerRef worker;
    /** The job as published, kept to publish it again if its result may be lost; null for jobs followed only. */
    private volatile JobMessage job;
    private volatile int attempt;

    public JobHandle(String id, String task, String processName) {
        this.id = id;
        this.task = task;
        this.processName = processName;
    }

    public String id() {
        return id;
    }

    public String task() {
        return task;
    }

    public String processName() {
        return processName;
    }

    /** The worker running (or that ran) the job; null until one started it. */
    public WorkerRef worker() {
        return worker;
    }

    public int attempt() {
        return attempt;
    }

    /** The job as published by this producer, or null. */
    public JobMessage job() {
        return job;
    }

    void publishedAs(JobMessage job) {
        this.job = job;
    }

    public boolean started() {
        return worker != null;
    }

    /** Completes with the first result; never fails (failures are results too). */
    public CompletableFuture<ResultReply> result() {
        return result;
    }

    private volatile long[] progress; // {done, total}, the latest report

    /** The latest progress the task reported ({done, total}), or null if none yet. */
    public long[] progress() {
        return progress;
    }

    void progressed(long done, long total) {
        progress = new long[] {done, total};
    }

    void started(WorkerRef worker, int attempt) {
        this.worker = worker;
        this.attempt = attempt;
    }

    /** What to do with an output line that arrived. */
    enum OutputClaim {
        /** Already shown, or from an older run than the one shown: dropped. */
        DROP,
        /** The next line of the run being shown. */
        SHOW,
        /** The first line of a newer run after lines of an older one were shown: say so before showing it. */
        SHOW_AFTER_RESTART_MARKER
    }

    /**
     * Decides on an output line: a later line of the attempt being shown is shown; the first line of
     * a newer attempt (a retry, or a rerun after a worker was lost) switches to that attempt, after
     * a marker if lines of the older one were shown already; lines of an older attempt arriving
     * late are dropped. So the lines shown come from one run, or from several with a marker between.
     */
    synchronized OutputClaim claimOutput(int attempt, long seq) {
        if (attempt < shownAttempt || (attempt == shownAttempt && seq <= shownSeq)) {
            return OutputClaim.DROP;
        }
        boolean restarted = attempt > shownAttempt && shownSeq > 0;
        if (attempt > shownAttempt) {
            shownAttempt = attempt;
        }
        shownSeq = seq;
        return restarted ? OutputClaim.SHOW_AFTER_RESTART_MARKER : OutputClaim.SHOW;
    }

    /** Returns false if a result had already arrived (a duplicate). */
    public boolean complete(ResultReply reply) {
        if (reply.worker() != null && worker == null) {
            worker = reply.worker();
        }
        return result.complete(reply);
    }
}
