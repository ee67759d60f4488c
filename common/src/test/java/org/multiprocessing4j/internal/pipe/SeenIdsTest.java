package org.multiprocessing4j.internal.pipe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeenIdsTest {

    @Test
    void aSendMadeTwiceIsReadOnceAndMessagesWithoutAnIdAlwaysPass() {
        SeenIds seen = new SeenIds();
        assertTrue(seen.firstTime("a"));
        assertTrue(seen.firstTime("b"));
        assertFalse(seen.firstTime("a"), "the same id again: the second copy of one send");
        assertTrue(seen.firstTime(null));
        assertTrue(seen.firstTime(null), "no id: nothing to compare");
    }

    @Test
    void onlyTheLastThousandIdsAreKept() {
        SeenIds seen = new SeenIds();
        for (int i = 0; i <= 1_000; i++) {
            assertTrue(seen.firstTime("id-" + i));
        }
        assertTrue(seen.firstTime("id-0"), "the oldest id was let go (bounded memory)");
        assertFalse(seen.firstTime("id-1000"));
    }
}
