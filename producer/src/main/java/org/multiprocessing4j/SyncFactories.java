package org.multiprocessing4j;

import java.time.Duration;
import java.util.List;
import org.multiprocessing4j.internal.client.ClientCore;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.sync.AmqpArray;
import org.multiprocessing4j.internal.sync.AmqpBarrier;
import org.multiprocessing4j.internal.sync.AmqpCondition;
import org.multiprocessing4j.internal.sync.AmqpEvent;
import org.multiprocessing4j.internal.sync.AmqpRLock;
import org.multiprocessing4j.internal.sync.AmqpSemaphore;
import org.multiprocessing4j.internal.sync.AmqpValue;
import org.multiprocessing4j.internal.sync.SyncKinds;
import org.multiprocessing4j.sync.Acquirable;
import org.multiprocessing4j.sync.RemoteArray;
import org.multiprocessing4j.sync.RemoteBarrier;
import org.multiprocessing4j.sync.RemoteCondition;
import org.multiprocessing4j.sync.RemoteEvent;
import org.multiprocessing4j.sync.RemoteLock;
import org.multiprocessing4j.sync.RemoteRLock;
import org.multiprocessing4j.sync.RemoteSemaphore;
import org.multiprocessing4j.sync.RemoteValue;

/**
 * Python's synchronization primitives and shared values, as a user sees them on
 * {@link Multiprocessing}: {@code mp.lock()}, {@code mp.event("ready")}... Without a name they get a
 * generated one and are deleted when this client closes; with a name they are created the first
 * time and opened as they are afterwards, from any machine, and outlive the client.
 * docs/SYNC.md has the design and the guarantees.
 */
abstract class SyncFactories {
    private final ClientCore syncCore;

    SyncFactories(ClientCore core) {
        this.syncCore = core;
    }

    abstract void ensureOpen();

    private SharedContext context() {
        ensureOpen();
        return syncCore.shared().context();
    }

    private <H> H tracked(H handle) {
        return syncCore.shared().track(handle);
    }

    /** {@code Lock()}. */
    public RemoteLock lock() {
        return lock(null);
    }

    /** A named Lock: created free the first time, opened afterwards. */
    public RemoteLock lock(String name) {
        return tracked(AmqpSemaphore.create(context(), SyncKinds.LOCK_NAME, name, 1, true));
    }

    /** {@code RLock()}. */
    public RemoteRLock rlock() {
        return rlock(null);
    }

    public RemoteRLock rlock(String name) {
        return tracked(AmqpRLock.create(context(), name));
    }

    /** {@code Semaphore(value)}. */
    public RemoteSemaphore semaphore(int value) {
        return semaphore(null, value);
    }

    /** A named Semaphore with {@code value} permits the first time (later opens keep the permits it has). */
    public RemoteSemaphore semaphore(String name, int value) {
        return tracked(AmqpSemaphore.create(context(), SyncKinds.SEMAPHORE_NAME, name, value, false));
    }

    /** {@code BoundedSemaphore(value)}. */
    public RemoteSemaphore boundedSemaphore(int value) {
        return boundedSemaphore(null, value);
    }

    public RemoteSemaphore boundedSemaphore(String name, int value) {
        return tracked(AmqpSemaphore.create(context(), SyncKinds.SEMAPHORE_NAME, name, value, true));
    }

    /** {@code Event()}. */
    public RemoteEvent event() {
        return event(null);
    }

    public RemoteEvent event(String name) {
        return tracked(AmqpEvent.create(context(), name));
    }

    /** {@code Condition()}: with an RLock of its own. */
    public RemoteCondition condition() {
        return condition(null, null);
    }

    public RemoteCondition condition(String name) {
        return condition(name, null);
    }

    /** {@code Condition(lock)}: {@code lock} is a Lock or RLock made here; null for one of its own. */
    public RemoteCondition condition(String name, Acquirable lock) {
        return tracked(AmqpCondition.create(context(), name, lock));
    }

    /** {@code Barrier(parties)}. */
    public RemoteBarrier barrier(int parties) {
        return barrier(null, parties, null, null);
    }

    public RemoteBarrier barrier(String name, int parties) {
        return barrier(name, parties, null, null);
    }

    /**
     * {@code Barrier(parties, action, timeout)}. The action runs in the last party to arrive when that
     * party uses this handle (code does not travel: handles passed to tasks have none); the timeout
     * (null: none) is the default of every {@code await}, here and in handles passed to tasks.
     */
    public RemoteBarrier barrier(String name, int parties, Runnable action, Duration timeout) {
        return tracked(AmqpBarrier.create(context(), name, parties, action, timeout));
    }

    /** {@code Value(typecode, initial)}: typecodes i, l, d, f, b, c, u, ? ... as Python's array module. */
    public RemoteValue value(String typecode, Object initial) {
        return value(null, typecode, initial);
    }

    public RemoteValue value(String name, String typecode, Object initial) {
        return tracked(AmqpValue.create(context(), name, typecode, initial));
    }

    /** {@code Array(typecode, initializer)}. */
    public RemoteArray array(String typecode, List<?> initial) {
        return array(null, typecode, initial);
    }

    /** {@code Array(typecode, size)}: zeros. */
    public RemoteArray array(String typecode, int size) {
        return array(null, typecode, AmqpArray.zeros(typecode, size));
    }

    public RemoteArray array(String name, String typecode, List<?> initial) {
        return tracked(AmqpArray.create(context(), name, typecode, initial));
    }
}
