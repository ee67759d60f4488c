package org.multiprocessing4j.queue;

import java.time.Duration;
import org.multiprocessing4j.errors.QueueEmptyException;
import org.multiprocessing4j.errors.QueueFullException;

/**
 * Python's {@code multiprocessing.Queue}: a named, durable RabbitMQ queue that any producer or
 * worker on any machine can open. Items are JSON values (strings, numbers, booleans, null,
 * lists, maps, and records or beans Jackson can write).
 *
 * <pre>{@code
 * RemoteQueue q = mp.queue(3);                // like multiprocessing.Queue(3)
 * q.put("消息1");
 * q.full();                                   // false
 * Object item = q.get(Duration.ofSeconds(1)); // QueueEmptyException after 1 s if nothing came
 * }</pre>
 *
 * <p>Pass a queue as a task or process argument and the task receives a live queue on the same
 * broker queue.
 *
 * <p><b>Bounds.</b> A queue with {@code maxsize > 0} is bounded by the broker
 * ({@code x-max-length} with {@code x-overflow=reject-publish}): a put that would exceed it is
 * refused and retried until it fits or the timeout ends. The broker counts only items waiting
 * in the queue, not the (at most one per reader) items being handed to a reader at that moment,
 * so with concurrent readers the queue plus items in transit can briefly exceed maxsize by the
 * number of readers. Putters can never push the waiting items past maxsize, whoever they are.
 *
 * <p><b>Sizes.</b> {@link #qsize()}, {@link #empty()} and {@link #full()} ask the broker; like
 * Python's, they are approximate while other machines use the queue, exact otherwise.
 *
 * <p><b>Delivery.</b> An item taken by {@code get} is acknowledged to the broker only once it
 * has been decoded for the caller: a reader that crashes before that gives the item back.
 *
 * <p><b>Threads.</b> A handle is thread-safe; puts and gets from different threads proceed
 * independently (each uses its own channel).
 */
public interface RemoteQueue extends AutoCloseable {

    /** The name other machines open this queue by. */
    String name();

    /** The bound given when the queue was created, 0 for unbounded. */
    int maxsize();

    /** Waits as long as it takes for room, then adds the item. */
    void put(Object item);

    /** Waits at most {@code timeout} for room, then raises {@link QueueFullException}; null waits as long as it takes. */
    void put(Object item, Duration timeout);

    /** Adds the item if there is room now, else raises {@link QueueFullException}. */
    void putNowait(Object item);

    /** Waits as long as it takes for an item. Does not poll: the broker pushes the item when it comes. */
    Object get();

    /** Waits at most {@code timeout} for an item, then raises {@link QueueEmptyException}; null waits as long as it takes. */
    Object get(Duration timeout);

    /** Takes an item if one is waiting now, else raises {@link QueueEmptyException}. */
    Object getNowait();

    /** Number of items waiting in the queue. */
    int qsize();

    /** True when no item is waiting. */
    boolean empty();

    /** True when the queue is bounded and holds {@code maxsize} items. */
    boolean full();

    /** Deletes the queue on the broker, with any items still in it. */
    void delete();

    /**
     * Releases this handle. A queue created without a name (Python's {@code Queue()}) is deleted
     * when the handle that created it is closed; named queues stay for others.
     */
    @Override
    void close();
}
