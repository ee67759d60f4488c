package org.multiprocessing4j.sync;

import java.time.Duration;

/**
 * Python's {@code multiprocessing.Event}: a flag every machine can set, clear and wait for.
 * Python's {@code wait} is {@code await} here ({@code wait()} is Object's).
 *
 * <pre>{@code
 * RemoteEvent ready = mp.event("ready");
 * ready.await(Duration.ofSeconds(5));   // true once set, false after 5 s
 * ready.set();                          // wakes every waiter on every machine
 * }</pre>
 *
 * <p>A waiter is woken by the broker (no polling). It subscribes before it looks at the flag,
 * so a set() between the look and the wait is never missed; a waiter whose link was cut
 * looks again when the link is back.
 */
public interface RemoteEvent extends SharedPrimitive {

    void set();

    void clear();

    boolean isSet();

    /** Waits as long as it takes; returns true. */
    default boolean await() {
        return await(null);
    }

    /** Waits at most {@code timeout} (null: as long as it takes); true if the flag is set (or was set meanwhile). */
    boolean await(Duration timeout);
}
