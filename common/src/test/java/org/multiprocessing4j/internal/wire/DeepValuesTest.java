package org.multiprocessing4j.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.errors.EncodingException;

/** Values nested too deeply are said to be that, in one short line (issue 16 item 7). */
class DeepValuesTest {

    @Test
    void jsonNestedTenThousandDeepIsTooDeeplyNestedNotInvalid() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        EncodingException e = assertThrows(EncodingException.class, () -> ValueCodec.parse(deep));
        assertEquals("JSON nested too deeply: more than 1000 levels of lists and objects", e.getMessage());
    }

    @Test
    void invalidJsonIsStillCalledInvalid() {
        EncodingException e = assertThrows(EncodingException.class, () -> ValueCodec.parse("[1,"));
        assertTrue(e.getMessage().startsWith("not valid JSON: "), e.getMessage());
    }

    @Test
    void aValueTooDeepToSendGetsAShortMessage() {
        List<Object> value = new ArrayList<>();
        List<Object> innermost = value;
        for (int i = 0; i < 600; i++) {
            List<Object> inner = new ArrayList<>();
            innermost.add(inner);
            innermost = inner;
        }
        EncodingException e = assertThrows(EncodingException.class, () -> ValueCodec.toJson(value));
        assertTrue(e.getMessage().contains("nested too deeply, more than 500 levels"), e.getMessage());
        assertFalse(e.getMessage().contains("cycle"), e.getMessage());
        assertTrue(e.getMessage().length() < 200, e.getMessage().length() + " characters: " + e.getMessage());
    }

    @Test
    void aCycleIsCalledACycle() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(List.of(1, cycle));
        EncodingException e = assertThrows(EncodingException.class, () -> ValueCodec.toJson(cycle));
        assertEquals("cannot send value[0][1]: it contains itself (a cycle)", e.getMessage());
    }
}
