package org.multiprocessing4j.sync;

/**
 * Python's {@code multiprocessing.Lock}, shared by every machine on the broker.
 *
 * <pre>{@code
 * RemoteLock lock = mp.lock("printer");          // or mp.lock() for an anonymous one
 * try (Held held = lock.hold()) {
 *     System.out.println("hello world");
 * }
 * lock.acquire(false);                            // true if it was free, false at once otherwise
 * lock.acquire(Duration.ofSeconds(2));            // false after 2 s
 * }</pre>
 *
 * <p>The lock is one token message in a broker queue: acquiring takes it, releasing puts it back.
 * If the holder dies (kill -9, lost link) the broker puts it back by itself, within about two
 * heartbeats. Releasing a lock this handle does not hold raises {@link IllegalMonitorStateException}
 * (CPython: {@code ValueError: semaphore or lock released too many times}); unlike CPython, a lock
 * acquired through one handle cannot be released through another one, because the hold lives
 * with the holder's connection. Thread-safe; any thread of the holding process may release it.
 */
public interface RemoteLock extends Acquirable, SharedPrimitive {

    /** Python's {@code locked()}: true if anyone holds it now. */
    boolean locked();
}
