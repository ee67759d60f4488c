package org.multiprocessing4j;

import java.time.Instant;
import java.util.List;

/**
 * A live worker, as it answered a ping.
 *
 * @param running   tasks it is running now
 * @param completed tasks it finished since it started
 * @param tasks     the task names it can run
 */
public record WorkerStatus(String name, String host, long pid, int concurrency, int running, long completed,
                           List<String> tasks, Instant startedAt) {
}
