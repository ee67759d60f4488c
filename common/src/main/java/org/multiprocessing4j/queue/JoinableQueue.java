package org.multiprocessing4j.queue;

import java.time.Duration;
import org.multiprocessing4j.errors.TooManyTaskDoneException;

/**
 * Python's {@code multiprocessing.JoinableQueue}: a {@link RemoteQueue} that also counts the items
 * not yet marked done, across every machine that uses it.
 *
 * <pre>{@code
 * JoinableQueue q = mp.joinableQueue();
 * q.put("job 1");                     // counted unfinished
 * // in a task on any worker: Object item = q.get(); ...; q.taskDone();
 * q.join();                           // returns once every item put was marked done
 * }</pre>
 *
 * <p><b>Safer than CPython.</b> An item taken by {@code get} stays with its taker, unacknowledged
 * on the broker, until that taker calls {@link #taskDone()}; the item's "done" and its count go
 * together in one broker transaction. A taker that dies (kill -9, lost link) or closes its handle
 * before {@code taskDone} gives the item back: another consumer gets it, {@code join} keeps
 * waiting for it, and nothing is counted twice. (CPython's join would wait forever.)
 *
 * <p><b>No polling.</b> {@code join} is woken by the broker when the last item is marked done.
 *
 * <p>Unbounded only: {@link #maxsize()} is 0. Thread-safe.
 */
public interface JoinableQueue extends RemoteQueue {

    /**
     * Marks an item done: the oldest item this handle took and has not marked done; from a handle
     * that took none, any one unfinished item (Python's counter is global).
     *
     * @throws TooManyTaskDoneException when every item put is already done, as Python's ValueError
     */
    void taskDone();

    /** Waits until every item put (by anyone) has been marked done. */
    void join();

    /** As {@link #join()}, at most {@code timeout}; false if items were still unfinished then. */
    boolean join(Duration timeout);

    /** Items put and not yet marked done, as the broker counts them now. */
    int unfinishedTasks();
}
