package org.multiprocessing4j.sync;

import java.time.Duration;

/**
 * Python's {@code multiprocessing.Barrier(parties, action, timeout)}: {@code parties} processes
 * meet; each {@link #await()} returns its arrival index (0 for the first, parties-1 for the last,
 * which also runs the action). Python's {@code wait} is {@code await} here.
 *
 * <pre>{@code
 * RemoteBarrier start = mp.barrier("start", 3);
 * int index = start.await();            // in three processes on any machines
 * }</pre>
 *
 * <p>{@link org.multiprocessing4j.errors.BrokenBarrierException} when the barrier is broken:
 * aborted, reset while waiting, a wait timed out, the action failed, or a waiting party died
 * (kill -9, lost link): each waiting party holds a token the broker turns into a "party died"
 * notice when its connection dies. It stays broken until {@link #reset()}.
 */
public interface RemoteBarrier extends SharedPrimitive {

    /** Waits for the other parties with the barrier's default timeout. */
    int await();

    /** Waits at most {@code timeout} (null: the barrier's default); a timeout breaks the barrier. */
    int await(Duration timeout);

    /** Breaks the barrier: waiting and later parties get BrokenBarrierException until reset(). */
    void abort();

    /** Back to empty and not broken; parties waiting now get BrokenBarrierException. */
    void reset();

    int parties();

    /** Parties waiting now. */
    int nWaiting();

    boolean broken();
}
