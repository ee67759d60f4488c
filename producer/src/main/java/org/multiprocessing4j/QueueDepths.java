package org.multiprocessing4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.multiprocessing4j.internal.amqp.DelayTopology;
import org.multiprocessing4j.internal.client.ClientCore;
import org.multiprocessing4j.internal.client.DeadLetterStore;
import org.multiprocessing4j.internal.client.QueueCounts;
import org.multiprocessing4j.task.Priority;

/**
 * How many jobs wait, and where: in a named queue (all its priority levels), waiting for their
 * countdown, eta or retry backoff, or in the dead letters. Read from the broker each time (exact when
 * read, moving while workers run). {@code mp.queueDepths()}; the dashboard polls it.
 *
 * <pre>{@code
 * QueueDepths depths = mp.queueDepths();
 * int backlog = depths.waiting("default") + depths.waiting("gpu");
 * }</pre>
 */
public final class QueueDepths {
    private final ClientCore core;

    QueueDepths(ClientCore core) {
        this.core = core;
    }

    /** Jobs ready in the named queue ({@code "default"} for the default one), all priorities; 0 if no worker made it. */
    public long waiting(String queue) {
        Objects.requireNonNull(queue, "queue");
        List<String> levels = new ArrayList<>();
        for (Priority priority : Priority.values()) {
            levels.add(core.topology().jobsQueue(queue, priority));
        }
        return QueueCounts.sum(core.connection(), levels);
    }

    /** Jobs ready in one priority level of the named queue. */
    public long waiting(String queue, Priority priority) {
        return QueueCounts.sum(core.connection(), List.of(core.topology().jobsQueue(Objects.requireNonNull(queue, "queue"),
                Objects.requireNonNull(priority, "priority"))));
    }

    /** Jobs held by the broker until their time comes: countdown, eta, or a retry's backoff. */
    public long delayed() {
        DelayTopology delays = new DelayTopology(core.topology());
        return QueueCounts.sum(core.connection(),
                IntStream.range(0, DelayTopology.LEVELS).mapToObj(delays::levelQueue).toList());
    }

    /** Jobs in the dead letters (as {@code mp.deadLetters().count()}). */
    public long deadLetters() {
        return new DeadLetterStore(core).count();
    }
}
