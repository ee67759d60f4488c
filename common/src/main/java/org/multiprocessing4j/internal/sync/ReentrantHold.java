package org.multiprocessing4j.internal.sync;

/**
 * Which thread of a handle holds a reentrant lock, how deeply, and the broker token its outermost
 * acquire took: the bookkeeping {@link AmqpRLock} and {@link CellLock} share. Every method locks
 * on this object, so a lock that keeps more state beside the hold (CellLock's copy of its value)
 * guards it with this same monitor and changes it in the same step as the hold.
 */
final class ReentrantHold {
    private Thread owner;
    private int depth;
    private Tokens.Token token;

    /** One level deeper if the calling thread holds it already (then no token is to be taken). */
    synchronized boolean reenter() {
        if (owner != Thread.currentThread()) {
            return false;
        }
        depth++;
        return true;
    }

    /** The calling thread holds it once, with the token it just took. */
    synchronized void begin(Tokens.Token taken) {
        owner = Thread.currentThread();
        depth = 1;
        token = taken;
    }

    /**
     * One level less; the token to give back when that was the outermost hold (it is then free),
     * null while the calling thread still holds it.
     */
    synchronized Tokens.Token leave(Object lock) {
        if (owner != Thread.currentThread()) {
            throw new IllegalMonitorStateException("cannot release un-acquired lock (" + lock
                    + " is not owned by this thread)");
        }
        if (--depth > 0) {
            return null;
        }
        Tokens.Token giving = token;
        owner = null;
        token = null;
        return giving;
    }

    synchronized boolean heldByCaller() {
        return owner == Thread.currentThread();
    }

    /** How deeply the calling thread holds it, 0 when it does not. */
    synchronized int depthOfCaller() {
        return owner == Thread.currentThread() ? depth : 0;
    }

    /** The depth the calling thread held, now 1, so that one release frees it (a Condition's wait). */
    synchronized int flattenForWait() {
        if (owner != Thread.currentThread()) {
            throw new IllegalMonitorStateException("cannot wait on un-acquired lock");
        }
        int saved = depth;
        depth = 1;
        return saved;
    }

    synchronized void setDepth(int savedDepth) {
        depth = savedDepth;
    }

    /** Nobody holds it; its token, if any, is left to the broker (the handle is closing). */
    synchronized void forget() {
        owner = null;
        depth = 0;
        token = null;
    }
}
