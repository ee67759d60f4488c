package org.multiprocessing4j.internal.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
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
    private final AtomicLong shownSeq = new AtomicLong();
    private volatile WorkerRef worker;
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

    public boolean started() {
        return worker != null;
    }

    /** Completes with the first result; never fails (failures are results too). */
    public CompletableFuture<ResultReply> result() {
        return result;
    }

    void started(WorkerRef worker, int attempt) {
        this.worker = worker;
        this.attempt = attempt;
    }

    /**
     * True if this output line is new. A job run again (after its worker died) prints its lines
     * again with the same sequence numbers; each is shown once.
     */
    boolean claimOutput(long seq) {
        while (true) {
            long shown = shownSeq.get();
            if (seq <= shown) {
                return false;
            }
            if (shownSeq.compareAndSet(shown, seq)) {
                return true;
            }
        }
    }

    /** Returns false if a result had already arrived (a duplicate). */
    public boolean complete(ResultReply reply) {
        if (reply.worker() != null && worker == null) {
            worker = reply.worker();
        }
        return result.complete(reply);
    }
}
