package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A request to stop a job wherever it is: removed before it starts, or interrupted while it
 * runs. Appended to the cancellation stream, which every worker reads from its start.
 */
public record CancelMessage(int v, String id, Signal signal, long requestedAt) {

    public enum Signal {
        /** Interrupt the task and let it end (Python's terminate(), SIGTERM). */
        @JsonProperty("terminate") TERMINATE,
        /** Stop waiting for the task at once (Python's kill(), SIGKILL). */
        @JsonProperty("kill") KILL
    }

    public static CancelMessage of(String id, Signal signal, long requestedAt) {
        return new CancelMessage(WireVersion.CURRENT, id, signal, requestedAt);
    }
}
