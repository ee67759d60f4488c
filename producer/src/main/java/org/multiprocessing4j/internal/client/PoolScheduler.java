package org.multiprocessing4j.internal.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.errors.ClosedException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.errors.TerminatedException;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.ResultReply;

/**
 * A pool's slots: at most {@code processes} of its jobs in flight at once (0: no limit), the rest
 * waiting here in order; Python's close/join/terminate. Counts what is outstanding (jobs, results
 * whose callbacks have not run, feeders of a lazy imap still reading their iterable) so that
 * join() waits for all of it. Thread-safe.
 */
public final class PoolScheduler {
    private static final Duration CANCEL_CONFIRM_TIMEOUT = Duration.ofSeconds(10);

    private final ClientCore core;
    private final int processes;
    private final String label;
    private final UnaryOperator<JobMessage> stamp;
    private final Object lock = new Object();
    private final Deque<Submission> waitingForSlot = new ArrayDeque<>();
    private final Set<Submission> inFlight = new LinkedHashSet<>(); // O(1) removal: a big pool has thousands in flight
    private final List<Feed> feeds = new CopyOnWriteArrayList<>();
    private int outstanding;      // jobs accepted and not yet finished, plus running feeders
    private int pendingResults;   // results not yet ready (their callbacks still to run)
    private boolean closed;
    private boolean terminated;

    /** A job of this pool: waiting for a slot, then in flight, then done (with its result reply). */
    private static final class Submission {
        final JobMessage job;
        final CompletableFuture<ResultReply> done = new CompletableFuture<>();
        JobHandle handle; // guarded by lock; set when sent

        Submission(JobMessage job) {
            this.job = job;
        }
    }

    public PoolScheduler(ClientCore core, int processes, String label) {
        this(core, processes, label, job -> job);
    }

    /** @param stamp applied to every job of the pool (a pool's initializer travels in each job's options) */
    public PoolScheduler(ClientCore core, int processes, String label, UnaryOperator<JobMessage> stamp) {
        if (processes < 0) {
            throw new IllegalArgumentException("processes must be at least 1 (or 0 for no limit), got " + processes);
        }
        this.core = core;
        this.processes = processes;
        this.label = label;
        this.stamp = stamp;
    }

    public int processes() {
        return processes;
    }

    public String label() {
        return label;
    }

    /**
     * Takes jobs in, all or none: checks the pool is open, counts them (and, if {@code withResult},
     * the one result that will report them) as outstanding, queues them for a slot, sends what fits.
     */
    public List<CompletableFuture<ResultReply>> submit(List<JobMessage> jobs, boolean withResult) {
        List<Submission> submissions = new ArrayList<>(jobs.size());
        synchronized (lock) {
            requireRunning();
            jobs.forEach(job -> submissions.add(new Submission(stamp.apply(job))));
            waitingForSlot.addAll(submissions);
            outstanding += jobs.size();
            if (withResult) {
                pendingResults++;
            }
        }
        dispatch();
        return submissions.stream().map(s -> s.done).toList();
    }

    /** A lazy imap reading its iterable as results are taken. */
    public interface Feed {
        /** Someone joins the pool: read the rest without waiting for a reader (Python keeps the results). */
        void drain();

        /** The client closes or the pool is terminated: read no further. */
        void stop();
    }

    /** A lazy imap starts feeding: join() now also waits for it to finish reading its iterable. */
    public void beginFeed(Feed feed) {
        synchronized (lock) {
            requireRunning();
            outstanding++;
            feeds.add(feed);
        }
    }

    /** One job from a running feeder: accepted even after close() (Python finishes an imap's tasks), not after terminate(). */
    public CompletableFuture<ResultReply> feed(JobMessage job) {
        Submission submission = new Submission(stamp.apply(job));
        synchronized (lock) {
            if (terminated) {
                return CompletableFuture.failedFuture(new TerminatedException(label + " was terminated"));
            }
            waitingForSlot.add(submission);
            outstanding++;
        }
        dispatch();
        return submission.done;
    }

    public void endFeed(Feed feed) {
        feeds.remove(feed);
        release(1, 0);
    }

    /** A result became ready (its callback ran): one less thing for join() to wait for. */
    public void resultReady() {
        release(0, 1);
    }

    /** Takes no more tasks; those submitted carry on. Idempotent. */
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    /** Waits until everything submitted has finished; an error before close() or terminate(), as in Python. */
    public void join() {
        synchronized (lock) {
            if (!closed) {
                throw new IllegalStateException(label + " is still running: call close() or terminate() before join()");
            }
        }
        feeds.forEach(Feed::drain);
        waitUntilIdle();
    }

    /**
     * Stops now: jobs not yet sent fail with {@link TerminatedException}, running ones are cancelled
     * on their workers (interrupted) and fail the same way.
     */
    public void terminate() {
        List<Submission> notSent;
        List<Submission> running;
        synchronized (lock) {
            closed = true;
            terminated = true;
            notSent = new ArrayList<>(waitingForSlot);
            waitingForSlot.clear();
            running = new ArrayList<>(inFlight);
        }
        feeds.forEach(Feed::stop);
        TerminatedException beforeStart = new TerminatedException(label + " was terminated before the task was sent");
        notSent.forEach(s -> s.done.completeExceptionally(beforeStart));
        release(notSent.size(), 0);
        List<CompletableFuture<Void>> cancels = new ArrayList<>();
        for (Submission submission : running) {
            JobHandle handle = submission.handle;
            cancels.add(core.cancel(handle.id(), CancelMessage.Signal.TERMINATE));
            core.forget(handle.id());
            handle.complete(ResultReply.stopped(handle.id(), ResultReply.Outcome.TERMINATED, handle.worker(), 0));
        }
        try {
            CompletableFuture.allOf(cancels.toArray(CompletableFuture[]::new))
                    .get(CANCEL_CONFIRM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the cancellations were sent; a confirm that does not come changes nothing here
        }
    }

    /**
     * The client closes: waits for every job submitted, whether or not the pool was closed (Python's
     * exit waits for its children), at most {@code timeout} (null: as long as it takes); a lazy imap
     * reads no further than it has. False if the time ran out first.
     */
    public boolean awaitIdle(Duration timeout) {
        feeds.forEach(Feed::stop);
        return waitUntilIdle(timeout);
    }

    private void waitUntilIdle() {
        waitUntilIdle(null);
    }

    /** False if {@code timeout} (null: none) ran out first. */
    private boolean waitUntilIdle(Duration timeout) {
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (outstanding > 0 || pendingResults > 0) {
                long left = timeout == null ? Long.MAX_VALUE : deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    if (timeout == null) {
                        lock.wait();
                    } else {
                        TimeUnit.NANOSECONDS.timedWait(lock, left);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MpException("interrupted while joining " + label, e);
                }
            }
            return true;
        }
    }

    public boolean idle() {
        synchronized (lock) {
            return outstanding == 0 && pendingResults == 0;
        }
    }

    public boolean terminated() {
        synchronized (lock) {
            return terminated;
        }
    }

    public String describe() {
        synchronized (lock) {
            return label + "[processes=" + (processes == 0 ? "unlimited" : processes) + ", running=" + inFlight.size()
                    + ", waiting=" + waitingForSlot.size() + (terminated ? ", terminated" : closed ? ", closed" : "") + "]";
        }
    }

    private void requireRunning() {
        if (closed) {
            throw new ClosedException(label + " is not running (closed or terminated): it takes no more tasks");
        }
    }

    /**
     * Sends waiting jobs while this pool has free slots. The send happens under the pool's lock so
     * that terminate() always finds a handle to cancel for every job in flight.
     */
    private void dispatch() {
        while (true) {
            Submission next;
            synchronized (lock) {
                if (terminated || waitingForSlot.isEmpty() || (processes > 0 && inFlight.size() >= processes)) {
                    return;
                }
                next = waitingForSlot.poll();
                inFlight.add(next);
                next.handle = core.submit(next.job, null);
            }
            next.handle.result().whenComplete((reply, failure) -> finished(next, reply, failure));
        }
    }

    private void finished(Submission submission, ResultReply reply, Throwable failure) {
        synchronized (lock) {
            inFlight.remove(submission);
        }
        if (failure != null) {
            submission.done.completeExceptionally(failure);
        } else {
            submission.done.complete(reply);
        }
        release(1, 0);
        dispatch();
    }

    private void release(int jobs, int results) {
        synchronized (lock) {
            outstanding -= jobs;
            pendingResults -= results;
            lock.notifyAll();
        }
    }
}
