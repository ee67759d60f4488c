package org.multiprocessing4j;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.errors.TaskTimeoutException;
import org.multiprocessing4j.internal.events.EventReader;

/**
 * Job events read from the events stream, oldest first: those kept so far (the stream's retention,
 * a day by default), then, when following, new ones as they happen. Any number of feeds read at
 * once without slowing the workers. Not thread-safe; close it when done.
 */
public final class EventFeed implements Iterator<JobEvent>, Iterable<JobEvent>, AutoCloseable {
    private final EventReader reader;
    private final Predicate<JobEvent> filter;
    private final Predicate<JobEvent> last;
    private JobEvent next;
    private boolean over;

    EventFeed(EventReader reader, Predicate<JobEvent> filter, Predicate<JobEvent> last) {
        this.reader = reader;
        this.filter = filter;
        this.last = last;
    }

    /** Waits for the next event (when following, as long as it takes; else until the history's end). */
    @Override
    public boolean hasNext() {
        return advance(-1);
    }

    @Override
    public JobEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more events");
        }
        return take();
    }

    /** The next event, waiting at most {@code timeout}: TaskTimeoutException if none came, NoSuchElementException at the end. */
    public JobEvent next(Duration timeout) {
        if (!advance(timeout.toMillis())) {
            if (over) {
                throw new NoSuchElementException("no more events");
            }
            throw new TaskTimeoutException("no event within " + timeout.toMillis() + " ms");
        }
        return take();
    }

    private JobEvent take() {
        JobEvent event = next;
        next = null;
        if (last.test(event)) {
            over = true;
        }
        return event;
    }

    private boolean advance(long timeoutMs) {
        if (next != null) {
            return true;
        }
        long deadline = timeoutMs < 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeoutMs;
        try {
            while (!over) {
                long left = timeoutMs < 0 ? -1 : Math.max(0, deadline - System.currentTimeMillis());
                org.multiprocessing4j.internal.wire.JobEvent raw = reader.next(left);
                if (raw == null) {
                    if (reader.ended()) {
                        over = true;
                    }
                    return false;
                }
                JobEvent event = JobEvent.of(raw);
                if (filter.test(event)) {
                    next = event;
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpException("interrupted while reading events", e);
        }
    }

    @Override
    public Iterator<JobEvent> iterator() {
        return this;
    }

    @Override
    public void close() {
        reader.close();
    }
}
