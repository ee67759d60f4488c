package org.multiprocessing4j.internal.wire;

/**
 * A worker began running the job.
 *
 * @param attempt 1 for the first delivery, higher when the job is run again after a worker died
 */
public record StartedReply(int v, String id, WorkerRef worker, int attempt) implements Reply {
    public static StartedReply of(String id, WorkerRef worker, int attempt) {
        return new StartedReply(WireVersion.CURRENT, id, worker, attempt);
    }
}
