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
 */
public record WorkerStatus(String name, String host, long pid, int concurrency, int running, long completed,
                           List<String> tasks, Instant startedAt, List<String> queues) {

    static WorkerStatus of(WorkerInfo info) {
        return new WorkerStatus(info.worker().name(), info.worker().host(), info.worker().pid(), info.concurrency(),
                info.running(), info.completed(), info.tasks(), Instant.ofEpochMilli(info.startedAt()),
                info.queues() == null ? List.of(CallOptions.DEFAULT_QUEUE) : info.queues());
    }
}
