package org.multiprocessing4j.internal.pipe;

import com.fasterxml.jackson.databind.JsonNode;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.shared.SharedKind;
import org.multiprocessing4j.pipe.Connection;

/**
 * Pipe ends as a shared-object kind: {@code {"__mp4j_pipe_end__": {"id": "...", "end": 1, "duplex": true}}}.
 * Opening one checks nothing on the broker: a pipe deleted meanwhile shows as BrokenPipe on send.
 */
public final class PipeKind implements SharedKind<Connection> {
    public static final String NAME = "pipe_end";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<Connection> handleType() {
        return Connection.class;
    }

    @Override
    public Connection open(JsonNode ref, SharedContext context) {
        return new AmqpPipeEnd(context, PipeEndRef.parse(ref));
    }
}
