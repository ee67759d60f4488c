package org.multiprocessing4j.internal.simplequeue;

import com.fasterxml.jackson.databind.JsonNode;
import org.multiprocessing4j.errors.BadArgumentsException;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.shared.SharedKind;
import org.multiprocessing4j.queue.SimpleQueue;

/** SimpleQueues as a shared-object kind: {@code {"__mp4j_simple_queue__": {"name": "q"}}}; opened, never created. */
public final class SimpleQueueKind implements SharedKind<SimpleQueue> {
    public static final String NAME = "simple_queue";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SimpleQueue> handleType() {
        return SimpleQueue.class;
    }

    @Override
    public SimpleQueue open(JsonNode ref, SharedContext context) {
        JsonNode name = ref.get("name");
        if (name == null || !name.isTextual()) {
            throw new BadArgumentsException("simple queue reference without a name: " + ref);
        }
        try {
            return AmqpSimpleQueue.open(context, name.textValue());
        } catch (IllegalArgumentException badName) {
            throw new BadArgumentsException("simple queue reference: " + badName.getMessage());
        }
    }
}
