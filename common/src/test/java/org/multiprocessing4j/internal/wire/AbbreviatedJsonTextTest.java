package org.multiprocessing4j.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The submitted event's argument text: the whole JSON when short, its first characters and "..." when not. */
class AbbreviatedJsonTextTest {
    @Test
    void shortArgumentsAreWrittenWhole() {
        assertEquals("[\"林一\",18,{\"a\":[true,null]}]", ValueCodec.toJsonTextAbbreviated(
                ValueCodec.toJsonList(List.of("林一", 18, Map.of("a", java.util.Arrays.asList(true, null)))), 300));
    }

    @Test
    void longArgumentsKeepTheirStartAsTheFullTextCutAtTheLimitWould() {
        for (int size : new int[] {290, 297, 298, 300, 301, 5_000, 9_000, 1_000_000}) {
            List<com.fasterxml.jackson.databind.JsonNode> args = ValueCodec.toJsonList(List.of("x".repeat(size), 7));
            String full = ValueCodec.toJsonText(ValueCodec.nodes().arrayNode().addAll(args));
            String expected = full.length() > 300 ? full.substring(0, 297) + "..." : full;
            assertEquals(expected, ValueCodec.toJsonTextAbbreviated(args, 300), "string of " + size);
        }
    }
}
