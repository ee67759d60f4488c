package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * How the job ended. Published before the job is acknowledged, so a worker dying in between
 * means a rerun and a second result, which the producer drops.
 *
 * @param value   the task's return value (OK), JSON null when it returned nothing
 * @param error   what went wrong (ERROR), else null
 * @param worker  who ran it; null when no worker ran it (dead-lettered)
 * @param elapsedMs how long the task ran on the worker
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultReply(int v, String id, Outcome outcome, JsonNode value, RemoteError error, WorkerRef worker,
                          long elapsedMs) implements Reply {

    public enum Outcome {
        @JsonProperty("ok") OK,
        @JsonProperty("error") ERROR,
        /** Stopped by terminate(): Python's exit code -15 (SIGTERM). */
        @JsonProperty("terminated") TERMINATED,
        /** Stopped by kill(): Python's exit code -9 (SIGKILL). */
        @JsonProperty("killed") KILLED
    }

    public static ResultReply ok(String id, JsonNode value, WorkerRef worker, long elapsedMs) {
        return new ResultReply(WireVersion.CURRENT, id, Outcome.OK, value, null, worker, elapsedMs);
    }

    public static ResultReply error(String id, RemoteError error, WorkerRef worker, long elapsedMs) {
        return new ResultReply(WireVersion.CURRENT, id, Outcome.ERROR, null, error, worker, elapsedMs);
    }

    public static ResultReply stopped(String id, Outcome outcome, WorkerRef worker, long elapsedMs) {
        return new ResultReply(WireVersion.CURRENT, id, outcome, null, null, worker, elapsedMs);
    }
}
