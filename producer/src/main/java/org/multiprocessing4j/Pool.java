package org.multiprocessing4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.internal.client.ClientCore;
import org.multiprocessing4j.internal.client.JobMessages;
import org.multiprocessing4j.internal.client.LazyFeed;
import org.multiprocessing4j.internal.client.MapJobs;
import org.multiprocessing4j.internal.client.Outcomes;
import org.multiprocessing4j.internal.client.PoolScheduler;
import org.multiprocessing4j.internal.client.TaskRef;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.task.CallOptions;
import org.multiprocessing4j.task.TaskDef;
import org.multiprocessing4j.task.TaskDef1;

/**
 * Python's {@code multiprocessing.Pool}: at most {@code processes} of this pool's tasks run at
 * once, on whichever workers take them; the rest wait here, in the producer, in order.
 *
 * <pre>{@code
 * Pool pool = mp.pool(3);
 * for (int i = 0; i < 5; i++) {
 *     pool.applyAsync("func", "hello " + i);          // three start; each later one after an end
 * }
 * AsyncResult<Long> r = pool.applyAsync(MathTasks.SQUARE.call(7L));   // a typed task: no cast
 * List<Long> squares = pool.map(MathTasks.SQUARE, List.of(1L, 2L, 3L));
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
 * <p><b>imap</b> reads its iterable lazily: at most twice the pool's size in chunks are sent and
 * not yet read ({@value #UNLIMITED_POOL_WINDOW} for a pool without a limit), so an infinite or huge
 * iterable works with flat memory. <b>map</b> reads its whole iterable first, as Python's does.
 *
 * <p><b>Callbacks</b> run on one thread per pool, in completion order, before the result
 * becomes ready; they must not block for long. Thread-safe.
 */
public final class Pool implements AutoCloseable {
    /** How many chunks an imap of a pool without a process limit sends ahead of its reader. */
    public static final int UNLIMITED_POOL_WINDOW = 1000;

    private final ClientCore core;
    private final PoolScheduler scheduler;
    private final PoolResults results;
    private final CallOptions defaults;

    Pool(ClientCore core, PoolScheduler scheduler, CallOptions defaults) {
        this.core = core;
        this.scheduler = scheduler;
        this.results = new PoolResults(scheduler);
        this.defaults = defaults;
    }

    /** The options every call of this pool gets unless the call sets its own (its queue, retries...). */
    public CallOptions defaults() {
        return defaults;
    }

    /** The most tasks of this pool that run at once; 0 when only the workers' capacity limits it. */
    public int processes() {
        return scheduler.processes();
    }

    // ---- apply ------------------------------------------------------------------------------

    /** {@code apply_async(task, args)}: returns at once. */
    public AsyncResult<Object> applyAsync(String task, Object... args) {
        return applyAsync(Call.of(task, args));
    }

    /** {@code apply_async(task, args, kwds)}; a typed call ({@code SQUARE.call(7L)}) gives a typed result. */
    public <R> AsyncResult<R> applyAsync(Call<R> call) {
        return applyAsync(call, null, null);
    }

    /** {@code apply_async(task, args, kwds, callback, error_callback)}; either callback may be null. */
    public <R> AsyncResult<R> applyAsync(Call<R> call, Consumer<? super R> callback,
                                         Consumer<? super MpException> errorCallback) {
        JobMessage job = JobMessages.call(call, null, defaults);
        core.checkQueue(job);
        CompletableFuture<ResultReply> done = scheduler.submit(List.of(job), true).get(0);
        return results.of(done.thenApply(reply -> Outcomes.valueOrThrow(call.task(), reply, call.resultType(), core.shared())),
                callback, errorCallback, call.task(), () -> Optional.ofNullable(core.progress(job.id()))
                        .map(p -> new Progress(p[0], p[1])).or(() -> done.isDone() ? Optional.of(new Progress(1, 1))
                                : Optional.empty()));
    }

    /** {@code apply(task, args)}: blocks until the result is back, or throws what the task raised. */
    public Object apply(String task, Object... args) {
        return applyAsync(task, args).get();
    }

    public <R> R apply(Call<R> call) {
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

    /** {@code map} of a typed task: each item is its argument, each result its declared type. */
    public <A, R> List<R> map(TaskDef1<A, R> task, Iterable<? extends A> items) {
        return mapAsync(task, items).get();
    }

    public AsyncResult<List<Object>> mapAsync(String task, Iterable<?> items) {
        List<List<?>> argLists = singleArguments(items);
        return mapAsync(TaskRef.untyped(task, defaults), argLists, defaultChunksize(argLists), null, null);
    }

    public AsyncResult<List<Object>> mapAsync(String task, Iterable<?> items, int chunksize,
                                              Consumer<? super List<Object>> callback,
                                              Consumer<? super MpException> errorCallback) {
        return mapAsync(TaskRef.untyped(task, defaults), singleArguments(items), chunksize, callback, errorCallback);
    }

    public <A, R> AsyncResult<List<R>> mapAsync(TaskDef1<A, R> task, Iterable<? extends A> items) {
        List<List<?>> argLists = singleArguments(items);
        return mapAsync(TaskRef.of(task, defaults), argLists, defaultChunksize(argLists), null, null);
    }

    /** {@code starmap(task, iterable_of_arg_lists)}: each item is the argument list of one call. */
    public List<Object> starmap(String task, Iterable<? extends List<?>> argLists) {
        return starmapAsync(task, argLists).get();
    }

    public List<Object> starmap(String task, Iterable<? extends List<?>> argLists, int chunksize) {
        return mapAsync(TaskRef.untyped(task, defaults), MapJobs.argLists(argLists), chunksize, null, null).get();
    }

    /** {@code starmap} of a typed task: each item is one call's arguments; results of its declared type. */
    public <R> List<R> starmap(TaskDef<R> task, Iterable<? extends List<?>> argLists) {
        List<List<?>> lists = MapJobs.argLists(argLists);
        return mapAsync(TaskRef.of(task, defaults), lists, defaultChunksize(lists), null, null).get();
    }

    public AsyncResult<List<Object>> starmapAsync(String task, Iterable<? extends List<?>> argLists) {
        List<List<?>> lists = MapJobs.argLists(argLists);
        return mapAsync(TaskRef.untyped(task, defaults), lists, defaultChunksize(lists), null, null);
    }

    public AsyncResult<List<Object>> starmapAsync(String task, Iterable<? extends List<?>> argLists, int chunksize,
                                                  Consumer<? super List<Object>> callback,
                                                  Consumer<? super MpException> errorCallback) {
        return mapAsync(TaskRef.untyped(task, defaults), MapJobs.argLists(argLists), chunksize, callback, errorCallback);
    }

    private <R> AsyncResult<List<R>> mapAsync(TaskRef<R> task, List<? extends List<?>> argLists, int chunksize,
                                              Consumer<? super List<R>> callback,
                                              Consumer<? super MpException> errorCallback) {
        MapJobs.requireChunksize(chunksize);
        List<JobMessage> jobs = MapJobs.jobs(task, argLists, chunksize);
        jobs.stream().findFirst().ifPresent(core::checkQueue);
        List<CompletableFuture<ResultReply>> done = scheduler.submit(jobs, true);
        List<CompletableFuture<List<R>>> parts = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            JobMessage job = jobs.get(i);
            parts.add(done.get(i).thenApply(reply -> MapJobs.results(task, job, reply, core.shared())));
        }
        return results.of(MapJobs.inOrder(parts, argLists.size()), callback, errorCallback, "map of " + task.name(),
                () -> Optional.of(new Progress(parts.stream().filter(CompletableFuture::isDone).count(), Math.max(1, parts.size()))));
    }

    // ---- imap -------------------------------------------------------------------------------

    /** {@code imap(task, iterable)}: results in order, each as soon as it (and those before it) arrived. */
    public ResultIterator<Object> imap(String task, Iterable<?> items) {
        return imap(task, items, 1);
    }

    public ResultIterator<Object> imap(String task, Iterable<?> items, int chunksize) {
        return lazily(TaskRef.untyped(task, defaults), items, chunksize, true, "imap of " + task);
    }

    public <A, R> ResultIterator<R> imap(TaskDef1<A, R> task, Iterable<? extends A> items) {
        return imap(task, items, 1);
    }

    public <A, R> ResultIterator<R> imap(TaskDef1<A, R> task, Iterable<? extends A> items, int chunksize) {
        return lazily(TaskRef.of(task, defaults), items, chunksize, true, "imap of " + task.name());
    }

    /** {@code imap_unordered(task, iterable)}: results in the order they finish. */
    public ResultIterator<Object> imapUnordered(String task, Iterable<?> items) {
        return imapUnordered(task, items, 1);
    }

    public ResultIterator<Object> imapUnordered(String task, Iterable<?> items, int chunksize) {
        return lazily(TaskRef.untyped(task, defaults), items, chunksize, false, "imap_unordered of " + task);
    }

    public <A, R> ResultIterator<R> imapUnordered(TaskDef1<A, R> task, Iterable<? extends A> items) {
        return imapUnordered(task, items, 1);
    }

    public <A, R> ResultIterator<R> imapUnordered(TaskDef1<A, R> task, Iterable<? extends A> items, int chunksize) {
        return lazily(TaskRef.of(task, defaults), items, chunksize, false, "imap_unordered of " + task.name());
    }

    private <R> ResultIterator<R> lazily(TaskRef<R> task, Iterable<?> items, int chunksize, boolean ordered,
                                         String description) {
        MapJobs.requireChunksize(chunksize);
        core.checkQueue(task.options().queueOrDefault());
        int window = processes() > 0 ? 2 * processes() : UNLIMITED_POOL_WINDOW;
        return new ResultIterator<>(new LazyFeed<>(scheduler,
                LazyFeed.chunked(MapJobs.singleArguments(items.iterator()), chunksize),
                chunk -> JobMessages.mapped(task, chunk),
                (job, reply) -> MapJobs.results(task, job, reply, core.shared()), ordered, window, description));
    }

    // ---- lifecycle --------------------------------------------------------------------------

    /** Takes no more tasks; those submitted carry on. Idempotent. */
    @Override
    public void close() {
        scheduler.close();
    }

    /**
     * Waits until every submitted task has finished (and its callback has run).
     *
     * @throws IllegalStateException before {@link #close()} or {@link #terminate()}, as in Python
     */
    public void join() {
        scheduler.join();
        results.shutdown();
    }

    /**
     * Stops now: tasks not yet sent fail with {@link org.multiprocessing4j.errors.TerminatedException},
     * running ones are cancelled on their workers (interrupted) and fail the same way.
     */
    public void terminate() {
        scheduler.terminate();
    }

    /**
     * Waits for every submitted task, whether or not the pool was closed, at most {@code timeout}
     * (null: as long as it takes), then terminates what is left; used when the client closes.
     * False if something had to be terminated.
     */
    boolean awaitIdleOrTerminate(Duration timeout) {
        boolean idle = scheduler.awaitIdle(timeout);
        if (!idle) {
            scheduler.terminate();
        }
        results.shutdown();
        return idle;
    }

    boolean idle() {
        return scheduler.idle();
    }

    @Override
    public String toString() {
        return scheduler.describe();
    }

    private int defaultChunksize(List<?> argLists) {
        return MapJobs.defaultChunksize(processes(), argLists.size());
    }

    private static List<List<?>> singleArguments(Iterable<?> items) {
        List<List<?>> argLists = new ArrayList<>();
        MapJobs.singleArguments(items.iterator()).forEachRemaining(argLists::add);
        return argLists;
    }
}
