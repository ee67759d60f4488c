package org.multiprocessing4j.sync;

/**
 * Python's {@code multiprocessing.RLock}: a lock its owner (this handle's thread that acquired it)
 * may acquire again; it is given back when released as many times as acquired.
 *
 * <pre>{@code
 * RemoteRLock lock = mp.rlock("ledger");
 * lock.acquire();
 * lock.acquire();          // same thread: depth 2
 * lock.release();
 * lock.release();          // now free for others
 * lock.release();          // IllegalMonitorStateException, as CPython raises AssertionError
 * }</pre>
 */
public interface RemoteRLock extends Acquirable, SharedPrimitive {

    /** Python's {@code locked()}: true if anyone holds it now. */
    boolean locked();

    /** True when the calling thread owns it (CPython's {@code _is_mine()}). */
    boolean isOwned();

    /** How many times the calling thread has acquired it without releasing (0 if not the owner). */
    int holdCount();
}
