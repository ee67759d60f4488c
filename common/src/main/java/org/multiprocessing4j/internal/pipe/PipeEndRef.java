package org.multiprocessing4j.internal.pipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;
import org.multiprocessing4j.errors.BadArgumentsException;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.ValueCodec;

/**
 * Which end of which pipe: {@code {"id": "<uuid>", "end": 0, "duplex": true}}. End 0 reads the
 * pipe's inbox 0 and writes inbox 1; end 1 the other way round. {@code Pipe(false)}: end 0 only
 * receives, end 1 only sends, and there is no inbox 1. Inboxes are user queues named
 * {@code anon.pipe.<id>.<end>}, so they expire a day after their last use if their creator crashed.
 */
record PipeEndRef(String id, int end, boolean duplex) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    static PipeEndRef parse(JsonNode ref) {
        JsonNode id = ref.get("id");
        JsonNode end = ref.get("end");
        if (id == null || !id.isTextual() || !ID.matcher(id.textValue()).matches()
                || end == null || !end.isInt() || (end.intValue() != 0 && end.intValue() != 1)) {
            throw new BadArgumentsException("pipe end reference must name an id and an end 0 or 1, got: " + ref);
        }
        return new PipeEndRef(id.textValue(), end.intValue(), ref.path("duplex").asBoolean(true));
    }

    ObjectNode toJson() {
        return ValueCodec.nodes().objectNode().put("id", id).put("end", end).put("duplex", duplex);
    }

    boolean readable() {
        return duplex || end == 0;
    }

    boolean writable() {
        return duplex || end == 1;
    }

    static String inboxName(String id, int end) {
        return Topology.ANONYMOUS_QUEUE_PREFIX + "pipe." + id + "." + end;
    }

    String ownInbox() {
        return inboxName(id, end);
    }

    String peerInbox() {
        return inboxName(id, 1 - end);
    }
}
