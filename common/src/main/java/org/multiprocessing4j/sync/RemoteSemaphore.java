package org.multiprocessing4j.sync;

/**
 * Python's {@code multiprocessing.Semaphore(n)} and {@code BoundedSemaphore(n)}: n permits, each a
 * token message in a broker queue. A permit held by a process that dies returns by itself.
 *
 * <pre>{@code
 * RemoteSemaphore slots = mp.semaphore("gpu", 3);
 * try (Held held = slots.hold()) { ... }          // at most 3 holders anywhere
 * RemoteSemaphore signal = mp.semaphore(0);
 * signal.release();                               // a plain Semaphore grows: now 1
 * }</pre>
 *
 * <p>{@link #release()} gives back a permit this handle holds; when it holds none, a plain
 * Semaphore gains a new permit (as CPython's does), and a bounded one raises
 * {@link IllegalMonitorStateException} ({@code ValueError: semaphore or lock released too many
 * times}): its permits are conserved, so a release without a hold would exceed the bound.
 */
public interface RemoteSemaphore extends Acquirable, SharedPrimitive {

    /** True for {@code BoundedSemaphore}. */
    boolean bounded();

    /** Permits free right now (CPython's {@code get_value()}); approximate while others use it. */
    int value();
}
