package org.multiprocessing4j;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.errors.TaskTimeoutException;

/**
 * The iterator {@code imap} and {@code imap_unordered} return: each result as soon as it is
 * available (in submission order for imap, in completion order for imap_unordered). A task that
 * failed throws its error when iteration reaches it, as in Python.
 *
 * <pre>{@code
 * for (Object square : pool.imap("square", List.of(1, 2, 3))) { ... }
 * ResultIterator it = pool.imapUnordered("sleep", List.of(3, 1, 2));
 * it.next(Duration.ofSeconds(5));   // Python's next(timeout): TaskTimeoutException if none in time
 * }</pre>
 *
 * Not thread-safe: one consumer iterates.
 */
public final class ResultIterator implements Iterator<Object>, Iterable<Object> {
    private final String description;
    private final Deque<CompletableFuture<List<Object>>> ordered;
    private final BlockingQueue<CompletableFuture<List<Object>>> completed;
    private final Deque<Object> buffer = new LinkedList<>(); // results may be null (Python None): not ArrayDeque
    private int partsLeft;

    ResultIterator(List<CompletableFuture<List<Object>>> parts, boolean inOrder, String description) {
        this.description = description;
        this.partsLeft = parts.size();
        if (inOrder) {
            this.ordered = new ArrayDeque<>(parts);
            this.completed = null;
        } else {
            this.ordered = null;
            this.completed = new LinkedBlockingQueue<>();
            parts.forEach(part -> part.whenComplete((v, e) -> completed.add(part)));
        }
    }

    @Override
    public boolean hasNext() {
        return !buffer.isEmpty() || partsLeft > 0;
    }

    @Override
    public Object next() {
        return next(null);
    }

    /** The next result, waiting at most {@code timeout} for it (null: as long as it takes). */
    public Object next(Duration timeout) {
        if (!hasNext()) {
            throw new NoSuchElementException(description + " has no more results");
        }
        if (buffer.isEmpty()) {
            CompletableFuture<List<Object>> part = ordered != null ? ordered.peekFirst() : nextCompleted(timeout);
            if (ordered != null) {
                // A timeout leaves the part where it is, to be waited for again; anything else consumes it.
                Waits.awaitDone(part, timeout);
                if (!part.isDone()) {
                    throw new TaskTimeoutException("no result of " + description + " within " + Waits.describe(timeout));
                }
                ordered.pollFirst();
            }
            partsLeft--;
            buffer.addAll(Waits.await(part, null, "the next result of " + description));
            if (buffer.isEmpty()) {
                return next(timeout);
            }
        }
        return buffer.pollFirst();
    }

    private CompletableFuture<List<Object>> nextCompleted(Duration timeout) {
        try {
            CompletableFuture<List<Object>> part = timeout == null ? completed.take()
                    : completed.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (part == null) {
                throw new TaskTimeoutException("no result of " + description
                        + " within " + Waits.describe(timeout));
            }
            return part;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpException("interrupted while waiting for " + description, e);
        }
    }

    @Override
    public Iterator<Object> iterator() {
        return this;
    }
}
