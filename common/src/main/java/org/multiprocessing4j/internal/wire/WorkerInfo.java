package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A live worker's answer to a ping.
 *
 * @param running   jobs it is running now
 * @param completed jobs it has finished since it started
 * @param tasks     the task names it can run
 * @param startedAt epoch milliseconds
 * @param queues    the named queues it takes jobs from; absent from workers older than queues (read: default)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkerInfo(int v, WorkerRef worker, int concurrency, int running, long completed, List<String> tasks,
                         long startedAt, List<String> queues) {
}
