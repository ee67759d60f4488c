package org.multiprocessing4j;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Python's {@code AsyncResult}: the future result of a task submitted to a {@link Pool}.
 *
 * <pre>{@code
 * AsyncResult<Object> r = pool.applyAsync("square", 7);
 * r.ready();                          // false while it runs
 * r.get(Duration.ofSeconds(5));       // 49, or TaskTimeoutException after 5 s
 * r.successful();                     // true
 * }</pre>
 *
 * <p>{@code get} rethrows what the task raised as a
 * {@link org.multiprocessing4j.errors.RemoteTaskException} (remote type, message and stack
 * trace), or {@link org.multiprocessing4j.errors.TerminatedException} if the pool was terminated.
 * A result becomes ready only after its callback (if any) has run, as in Python.
 *
 * <p>Thread-safe. ({@code waitFor} is Python's {@code wait}: Java reserves {@code wait()} for monitors.)
 */
public final class AsyncResult<T> {
    private final CompletableFuture<T> future;
    private final String description;
    private final Supplier<Optional<Progress>> progress;

    AsyncResult(CompletableFuture<T> future, String description, Supplier<Optional<Progress>> progress) {
        this.future = future;
        this.description = description;
        this.progress = progress;
    }

    /**
     * How far it is, as its task last reported ({@code TaskCall.progress}); for a map, how many of
     * its chunks are done. Empty before any report.
     */
    public Optional<Progress> progress() {
        return progress.get();
    }

    /** Waits as long as it takes, then returns the result or throws what the task raised. */
    public T get() {
        return Waits.await(future, null, description);
    }

    /** Waits at most {@code timeout}; then {@link org.multiprocessing4j.errors.TaskTimeoutException}. */
    public T get(Duration timeout) {
        return Waits.await(future, timeout, description);
    }

    /** Waits until the result is ready (success or failure). */
    public void waitFor() {
        Waits.awaitDone(future, null);
    }

    /** Waits at most {@code timeout}; true if the result is ready. */
    public boolean waitFor(Duration timeout) {
        return Waits.awaitDone(future, timeout);
    }

    /** True once the task has finished (successfully or not). */
    public boolean ready() {
        return future.isDone();
    }

    /**
     * True if the task finished without raising.
     *
     * @throws IllegalStateException if it is not ready yet (Python raises ValueError)
     */
    public boolean successful() {
        if (!future.isDone()) {
            throw new IllegalStateException(description + " is not ready");
        }
        return !future.isCompletedExceptionally();
    }

    /** The result as a CompletableFuture, for composing; completing the copy changes nothing here. */
    public CompletableFuture<T> toCompletableFuture() {
        return future.copy();
    }

    @Override
    public String toString() {
        return "AsyncResult[" + description + (ready() ? ", ready" : "") + "]";
    }
}
