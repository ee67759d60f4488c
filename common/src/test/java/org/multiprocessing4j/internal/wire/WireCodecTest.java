package org.multiprocessing4j.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.errors.EncodingException;

class WireCodecTest {

    @Test
    void aBodyThatIsNotJsonIsRefusedWithAReason() {
        EncodingException e = assertThrows(EncodingException.class, () -> WireCodec.decodeJob(bytes("not json {")));
        assertTrue(e.getMessage().startsWith("job is not valid"), e.getMessage());
    }

    @Test
    void aJobFromANewerProtocolVersionIsRefusedNotGuessed() {
        EncodingException e = assertThrows(EncodingException.class, () ->
                WireCodec.decodeJob(bytes("{\"v\":2,\"id\":\"x\",\"task\":\"t\",\"kind\":\"call\"}")));
        assertTrue(e.getMessage().contains("protocol version 2"), e.getMessage());
    }

    @Test
    void aJobWithoutTaskOrIdIsRefused() {
        assertThrows(EncodingException.class, () -> WireCodec.decodeJob(bytes("{\"v\":1,\"id\":\"x\",\"kind\":\"call\"}")));
        assertThrows(EncodingException.class, () -> WireCodec.decodeJob(bytes("{\"v\":1,\"task\":\"t\",\"kind\":\"call\"}")));
        assertThrows(EncodingException.class, () -> WireCodec.decodeJob(bytes("null")));
    }

    @Test
    void unknownFieldsFromANewerPeerAreIgnored() {
        JobMessage job = WireCodec.decodeJob(bytes(
                "{\"v\":1,\"id\":\"x\",\"task\":\"t\",\"kind\":\"call\",\"priority\":5}"));
        assertEquals("t", job.task());
        assertEquals(List.of(), job.args());
        assertEquals(Map.of(), job.kwargs());
    }

    @Test
    void aClassNameInAMessageIsNeverInstantiated() {
        // Default typing is off: a polymorphic type id is just a field that nobody reads.
        JobMessage job = WireCodec.decodeJob(bytes("{\"v\":1,\"id\":\"x\",\"task\":\"t\",\"kind\":\"call\","
                + "\"args\":[{\"@class\":\"java.lang.ProcessBuilder\",\"command\":[\"rm\"]}]}"));
        Object arg = ValueCodec.toJava(job.args().get(0), null);
        assertEquals(Map.of("@class", "java.lang.ProcessBuilder", "command", List.of("rm")), arg);
    }

    @Test
    void aReplyTypeIsChosenByTheAmqpTypePropertyOnly() {
        assertThrows(EncodingException.class, () -> WireCodec.decodeReply("java.lang.Runtime", bytes("{}")));
    }

    @Test
    void valuesRoundTripAsPlainJava() {
        Object value = Map.of("a", List.of(1, 2.5, true, "x"));
        assertEquals(value, ValueCodec.toJava(ValueCodec.toJson(value), null));
    }

    @Test
    void aValueThatCannotBeJsonFailsAtEncodingWithItsTypeAndPlace() {
        EncodingException e = assertThrows(EncodingException.class, () -> ValueCodec.toJson(new Object()));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
        e = assertThrows(EncodingException.class, () -> ValueCodec.toJson(Map.of("worker", List.of(1, new Thread()))));
        assertEquals("cannot send value[\"worker\"][1] of type java.lang.Thread: arguments, results and queue items are "
                + "JSON values: strings, numbers, booleans, null, lists, maps with string keys, records of these, and shared objects such as queues",
                e.getMessage());
        assertThrows(EncodingException.class, () -> ValueCodec.toJson(Map.of(1, "non-string key")));
        List<Object> cycle = new java.util.ArrayList<>();
        cycle.add(cycle);
        assertThrows(EncodingException.class, () -> ValueCodec.toJson(cycle));
    }

    record Point(int x, List<String> tags) {
    }

    @Test
    void recordsTravelAsObjects() {
        assertEquals(Map.of("x", 1, "tags", List.of("a")), ValueCodec.toJava(ValueCodec.toJson(new Point(1, List.of("a"))), null));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
