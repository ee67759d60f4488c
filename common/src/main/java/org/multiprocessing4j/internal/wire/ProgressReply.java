package org.multiprocessing4j.internal.wire;

/**
 * How far a running task says it is ({@code TaskCall.progress(done, total)}). Only the latest
 * counts; a producer that does not know this type ignores it.
 *
 * @param done  units done, 0 to total
 * @param total units in all (at least 1)
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record ProgressReply(int v, String id, long done, long total, WorkerRef worker, Integer attempt) implements Reply {
    public static ProgressReply of(String id, long done, long total, WorkerRef worker, int attempt) {
        return new ProgressReply(WireVersion.CURRENT, id, done, total, worker, attempt <= 1 ? null : attempt);
    }
}
