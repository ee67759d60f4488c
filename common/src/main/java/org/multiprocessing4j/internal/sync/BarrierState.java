package org.multiprocessing4j.internal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.multiprocessing4j.internal.wire.ValueCodec;

/**
 * A barrier's state message: the generation (how many times it has passed or been reset), how many
 * parties wait in it, whether it is broken, and how the previous generation ended (for a waiter
 * that missed the notice while its link was down).
 */
record BarrierState(long gen, int count, boolean broken, String lastEnd) {
    static final String PASSED = "passed";
    static final String BROKEN = "broken";
    static final String RESET = "reset";
    static final String DIED = "died";
    /** Every party arrived at a barrier whose action lives in its creator's handle: the creator runs it and passes. */
    static final String READY = "ready";

    static BarrierState initial() {
        return new BarrierState(0, 0, false, "");
    }

    static BarrierState parse(byte[] body) {
        JsonNode node = ValueCodec.parse(body);
        return new BarrierState(node.path("gen").asLong(), node.path("count").asInt(), node.path("broken").asBoolean(),
                node.path("last_end").asText(""));
    }

    byte[] toBytes() {
        return ValueCodec.nodes().objectNode().put("gen", gen).put("count", count).put("broken", broken)
                .put("last_end", lastEnd).toString().getBytes(StandardCharsets.UTF_8);
    }

    BarrierState arrived() {
        return new BarrierState(gen, count + 1, broken, lastEnd);
    }

    BarrierState broke() {
        return new BarrierState(gen, count, true, lastEnd);
    }

    /** The next generation, empty; {@code how} the one just ended ended. */
    BarrierState next(String how) {
        return new BarrierState(gen + 1, 0, false, how);
    }

    /** A notice to the barrier's exchange (and, for "died", a party's life token). */
    static byte[] notice(String event, long gen) {
        ObjectNode node = ValueCodec.nodes().objectNode().put("event", event).put("gen", gen);
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
