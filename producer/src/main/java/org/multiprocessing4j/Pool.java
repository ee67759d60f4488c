package org.multiprocessing4j;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.multiprocessing4j.errors.ClosedException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.errors.TerminatedException;
import org.multiprocessing4j.internal.client.ClientCore;
import org.multiprocessing4j.internal.client.JobHandle;
import org.multiprocessing4j.internal.client.Outcomes;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.ResultReply;

/**
 * Python's {@code multiprocessing.Pool}: at most {@code processes} of this pool's tasks run at
 * once, on whichever workers take them; the rest wait here, in the producer, in order.
 *
 * <pre>{@code
 * Pool pool = mp.pool(3);
 * for (int i = 0; i < 5; i++) {
 *     pool.applyAsync("func", "hello " + i);     // three start; each later one after an end
 * }
 * pool.close();
 * pool.join();
 * }</pre>
 *
 * <p><b>Lifecycle</b>, as in Python: {@link #close()} stops accepting tasks, {@link #join()}
 * waits for the submitted ones (and is an error before close or terminate), {@link #terminate()}
 * cancels what has not finished. {@code close()} is also what try-with-resources calls: leaving
 * the block takes no more work and cancels nothing; {@link Multiprocessing#close()} then waits
 * for whatever is still running. (Python's {@code with Pool()} terminates instead; a Java
 * {@code close()} cannot mean both Python's close and terminate, and silently cancelling work is
 * the worse surprise.)
 *
 * <p><b>Callbacks</b> run on one thread per pool, in completion order, before the result
 * becomes ready; they must not block for long. Thread-safe.
 */
public final class Pool implements AutoCloseable {
    private final Multiprocessing owner;
    private final ClientCore core;
    private final int processes;
    private final String label;
    private final Object lock = new Object();
    private final Deque<Submission> waitingForSlot = new ArrayDeque<>();
    private final List<Submission> inFlight = new ArrayList<>();
    private final ExecutorService callbacks;
    private int outstanding;      // jobs accepted and not yet finished
    private int pendingResults;   // AsyncResults not yet ready (their callbacks still to run)
    private boolean closed;
    private boolean terminated;

    Pool(Multiprocessing owner, ClientCore core, int processes, int number) {
        if (processes < 0) {
            throw new IllegalArgumentException("processes must be at least 1 (or 0 for no limit), got " + processes);
        }
        this.owner = owner;
        this.core = core;
        this.processes = processes;
        this.label = "Pool-" + number;
        this.callbacks = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "mp4j-" + label + "-results");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The most tasks of this pool that run at once; 0 when only the workers' capacity limits it. */
    public int processes() {
        return processes;
    }

    // ---- apply ------------------------------------------------------------------------------

    /** {@code apply_async(task, args)}: returns at once. */
    public AsyncResult<Object> applyAsync(String task, Object... args) {
        return applyAsync(Call.of(task, args));
    }

    /** {@code apply_async(task, args, kwds)}. */
    public AsyncResult<Object> applyAsync(Call call) {
        return applyAsync(call, null, null);
    }

    /** {@code apply_async(task, args, kwds, callback, error_callback)}; either callback may be null. */
    public AsyncResult<Object> applyAsync(Call call, Consumer<Object> callback, Consumer<? super MpException> errorCallback) {
        Submission submission = accept(List.of(Jobs.call(call, null)), true).get(0);
        return result(submission.done.thenApply(reply -> Outcomes.valueOrThrow(call.task(), reply, core.queueOpener())),
                callback, errorCallback, call.task());
    }

    /** {@code apply(task, args)}: blocks until the result is back, or throws what the task raised. */
    public Object apply(String task, Object... args) {
        return applyAsync(task, args).get();
    }

    public Object apply(Call call) {
        return applyAsync(call).get();
    }

    // ---- map / starmap ----------------------------------------------------------------------

    /** {@code map(task, iterable)}: one call per item, results in order. Chunk size as Python picks it. */
    public List<Object> map(String task, Iterable<?> items) {
        return mapAsync(task, items).get();
    }

    public List<Object> map(String task, Iterable<?> items, int chunksize) {
        return mapAsync(task, items, chunksize, null, null).get();
    }

    public AsyncResult<List<Object>> mapAsync(String task, Iterable<?> items) {
        List<List<Object>> argLists = singleArgument(items);
        return mapAsync(task, argLists, defaultChunksize(argLists.size()), null, null, true);
    }

    public AsyncResult<List<Object>> mapAsync(String task, Iterable<?> items, int chunksize,
                                              Consumer<List<Object>> callback, Consumer<? super MpException> errorCallback) {
        return mapAsync(task, singleArgument(items), chunksize, callback, errorCallback, true);
    }

    /** {@code starmap(task, iterable_of_arg_lists)}: each item is the argument list of one call. */
    public List<Object> starmap(String task, Iterable<? extends List<?>> argLists) {
        return starmapAsync(task, argLists).get();
    }

    public List<Object> starmap(String task, Iterable<? extends List<?>> argLists, int chunksize) {
        return starmapAsync(task, argLists, chunksize, null, null).get();
    }

    public AsyncResult<List<Object>> starmapAsync(String task, Iterable<? extends List<?>> argLists) {
        List<List<?>> lists = copy(argLists);
        return mapAsync(task, lists, defaultChunksize(lists.size()), null, null, true);
    }

    public AsyncResult<List<Object>> starmapAsync(String task, Iterable<? extends List<?>> argLists, int chunksize,
                                                  Consumer<List<Object>> callback,
                                                  Consumer<? super MpException> errorCallback) {
        return mapAsync(task, copy(argLists), chunksize, callback, errorCallback, true);
    }

    private AsyncResult<List<Object>> mapAsync(String task, List<? extends List<?>> argLists, int chunksize,
                                               Consumer<List<Object>> callback,
                                               Consumer<? super MpException> errorCallback, boolean ordered) {
        List<CompletableFuture<List<Object>>> parts = submitChunks(task, argLists, chunksize, true);
        CompletableFuture<List<Object>> all = new CompletableFuture<>();
        CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).whenComplete((ok, failure) -> {
            if (failure == null) {
                List<Object> values = new ArrayList<>(argLists.size());
                parts.forEach(part -> values.addAll(part.join()));
                all.complete(values);
            }
        });
        // Python's map fails as soon as one chunk fails, without waiting for the others.
        parts.forEach(part -> part.whenComplete((ok, failure) -> {
            if (failure != null) {
                all.completeExceptionally(failure);
            }
        }));
        return result(all, callback, errorCallback, "map of " + task);
    }

    // ---- imap -------------------------------------------------------------------------------

    /** {@code imap(task, iterable)}: results in order, each as soon as it (and those before it) arrived. */
    public ResultIterator imap(String task, Iterable<?> items) {
        return imap(task, items, 1);
    }

    public ResultIterator imap(String task, Iterable<?> items, int chunksize) {
        return new ResultIterator(submitChunks(task, singleArgument(items), chunksize, false), true, "imap of " + task);
    }

    /** {@code imap_unordered(task, iterable)}: results in the order they finish. */
    public ResultIterator imapUnordered(String task, Iterable<?> items) {
        return imapUnordered(task, items, 1);
    }

    public ResultIterator imapUnordered(String task, Iterable<?> items, int chunksize) {
        return new ResultIterator(submitChunks(task, singleArgument(items), chunksize, false), false, "imap_unordered of " + task);
    }

    // ---- lifecycle --------------------------------------------------------------------------

    /** Takes no more tasks; those submitted carry on. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    /**
     * Waits until every submitted task has finished (and its callback has run).
     *
     * @throws IllegalStateException before {@link #close()} or {@link #terminate()}, as in Python
     */
    public void join() {
        synchronized (lock) {
            if (!closed) {
                throw new IllegalStateException(label + " is still running: call close() or terminate() before join()");
            }
        }
        awaitIdle();
    }

    /**
     * Stops now: tasks not yet sent fail with {@link TerminatedException}, running ones are
     * cancelled on their workers (interrupted) and fail the same way.
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
        TerminatedException terminatedBeforeStart = new TerminatedException(label + " was terminated before the task was sent");
        notSent.forEach(s -> s.done.completeExceptionally(terminatedBeforeStart));
        release(notSent.size(), 0);
        List<CompletableFuture<Void>> cancels = new ArrayList<>();
        for (Submission submission : running) {
            JobHandle handle = submission.handle;
            cancels.add(core.cancel(handle.id(), CancelMessage.Signal.TERMINATE));
            core.router().unregister(handle.id());
            handle.complete(ResultReply.stopped(handle.id(), ResultReply.Outcome.TERMINATED, handle.worker(), 0));
        }
        Waits.awaitDone(CompletableFuture.allOf(cancels.toArray(CompletableFuture[]::new)), Duration.ofSeconds(10));
    }

    /** Waits for every submitted task, whether or not the pool was closed; used when the client closes. */
    void awaitIdle() {
        synchronized (lock) {
            while (outstanding > 0 || pendingResults > 0) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MpException("interrupted while joining " + label, e);
                }
            }
        }
        callbacks.shutdown();
    }

    boolean idle() {
        synchronized (lock) {
            return outstanding == 0 && pendingResults == 0;
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return label + "[processes=" + (processes == 0 ? "unlimited" : processes) + ", running=" + inFlight.size()
                    + ", waiting=" + waitingForSlot.size() + (terminated ? ", terminated" : closed ? ", closed" : "") + "]";
        }
    }

    // ---- internals --------------------------------------------------------------------------

    /** A job of this pool: waiting for a slot, then in flight, then done (with its result reply). */
    private static final class Submission {
        final JobMessage job;
        final CompletableFuture<ResultReply> done = new CompletableFuture<>();
        volatile JobHandle handle;

        Submission(JobMessage job) {
            this.job = job;
        }
    }

    /**
     * Takes jobs in, all or none: checks the pool is open, counts them (and the AsyncResult that
     * will report them) as outstanding, queues them for a slot, and sends what fits.
     */
    private List<Submission> accept(List<JobMessage> jobs, boolean reportsResult) {
        List<Submission> submissions = new ArrayList<>(jobs.size());
        synchronized (lock) {
            if (closed) {
                throw new ClosedException(label + " is not running (closed or terminated): it takes no more tasks");
            }
            owner.ensureOpen();
            for (JobMessage job : jobs) {
                Submission submission = new Submission(job);
                submissions.add(submission);
                waitingForSlot.add(submission);
            }
            outstanding += jobs.size();
            if (reportsResult) {
                pendingResults++;
            }
        }
        dispatch();
        return submissions;
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

    private List<CompletableFuture<List<Object>>> submitChunks(String task, List<? extends List<?>> argLists,
                                                               int chunksize, boolean reportsResult) {
        if (chunksize < 1) {
            throw new IllegalArgumentException("chunksize must be at least 1, got " + chunksize);
        }
        List<JobMessage> jobs = new ArrayList<>();
        for (int from = 0; from < argLists.size(); from += chunksize) {
            List<? extends List<?>> slice = argLists.subList(from, Math.min(argLists.size(), from + chunksize));
            jobs.add(chunksize == 1 ? Jobs.call(Call.of(task, slice.get(0), Map.of()), null) : Jobs.chunk(task, slice));
        }
        List<CompletableFuture<List<Object>>> parts = new ArrayList<>(jobs.size());
        for (Submission submission : accept(jobs, reportsResult)) {
            boolean chunk = submission.job.kind() == JobMessage.Kind.CHUNK;
            parts.add(submission.done.thenApply(reply -> {
                Object value = Outcomes.valueOrThrow(task, reply, core.queueOpener());
                if (chunk) {
                    return asList(task, value);
                }
                List<Object> one = new ArrayList<>(1);
                one.add(value);
                return one;
            }));
        }
        return parts;
    }

    /**
     * Runs the callback (or error callback) on the pool's callback thread, then makes the result
     * ready; the task counts as outstanding until then, so join() also waits for callbacks.
     */
    private <T> AsyncResult<T> result(CompletableFuture<T> raw, Consumer<? super T> callback,
                                      Consumer<? super MpException> errorCallback, String what) {
        CompletableFuture<T> ready = new CompletableFuture<>();
        if (callback == null && errorCallback == null) {
            // Nothing to run first: ready as soon as the result is in, without a hop to the callback thread.
            raw.whenComplete((value, failure) -> settle(ready, value, failure));
        } else {
            raw.whenCompleteAsync((value, failure) -> {
                if (failure == null) {
                    runCallback(callback, value);
                } else if (errorCallback != null && Waits.rethrowable(failure) instanceof MpException mp) {
                    runCallback(errorCallback, mp);
                }
                settle(ready, value, failure);
            }, callbacks);
        }
        return new AsyncResult<>(ready, what);
    }

    private <T> void settle(CompletableFuture<T> ready, T value, Throwable failure) {
        if (failure == null) {
            ready.complete(value);
        } else {
            ready.completeExceptionally(Waits.rethrowable(failure));
        }
        release(0, 1);
    }

    private <T> void runCallback(Consumer<? super T> callback, T value) {
        if (callback == null) {
            return;
        }
        try {
            callback.accept(value);
        } catch (RuntimeException e) {
            // Python logs a failing callback and carries on; so do we, without losing the result.
            System.err.println(label + ": a callback raised " + e);
        }
    }

    /** Python: chunksize, extra = divmod(len, len(pool) * 4); if extra: chunksize += 1. */
    private int defaultChunksize(int items) {
        if (processes == 0 || items == 0) {
            return 1;
        }
        int chunksize = items / (processes * 4);
        if (items % (processes * 4) != 0) {
            chunksize++;
        }
        return Math.max(1, chunksize);
    }

    private static List<List<Object>> singleArgument(Iterable<?> items) {
        List<List<Object>> argLists = new ArrayList<>();
        for (Object item : items) {
            List<Object> args = new ArrayList<>(1);
            args.add(item);
            argLists.add(args);
        }
        return argLists;
    }

    private static List<List<?>> copy(Iterable<? extends List<?>> argLists) {
        List<List<?>> out = new ArrayList<>();
        argLists.forEach(out::add);
        return out;
    }

    private static List<Object> asList(String task, Object value) {
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw new MpException("a chunk of " + task + " returned " + value + " instead of a list of results");
    }

}
