package org.multiprocessing4j.sync;

import java.time.Duration;
import org.multiprocessing4j.errors.TaskTimeoutException;

/**
 * What Python's Lock, RLock, Semaphore and Condition share: {@code acquire(block, timeout)} and
 * {@code release()}. A blocked acquire does not poll: the broker hands the lock to the waiter.
 */
public interface Acquirable {

    /** Waits as long as it takes; returns true. */
    default boolean acquire() {
        return acquire(true, null);
    }

    /** {@code acquire(false)} takes it only if it is free now; {@code acquire(true)} waits as long as it takes. */
    default boolean acquire(boolean block) {
        return acquire(block, null);
    }

    /** Waits at most {@code timeout} (null: as long as it takes); false if it ran out. */
    default boolean acquire(Duration timeout) {
        return acquire(true, timeout);
    }

    /**
     * Python's {@code acquire(block=True, timeout=None)}: true once held, false when {@code block}
     * is false and it is taken, or when {@code timeout} ran out. The timeout is ignored when not blocking.
     */
    boolean acquire(boolean block, Duration timeout);

    /**
     * Gives it back. Raises {@link IllegalMonitorStateException} when this side does not hold it
     * (Python's ValueError / AssertionError / RuntimeError), and
     * {@link org.multiprocessing4j.errors.LockLostException} when the broker took it back meanwhile.
     */
    void release();

    /** Acquires (waiting as long as it takes) and returns a hold whose close() releases. */
    default Held hold() {
        acquire();
        return once(this);
    }

    /** Acquires within {@code timeout} and returns a hold, else raises {@link TaskTimeoutException}. */
    default Held hold(Duration timeout) {
        if (!acquire(true, timeout)) {
            throw new TaskTimeoutException("not acquired within " + timeout.toMillis() + " ms: " + this);
        }
        return once(this);
    }

    private static Held once(Acquirable acquired) {
        return new Held() {
            private boolean released;

            @Override
            public synchronized void close() {
                if (!released) {
                    released = true;
                    acquired.release();
                }
            }
        };
    }
}
