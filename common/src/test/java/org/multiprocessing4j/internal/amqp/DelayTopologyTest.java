package org.multiprocessing4j.internal.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The routing keys docs/PROTOCOL.md section 9.3 shows, so a client in another language computes the same. */
class DelayTopologyTest {
    @Test
    void aDelayIsItsCountOf250MsUnitsInBinaryHighestLevelFirstThenTheTargetQueue() {
        assertEquals("0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.1.mp4j.jobs",
                DelayTopology.routingKey(Duration.ofMillis(1250), "mp4j.jobs"));
        assertEquals("0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.1.mp4j.jobs",
                DelayTopology.routingKey(Duration.ofMillis(1001), "mp4j.jobs"), "rounded up to whole units");
        assertEquals("0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.1.1.1.0.0.0.mp4j.jobs.gpu.high",
                DelayTopology.routingKey(Duration.ofSeconds(30), "mp4j.jobs.gpu.high"), "30 s = 120 units");
    }

    @Test
    void aDelayBeyondTheLevelsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> DelayTopology.routingKey(Duration.ofMillis(250L << DelayTopology.LEVELS), "mp4j.jobs"));
    }
}
