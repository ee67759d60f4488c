package org.multiprocessing4j.internal.wire;

/**
 * A Queue passed as an argument travels as this reference and is opened again on the other
 * side, on the same broker queue. On the wire: {@code {"__mp4j_queue__": {"name": "q", "maxsize": 3}}}.
 *
 * @param name    the user-visible queue name (the broker queue is {@code <namespace>.queue.<name>})
 * @param maxsize 0 for unbounded
 */
public record QueueRef(String name, int maxsize) {
    public static final String MARKER = "__mp4j_queue__";
}
