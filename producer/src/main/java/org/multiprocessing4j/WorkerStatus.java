package org.multiprocessing4j;

import java.time.Instant;
import java.util.List;
import org.multiprocessing4j.internal.wire.WorkerInfo;
import org.multiprocessing4j.task.CallOptions;

/**
 * A live worker, as it answered a ping.
 *
 * @param running   tasks it is running now
 * @param completed tasks it finished since it started
 * @param tasks     the task names it can run
 * @param queues    the named queues it takes jobs from
 * @param node      the broker node it is connected to ({@code host:port}); "?" for workers that do not say
 * @param resultsKept results whose reply queue was missing when they were ready (their producer away
 *                  a long time, or gone): kept for the producer in the queue the worker declared again
 * @param resultsHandedBack results that could be neither delivered nor kept: their jobs went back to
 *                  the broker to run again (and are dead-lettered after 4 deliveries)
 */
public record WorkerStatus(String name, String host, long pid, int concurrency, int running, long completed,
                           List<String> tasks, Instant startedAt, List<String> queues, String node,
                           long resultsKept, long resultsHandedBack) {

    static WorkerStatus of(WorkerInfo info) {
        return new WorkerStatus(info.worker().name(), info.worker().host(), info.worker().pid(), info.concurrency(),
                info.running(), info.completed(), info.tasks(), Instant.ofEpochMilli(info.startedAt()),
                info.queues() == null ? List.of(CallOptions.DEFAULT_QUEUE) : info.queues(),
                info.node() == null ? "?" : info.node(), info.resultsKept() == null ? 0 : info.resultsKept(),
                info.resultsHandedBack() == null ? 0 : info.resultsHandedBack());
    }
}
