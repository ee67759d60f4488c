package org.multiprocessing4j.internal.shared;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns a reference that arrived in a message into a live handle on this side. */
@FunctionalInterface
public interface SharedOpener {
    /**
     * @param kind the kind named by the reference's marker
     * @param ref  the reference's fields
     * @throws IllegalArgumentException if no such kind is known here
     */
    Object open(String kind, JsonNode ref);
}
