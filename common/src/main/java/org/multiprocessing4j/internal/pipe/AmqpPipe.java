package org.multiprocessing4j.internal.pipe;

import java.io.IOException;
import java.util.UUID;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.pipe.Connection;

/**
 * Makes a pipe: its inboxes (one per readable end) and its two ends. The creator keeps the pipe:
 * {@link #close()} (when its client closes) deletes the inboxes; ends elsewhere then see
 * BrokenPipe on send and the end of the pipe on recv.
 */
public final class AmqpPipe implements AutoCloseable {
    private final SharedContext context;
    private final String id;
    private final boolean duplex;
    private final Connection[] ends;

    private AmqpPipe(SharedContext context, String id, boolean duplex) {
        this.context = context;
        this.id = id;
        this.duplex = duplex;
        this.ends = new Connection[] {new AmqpPipeEnd(context, new PipeEndRef(id, 0, duplex)),
                new AmqpPipeEnd(context, new PipeEndRef(id, 1, duplex))};
    }

    /** Python's {@code Pipe(duplex)}: ends()[0] and ends()[1]; without duplex, 0 receives and 1 sends. */
    public static AmqpPipe create(SharedContext context, boolean duplex) {
        String id = UUID.randomUUID().toString();
        try {
            Channels.withTemporaryChannel(context.connection(), ch -> {
                context.topology().declareUserQueue(ch, PipeEndRef.inboxName(id, 0), 0);
                if (duplex) {
                    context.topology().declareUserQueue(ch, PipeEndRef.inboxName(id, 1), 0);
                }
                return null;
            });
        } catch (IOException e) {
            throw new ConnectionLostException("could not create a pipe: " + e.getMessage(), e);
        }
        return new AmqpPipe(context, id, duplex);
    }

    public Connection[] ends() {
        return ends.clone();
    }

    @Override
    public void close() {
        for (Connection end : ends) {
            ((AmqpPipeEnd) end).scopeReleaseQuietly();
        }
        if (!context.connection().isOpen()) {
            return;
        }
        try {
            Channels.withTemporaryChannel(context.connection(), ch -> {
                ch.queueDelete(context.topology().userQueue(PipeEndRef.inboxName(id, 0)));
                if (duplex) {
                    ch.queueDelete(context.topology().userQueue(PipeEndRef.inboxName(id, 1)));
                }
                return null;
            });
        } catch (IOException ignored) {
            // the inboxes expire a day after their last use anyway
        }
    }
}
