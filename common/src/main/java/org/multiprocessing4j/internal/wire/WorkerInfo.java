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
 * @param node      the broker node it is connected to now ({@code host:port}); absent from older workers
 * @param resultsKept results whose reply queue was missing, kept by declaring the queue again; absent: 0
 * @param resultsHandedBack results that could be neither delivered nor kept (their jobs went back to
 *                  the broker); absent: 0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkerInfo(int v, WorkerRef worker, int concurrency, int running, long completed, List<String> tasks,
                         long startedAt, List<String> queues, String node, Long resultsKept, Long resultsHandedBack) {
    public WorkerInfo(int v, WorkerRef worker, int concurrency, int running, long completed, List<String> tasks,
                      long startedAt, List<String> queues) {
        this(v, worker, concurrency, running, completed, tasks, startedAt, queues, null, null, null);
    }
}
