package org.multiprocessing4j.queue;

/**
 * Python's {@code multiprocessing.SimpleQueue}: put, get, empty and close, nothing more. An
 * unbounded durable RabbitMQ queue like {@link RemoteQueue}'s; it passes to tasks the same way.
 *
 * <pre>{@code
 * SimpleQueue q = mp.simpleQueue();
 * q.put(List.of(1, "a"));
 * Object item = q.get();   // blocks until an item comes; the broker pushes it, nothing polls
 * }</pre>
 *
 * <p>Thread-safe.
 */
public interface SimpleQueue extends AutoCloseable {

    /** The name other machines open this queue by. */
    String name();

    void put(Object item);

    /** Waits as long as it takes for an item. */
    Object get();

    /** True when no item is waiting (approximate while others use the queue, as Python's). */
    boolean empty();

    /** Releases this handle; the one that created an unnamed queue also deletes it. */
    @Override
    void close();
}
