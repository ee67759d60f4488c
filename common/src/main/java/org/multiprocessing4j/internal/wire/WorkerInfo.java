package org.multiprocessing4j.internal.wire;

import java.util.List;

/**
 * A live worker's answer to a ping.
 *
 * @param running   jobs it is running now
 * @param completed jobs it has finished since it started
 * @param tasks     the task names it can run
 */
public record WorkerInfo(int v, WorkerRef worker, int concurrency, int running, long completed, List<String> tasks,
                         long startedAt) {
}
