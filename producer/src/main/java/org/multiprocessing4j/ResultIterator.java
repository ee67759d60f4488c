package org.multiprocessing4j;

import java.time.Duration;
import java.util.Iterator;
import org.multiprocessing4j.internal.client.LazyFeed;

/**
 * The iterator {@code imap} and {@code imap_unordered} return: each result as soon as it is
 * available (in submission order for imap, in completion order for imap_unordered). A task that
 * failed throws its error when iteration reaches it, as in Python. The iterable behind it is
 * read only as results are taken, so it may be infinite; {@link #close()} stops reading it.
 *
 * <pre>{@code
 * for (Object square : pool.imap("square", List.of(1, 2, 3))) { ... }
 * try (ResultIterator<Long> it = pool.imap(MathTasks.SQUARE, Stream.iterate(1L, n -> n + 1)::iterator)) {
 *     it.next(Duration.ofSeconds(5));   // Python's next(timeout): TaskTimeoutException if none in time
 * }
 * }</pre>
 *
 * Not thread-safe: one consumer iterates.
 */
public final class ResultIterator<T> implements Iterator<T>, Iterable<T>, AutoCloseable {
    private final LazyFeed<T> feed;

    ResultIterator(LazyFeed<T> feed) {
        this.feed = feed;
    }

    /** Waits until it is known whether another result comes. */
    @Override
    public boolean hasNext() {
        return feed.hasNext();
    }

    @Override
    public T next() {
        return feed.next(null);
    }

    /** The next result, waiting at most {@code timeout} for it (null: as long as it takes). */
    public T next(Duration timeout) {
        return feed.next(timeout);
    }

    @Override
    public Iterator<T> iterator() {
        return this;
    }

    /** Reads no more of the iterable; tasks already sent still run, and their results can still be taken. */
    @Override
    public void close() {
        feed.close();
    }
}
