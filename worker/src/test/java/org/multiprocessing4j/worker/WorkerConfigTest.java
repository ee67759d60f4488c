package org.multiprocessing4j.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.multiprocessing4j.connection.BrokerSettings;

/** The same limits hold for a worker built in code as for one started from the command line. */
class WorkerConfigTest {
    private final WorkerConfig defaults = WorkerConfig.defaults(BrokerSettings.defaults());

    @Test
    void refusesAConcurrencyAboveAThousand() {
        assertEquals(1000, defaults.withConcurrency(1000).concurrency());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> defaults.withConcurrency(1001));
        assertEquals("concurrency must be between 1 and 1000, got 1001", e.getMessage());
    }

    @Test
    void refusesANameWithALineBreakAndShowsItEscapedOnOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> defaults.withName("a\nb\u2028c"));
        assertEquals("worker name must not contain line breaks or control characters, got \"a\\nb\\u2028c\"", e.getMessage());
    }

    @Test
    void showsTheEndsOfALongNameOnly() {
        String name = "a".repeat(150) + "b".repeat(100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> defaults.withName(name));
        assertEquals("worker name must be at most 200 characters, got 250: \"" + "a".repeat(40) + "..." + "b".repeat(10) + "\"",
                e.getMessage());
    }
}
