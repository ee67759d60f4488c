package org.multiprocessing4j.internal.simplequeue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.multiprocessing4j.internal.queue.AmqpQueue;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.shared.SharedHandle;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.queue.SimpleQueue;

/** {@link SimpleQueue}: an unbounded {@link AmqpQueue} seen through Python's smaller interface. */
public final class AmqpSimpleQueue implements SimpleQueue, SharedHandle {
    private final AmqpQueue queue;

    private AmqpSimpleQueue(AmqpQueue queue) {
        this.queue = queue;
    }

    /** A new queue with a generated name, deleted when this handle closes; or the named one. */
    public static AmqpSimpleQueue create(SharedContext context, String name) {
        return new AmqpSimpleQueue(AmqpQueue.create(context, name, 0));
    }

    public static AmqpSimpleQueue open(SharedContext context, String name) {
        return new AmqpSimpleQueue(AmqpQueue.open(context, name, 0));
    }

    @Override
    public String name() {
        return queue.name();
    }

    @Override
    public void put(Object item) {
        queue.put(item);
    }

    @Override
    public Object get() {
        return queue.get();
    }

    @Override
    public boolean empty() {
        return queue.empty();
    }

    @Override
    public void close() {
        queue.close();
    }

    @Override
    public String sharedKind() {
        return SimpleQueueKind.NAME;
    }

    @Override
    public ObjectNode sharedRef() {
        return ValueCodec.nodes().objectNode().put("name", queue.name());
    }

    @Override
    public String toString() {
        return "SimpleQueue[" + name() + "]";
    }
}
