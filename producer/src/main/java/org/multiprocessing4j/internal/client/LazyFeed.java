package org.multiprocessing4j.internal.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.errors.TaskTimeoutException;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.ResultReply;

/**
 * The engine of {@code imap} and {@code imap_unordered}: a feeder thread reads the caller's
 * iterable only as results are taken, so at most {@code window} chunks are submitted and not yet
 * consumed. An infinite iterable works; a huge one keeps the producer's memory flat. Results come
 * out in submission order ({@code ordered}) or as they finish.
 *
 * <p>When someone joins the pool before consuming, the window opens (Python keeps every result of
 * an imap until it is read), so {@code close(); join()} never waits on a reader that is not there.
 * One consumer thread at a time; the feeder is its own daemon thread.
 */
public final class LazyFeed<T> implements PoolScheduler.Feed, AutoCloseable {
    private final PoolScheduler scheduler;
    private final BiFunction<JobMessage, ResultReply, List<T>> decode;
    private final boolean ordered;
    private final String description;
    private final Semaphore window;
    private final Object lock = new Object();
    private final Deque<CompletableFuture<List<T>>> parts = new ArrayDeque<>(); // ordered: as sent; else: as done
    private final Deque<T> buffer = new LinkedList<>(); // results may be null (Python None): not ArrayDeque
    private int unfinished;      // sent and not done (unordered only; ordered parts sit in `parts` already)
    private boolean fed;         // the iterable is exhausted (or failed) and every chunk is sent
    private RuntimeException feedFailure;
    private volatile boolean stopped;

    /**
     * @param chunks  the iterable, read lazily: each element is the argument lists of one job
     * @param toJob   builds a job from one chunk
     * @param decode  a job and its result reply to the list of its results (throws the task's error)
     */
    public LazyFeed(PoolScheduler scheduler, Iterator<? extends List<? extends List<?>>> chunks,
                    Function<List<? extends List<?>>, JobMessage> toJob,
                    BiFunction<JobMessage, ResultReply, List<T>> decode, boolean ordered, int window, String description) {
        this.scheduler = scheduler;
        this.decode = decode;
        this.ordered = ordered;
        this.description = description;
        this.window = new Semaphore(window);
        scheduler.beginFeed(this);
        Thread feeder = new Thread(() -> feed(chunks, toJob), "mp4j-" + scheduler.label() + "-imap-feeder");
        feeder.setDaemon(true);
        feeder.start();
    }

    private void feed(Iterator<? extends List<? extends List<?>>> chunks, Function<List<? extends List<?>>, JobMessage> toJob) {
        try {
            while (true) {
                window.acquire();
                if (stopped || scheduler.terminated() || !chunks.hasNext()) {
                    break;
                }
                send(toJob.apply(chunks.next()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            synchronized (lock) {
                feedFailure = e; // the caller's iterable (or a value in it) failed: surfaces at its place
            }
        } finally {
            synchronized (lock) {
                fed = true;
                lock.notifyAll();
            }
            scheduler.endFeed(this);
        }
    }

    @Override
    public void drain() {
        window.release(Integer.MAX_VALUE / 2);
    }

    @Override
    public void stop() {
        stopped = true;
        window.release(); // wakes the feeder if it waits for room
    }

    /** Reads no more of the iterable (what was sent still finishes); for a reader that is done early. */
    @Override
    public void close() {
        stop();
    }

    private void send(JobMessage job) {
        CompletableFuture<List<T>> part = scheduler.feed(job).thenApply(reply -> decode.apply(job, reply));
        synchronized (lock) {
            if (ordered) {
                parts.addLast(part);
            } else {
                unfinished++;
            }
        }
        part.whenComplete((values, failure) -> {
            synchronized (lock) {
                if (!ordered) {
                    unfinished--;
                    parts.addLast(part);
                }
                lock.notifyAll();
            }
        });
    }

    /** Waits until it is known whether another result will come. */
    public boolean hasNext() {
        synchronized (lock) {
            while (buffer.isEmpty() && parts.isEmpty() && (unfinished > 0 || !fed)) {
                waitOn(lock, null);
            }
            return !buffer.isEmpty() || !parts.isEmpty() || feedFailure != null;
        }
    }

    /** The next result, waiting at most {@code timeout} (null: as long as it takes); a failed task throws here. */
    public T next(Duration timeout) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        CompletableFuture<List<T>> part;
        synchronized (lock) {
            while (buffer.isEmpty()) {
                part = parts.peekFirst();
                if (part != null && part.isDone()) {
                    parts.pollFirst();
                    window.release();
                    buffer.addAll(valuesOf(part));
                    continue;
                }
                if (part == null && fed && unfinished == 0) {
                    if (feedFailure != null) {
                        RuntimeException failure = feedFailure;
                        feedFailure = null;
                        throw failure;
                    }
                    throw new NoSuchElementException(description + " has no more results");
                }
                long leftNanos = deadline - System.nanoTime();
                if (leftNanos <= 0) {
                    throw new TaskTimeoutException("no result of " + description + " within " + describe(timeout));
                }
                waitOn(lock, deadline == Long.MAX_VALUE ? null : leftNanos);
            }
            return buffer.pollFirst();
        }
    }

    private List<T> valuesOf(CompletableFuture<List<T>> part) {
        try {
            return part.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new MpException(String.valueOf(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpException("interrupted while waiting for " + description, e);
        }
    }

    private void waitOn(Object monitor, Long nanos) {
        try {
            if (nanos == null) {
                monitor.wait();
            } else {
                monitor.wait(Math.max(1, nanos / 1_000_000), 0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpException("interrupted while waiting for " + description, e);
        }
    }

    private static String describe(Duration timeout) {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    /** Groups an iterable of argument lists into chunks of {@code chunksize}, lazily. */
    public static Iterator<List<List<?>>> chunked(Iterator<? extends List<?>> argLists, int chunksize) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return argLists.hasNext();
            }

            @Override
            public List<List<?>> next() {
                List<List<?>> chunk = new ArrayList<>(chunksize);
                while (chunk.size() < chunksize && argLists.hasNext()) {
                    chunk.add(argLists.next());
                }
                return chunk;
            }
        };
    }
}
