package org.multiprocessing4j.sync;

/**
 * A hold on a lock, semaphore or condition, for try-with-resources (Python's {@code with lock:}).
 * {@link #close()} releases it once; a second close does nothing.
 *
 * <pre>{@code
 * try (Held held = lock.hold()) {
 *     counter.set(counter.get() + 1);
 * }
 * }</pre>
 */
public interface Held extends AutoCloseable {
    @Override
    void close();
}
