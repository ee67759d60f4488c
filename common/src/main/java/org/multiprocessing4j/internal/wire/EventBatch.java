package org.multiprocessing4j.internal.wire;

import java.util.List;

/**
 * Events published together as one stream message (type {@code mp4j.events}): a worker sends its
 * events every 100 ms or so rather than one message each, so history costs little per task.
 */
public record EventBatch(int v, List<JobEvent> events) {
    public static EventBatch of(List<JobEvent> events) {
        return new EventBatch(WireVersion.CURRENT, List.copyOf(events));
    }
}
