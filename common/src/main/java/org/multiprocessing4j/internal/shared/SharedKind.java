package org.multiprocessing4j.internal.shared;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One kind of shared object: its name on the wire and how a side opens a handle from a reference.
 * Adding a kind is one implementation of this and one line in the registry
 * ({@code org.multiprocessing4j.internal.kinds.SharedKinds}).
 *
 * @param <H> the handle type a task or caller receives (e.g. {@code RemoteQueue})
 */
public interface SharedKind<H> {
    String PREFIX = "__mp4j_";
    String SUFFIX = "__";

    /** Lower-case name, e.g. {@code queue}; the wire marker is {@code __mp4j_queue__}. */
    String name();

    /** What a task's parameter of this kind is declared as. */
    Class<H> handleType();

    /** A live handle on the object a reference names, on this side's connection. It need not be created. */
    H open(JsonNode ref, SharedContext context);

    /** The one-key object name a reference of this kind travels under. */
    static String marker(String kind) {
        return PREFIX + kind + SUFFIX;
    }

    /** The kind a one-key object's key names ({@code __mp4j_queue__} -> queue), or null if it is not a marker. */
    static String kindOfMarker(String key) {
        if (key.length() <= PREFIX.length() + SUFFIX.length() || !key.startsWith(PREFIX) || !key.endsWith(SUFFIX)) {
            return null;
        }
        return key.substring(PREFIX.length(), key.length() - SUFFIX.length());
    }
}
