package org.multiprocessing4j.internal.joinable;

import com.fasterxml.jackson.databind.JsonNode;
import org.multiprocessing4j.errors.BadArgumentsException;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.shared.SharedKind;
import org.multiprocessing4j.queue.JoinableQueue;

/** JoinableQueues as a shared-object kind: {@code {"__mp4j_joinable_queue__": {"name": "q"}}}; opened, never created. */
public final class JoinableKind implements SharedKind<JoinableQueue> {
    public static final String NAME = "joinable_queue";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<JoinableQueue> handleType() {
        return JoinableQueue.class;
    }

    @Override
    public JoinableQueue open(JsonNode ref, SharedContext context) {
        JsonNode name = ref.get("name");
        if (name == null || !name.isTextual()) {
            throw new BadArgumentsException("joinable queue reference without a name: " + ref);
        }
        try {
            return AmqpJoinableQueue.open(context, name.textValue());
        } catch (IllegalArgumentException badName) {
            throw new BadArgumentsException("joinable queue reference: " + badName.getMessage());
        }
    }
}
