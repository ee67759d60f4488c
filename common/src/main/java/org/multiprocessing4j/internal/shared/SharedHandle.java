package org.multiprocessing4j.internal.shared;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A live handle on a shared object (a queue, later a lock, an event...) that can travel as an
 * argument or result. On the wire it is a reference, never its state:
 * {@code {"__mp4j_<kind>__": {...reference fields...}}}; the other side opens a live handle on the
 * same broker object through the {@link SharedKind} of that name.
 */
public interface SharedHandle {

    /** The kind's name: {@code queue} for {@code __mp4j_queue__}. */
    String sharedKind();

    /** The fields the other side needs to open the same object (a name, a bound...). */
    ObjectNode sharedRef();

    /**
     * What the scope that holds this handle (a job on a worker, a client) closes when it ends: the
     * handle itself by default. A handle whose {@code close()} means more than letting go (a Pipe
     * end's close tells the other end EOF) returns a release that only lets go.
     */
    default AutoCloseable scopeRelease() {
        return this instanceof AutoCloseable closeable ? closeable : () -> { };
    }
}
