package org.multiprocessing4j.sync;

/**
 * Python's {@code multiprocessing.Value(typecode, initial)}: one typed value shared by every
 * machine, with its lock ({@link #getLock()}, an RLock as in Python).
 *
 * <pre>{@code
 * RemoteValue counter = mp.value("i", 0);
 * try (Held held = counter.getLock().hold()) {   // with counter.get_lock():
 *     counter.set(counter.getInt() + 1);          //     counter.value += 1
 * }
 * }</pre>
 *
 * <p>Each read or write takes the lock, as Python's do. Writes made while holding it reach the
 * broker when the lock is given back, in one broker transaction with the release; a holder that
 * dies first leaves the value as it was (CPython leaves a half-done update in shared memory).
 * Typecodes: {@code i l} (integers), {@code d f} (floats), {@code b} (bool), {@code c u} (a character).
 */
public interface RemoteValue extends SharedPrimitive {

    String typecode();

    /** Python's {@code value.value}: an Integer/Long, Double, Boolean or String by typecode. */
    Object get();

    long getLong();

    int getInt();

    double getDouble();

    /** Python's {@code value.value = x}; IllegalArgumentException if x does not fit the typecode. */
    void set(Object value);

    RemoteRLock getLock();
}
