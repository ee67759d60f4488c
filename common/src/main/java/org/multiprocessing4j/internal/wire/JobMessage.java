package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A request to run a task. Published to the jobs queue with {@code correlation_id = id} and
 * {@code reply_to} naming the producer's reply queue.
 *
 * @param v           protocol version
 * @param id          unique job id; the producer keeps the first result it sees for it
 * @param task        registered task (or process class) name
 * @param kind        how the worker runs it
 * @param args        positional arguments (CALL)
 * @param kwargs      keyword arguments (CALL)
 * @param chunk       one positional argument list per call (CHUNK: several calls of one task in one job)
 * @param fields      the instance's fields (PROCESS_CLASS: a registered Process subclass)
 * @param processName Python's {@code Process.name} when started as a process, else null
 * @param reportStart true when the producer wants a started reply (a process: its pid, is_alive);
 *                    pool tasks leave it out and save a message per task
 * @param submittedAt epoch milliseconds at the producer
 * @param options     retries, delay, time limits, queue, priority, expiry; absent: the defaults
 * @param attempt     1 (or absent) for the first run; a retry is the same job again with attempt + 1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobMessage(
        int v,
        String id,
        String task,
        Kind kind,
        List<JsonNode> args,
        Map<String, JsonNode> kwargs,
        List<List<JsonNode>> chunk,
        Map<String, JsonNode> fields,
        String processName,
        Boolean reportStart,
        long submittedAt,
        JobOptions options,
        Integer attempt) {

    public enum Kind {
        @JsonProperty("call") CALL,
        @JsonProperty("chunk") CHUNK,
        @JsonProperty("process_class") PROCESS_CLASS
    }

    /** The same job with these options (null: none). */
    public JobMessage withOptions(JobOptions newOptions) {
        return new JobMessage(v, id, task, kind, args, kwargs, chunk, fields, processName, reportStart, submittedAt,
                newOptions, attempt);
    }

    /** The same job, to run once more: its retry. */
    public JobMessage nextAttempt() {
        return new JobMessage(v, id, task, kind, args, kwargs, chunk, fields, processName, reportStart, submittedAt,
                options, attemptOrFirst() + 1);
    }

    /** 1 for the first run, n for its (n-1)-th retry. */
    public int attemptOrFirst() {
        return attempt == null || attempt < 1 ? 1 : attempt;
    }

    /** Its options, or all defaults when it carries none. */
    public JobOptions optionsOrDefaults() {
        return options != null ? options : NO_OPTIONS;
    }

    private static final JobOptions NO_OPTIONS = new JobOptions(null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** True when the worker should send a started reply for this job. */
    public boolean wantsStartReport() {
        return Boolean.TRUE.equals(reportStart);
    }

    public static JobMessage call(String id, String task, List<JsonNode> args, Map<String, JsonNode> kwargs,
                                  String processName, long submittedAt) {
        return new JobMessage(WireVersion.CURRENT, id, task, Kind.CALL, args, kwargs, null, null, processName,
                processName != null ? Boolean.TRUE : null, submittedAt, null, null);
    }

    public static JobMessage chunk(String id, String task, List<List<JsonNode>> calls, long submittedAt) {
        return new JobMessage(WireVersion.CURRENT, id, task, Kind.CHUNK, null, null, calls, null, null, null, submittedAt,
                null, null);
    }

    public static JobMessage processClass(String id, String task, Map<String, JsonNode> fields, String processName,
                                          long submittedAt) {
        return new JobMessage(WireVersion.CURRENT, id, task, Kind.PROCESS_CLASS, null, null, null, fields, processName,
                Boolean.TRUE, submittedAt, null, null);
    }
}
