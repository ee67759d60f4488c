package org.multiprocessing4j.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.errors.EncodingException;

/**
 * The streaming envelope codec (EnvelopeWriter/EnvelopeReader) against databind, which wrote and
 * read these records before it: for every per-task message kind, with the fields set and unset, the
 * JSON is the same tree and each side reads the other's bytes to an equal record.
 */
class StreamingEnvelopeTest {
    private static final WorkerRef W = new WorkerRef("w1", "node-a", 4242);
    private static final JsonNode VALUE = ValueCodec.toJson(Arrays.asList("林一", 18, 3_000_000_000L, 2.5, true, null,
            Map.of("nested", List.of(Map.of())), new BigInteger("123456789012345678901234567890"), List.of()));

    private static List<Object> messages() {
        Map<String, JsonNode> kwargs = new LinkedHashMap<>();
        kwargs.put("x", VALUE);
        kwargs.put("none", ValueCodec.toJson(null));
        JobOptions options = new JobOptions(3, List.of("java.io.IOException"), 100L, 2000L, 2.0, 0.1, 5L, 6L, 7L, 8L,
                "gpu", "high", null);
        List<Object> all = new ArrayList<>();
        all.add(JobMessage.call("id-1", "square", List.of(VALUE), kwargs, "Process-1", 17));
        all.add(JobMessage.call("id-2", "square", List.of(), Map.of(), null, 0).withOptions(options).nextAttempt());
        all.add(JobMessage.chunk("id-3", "square", List.of(List.of(VALUE), List.of()), 1));
        all.add(JobMessage.processClass("id-4", "ClockProcess", kwargs, "Process-2", 2));
        all.add(new JobMessage(1, null, null, null, null, null, null, null, null, null, 0, null, null));
        all.add(ResultReply.ok("id-1", VALUE, W, 3));
        all.add(ResultReply.ok("id-1", ValueCodec.toJson(null), W, 3));
        all.add(ResultReply.error("id-1", RemoteError.of(new IllegalStateException("bad", new RuntimeException())), W, 3));
        all.add(ResultReply.stopped("id-1", ResultReply.Outcome.KILLED, null, 0));
        all.add(new ResultReply(1, "id", ResultReply.Outcome.OK, null, null, new WorkerRef(null, null, 0), 0));
        all.add(OutputReply.of("id-1", 7, "一行 \"quoted\"\n", W, 1));
        all.add(OutputReply.of("id-1", 8, null, null, 3));
        all.add(StartedReply.of("id-1", W, 2));
        all.add(new StartedReply(1, null, null, 1));
        all.add(ProgressReply.of("id-1", 5, 10, W, 1));
        all.add(ProgressReply.of("id-1", 5, 10, W, 4));
        return all;
    }

    @Test
    void everyPerTaskMessageEncodesToTheTreeDatabindWrites() throws IOException {
        for (Object message : messages()) {
            assertEquals(Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(message)),
                    Json.MAPPER.readTree(WireCodec.encode(message)), message.toString());
        }
    }

    @Test
    void everyPerTaskMessageReadsBackAsDatabindReadsIt() throws IOException {
        for (Object message : messages()) {
            byte[] bytes = WireCodec.encode(message);
            assertEquals(Json.MAPPER.readValue(bytes, message.getClass()), EnvelopeReader.read(bytes, message.getClass()),
                    message.toString());
            assertEquals(message, EnvelopeReader.read(Json.MAPPER.writeValueAsBytes(message), message.getClass()));
        }
    }

    @Test
    void aFieldOfTheWrongShapeIsRefusedNamingTheField() {
        EncodingException e = assertThrows(EncodingException.class, () -> WireCodec.decodeJob(
                "{\"v\":1,\"id\":\"x\",\"task\":\"t\",\"kind\":\"call\",\"args\":{}}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("job is not valid: field 'args' should be a list, found {", e.getMessage());
        e = assertThrows(EncodingException.class, () -> WireCodec.decodeJob(
                "{\"v\":1,\"id\":\"x\",\"task\":\"t\",\"kind\":\"teleport\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("job is not valid: unknown kind 'teleport'", e.getMessage());
        e = assertThrows(EncodingException.class, () -> WireCodec.decodeReply(MessageType.RESULT,
                "{\"v\":1,\"id\":\"x\",\"outcome\":\"ok\",\"value\":[1,".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("result reply is not valid: "), e.getMessage());
    }
}
