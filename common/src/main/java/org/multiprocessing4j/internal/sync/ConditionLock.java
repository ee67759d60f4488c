package org.multiprocessing4j.internal.sync;

import org.multiprocessing4j.internal.shared.SharedHandle;
import org.multiprocessing4j.sync.Acquirable;
import org.multiprocessing4j.sync.SharedPrimitive;

/** A lock a Condition can use: its wait gives the lock up entirely and takes it back as it was. */
interface ConditionLock extends Acquirable, SharedHandle, SharedPrimitive {

    /** True if the calling thread may wait or notify (it holds the lock). */
    boolean ownedByCaller();

    /** Releases the lock however deep it is held; returns what {@link #restore} needs. */
    int releaseForWait();

    /** Takes the lock again as {@link #releaseForWait} left it. */
    void restore(int saved);
}
