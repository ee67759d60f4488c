package org.multiprocessing4j.sync;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Python's {@code multiprocessing.Condition(lock)}: a lock (an RLock unless given one) and waiters
 * that a holder wakes. Python's {@code wait}, {@code notify()} and {@code notify_all()} are
 * {@code await}, {@code notify(1)} and {@code notifyAllWaiters()} here, because Object's
 * {@code wait()}, {@code notify()} and {@code notifyAll()} are final.
 *
 * <pre>{@code
 * RemoteCondition cond = mp.condition("items");
 * try (Held held = cond.hold()) {
 *     cond.waitFor(() -> box.get() != null, Duration.ofSeconds(5));
 * }
 * // elsewhere
 * try (Held held = cond.hold()) { box.set(42); cond.notify(1); }
 * }</pre>
 *
 * <p>Each waiter registers itself in a queue before it releases the lock, then waits on a queue of
 * its own; notify takes registrations in order and wakes their owners. A waiter that died is
 * skipped (its queue went with its connection), so a notify is never spent on the dead.
 */
public interface RemoteCondition extends Acquirable, SharedPrimitive {

    /** Waits as long as it takes for a notify; returns true. */
    default boolean await() {
        return await(null);
    }

    /**
     * Releases the lock, waits for a notify or the timeout, takes the lock again. True if notified.
     * {@link IllegalMonitorStateException} if the caller does not hold the lock.
     */
    boolean await(Duration timeout);

    /** Waits until {@code predicate} is true (checked under the lock), at most {@code timeout}; its last value. */
    boolean waitFor(BooleanSupplier predicate, Duration timeout);

    /** Wakes up to {@code n} waiters. {@link IllegalMonitorStateException} if the caller does not hold the lock. */
    void notify(int n);

    /** Python's {@code notify_all()}. */
    void notifyAllWaiters();

    /** The lock this condition uses. */
    Acquirable lock();
}
