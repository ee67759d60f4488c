package org.multiprocessing4j.sync;

import java.util.List;

/**
 * Python's {@code multiprocessing.Array(typecode, size_or_initializer)}: a fixed-length typed array
 * shared by every machine, with its lock ({@link #getLock()}). Element access takes the lock, as
 * in Python; hold it to make several accesses one step.
 *
 * <pre>{@code
 * RemoteArray arr = mp.array("i", List.of(0, 1, 2, 3));
 * try (Held held = arr.getLock().hold()) {
 *     for (int i = 0; i < arr.length(); i++) arr.set(i, -arr.getInt(i));
 * }
 * arr.toList();   // [0, -1, -2, -3]
 * }</pre>
 */
public interface RemoteArray extends SharedPrimitive {

    String typecode();

    int length();

    Object get(int index);

    int getInt(int index);

    double getDouble(int index);

    /** IndexOutOfBoundsException outside 0..length-1; IllegalArgumentException if the value does not fit. */
    void set(int index, Object value);

    /** Python's {@code arr[:]}. */
    List<Object> toList();

    /** Python's {@code arr[:] = values}; the length must stay the same. */
    void setAll(List<?> values);

    RemoteRLock getLock();
}
