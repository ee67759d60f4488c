package org.multiprocessing4j.internal.queue;

import com.fasterxml.jackson.databind.JsonNode;
import org.multiprocessing4j.errors.BadArgumentsException;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.shared.SharedKind;
import org.multiprocessing4j.queue.RemoteQueue;

/**
 * Queues as a shared-object kind: {@code {"__mp4j_queue__": {"name": "q", "maxsize": 3}}}. The
 * receiving side opens the existing broker queue; it never creates one (a queue deleted meanwhile
 * is a QueueNotFoundException for the task, not a new empty queue). A malformed reference is the
 * caller's mistake: BadArgumentsException.
 */
public final class QueueKind implements SharedKind<RemoteQueue> {
    public static final String NAME = "queue";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<RemoteQueue> handleType() {
        return RemoteQueue.class;
    }

    @Override
    public RemoteQueue open(JsonNode ref, SharedContext context) {
        JsonNode name = ref.get("name");
        if (name == null || !name.isTextual()) {
            throw new BadArgumentsException("queue reference without a name: " + ref);
        }
        try {
            return AmqpQueue.open(context, name.textValue(), ref.path("maxsize").asInt(0));
        } catch (IllegalArgumentException badName) {
            throw new BadArgumentsException("queue reference: " + badName.getMessage());
        }
    }
}
