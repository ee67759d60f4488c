package org.multiprocessing4j.sync;

/**
 * What every lock, event, barrier and value handle has: the name other machines open it by, and
 * its life cycle. Closing a handle gives back whatever it held (as a dead holder's would be) and
 * frees its channels; the object stays on the broker for others. {@link #delete()} removes it.
 */
public interface SharedPrimitive extends AutoCloseable {

    /** The name other machines open this object by. */
    String name();

    /** Removes the object from the broker: waiters elsewhere fail, later opens find nothing. */
    void delete();

    /** Releases this handle (and what it holds); created without a name, the object is deleted too. */
    @Override
    void close();
}
