package org.multiprocessing4j.internal.pipe;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The message ids a pipe end read last, so that a send its sender made twice (sent again, with the
 * same id, after its link died before the broker's confirm) is read once. Bounded: a repeat arrives
 * within seconds, long before a thousand other messages.
 */
final class SeenIds {
    private static final int KEPT = 1_000;
    private final Set<String> ids = new LinkedHashSet<>();

    /** True the first time an id is seen (and for a message without one). */
    boolean firstTime(String messageId) {
        if (messageId == null) {
            return true;
        }
        if (!ids.add(messageId)) {
            return false;
        }
        if (ids.size() > KEPT) {
            ids.remove(ids.iterator().next());
        }
        return true;
    }
}
