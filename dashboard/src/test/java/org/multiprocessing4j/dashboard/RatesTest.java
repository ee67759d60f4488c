package org.multiprocessing4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RatesTest {
    @Test
    void countsEndsPerSecondOverFifteenMinutesAndForgetsOlderOnes() {
        Rates rates = new Rates();
        long now = 1_000_000_000L;
        for (int i = 0; i < 10; i++) {
            rates.ended(now - 2_000, i < 3, now);          // 10 jobs ended 2 s ago, 3 of them failed
        }
        rates.ended(now - 901_000, false, now);             // older than the window: ignored
        rates.ended(now - 60_000, false, now);
        Rates.Series series = rates.series(now);
        assertEquals(Rates.SECONDS, series.finished().length);
        assertEquals(11, Arrays.stream(series.finished()).sum());
        assertEquals(3, Arrays.stream(series.failed()).sum());
        assertEquals(10, series.finished()[Rates.SECONDS - 3]);
        assertEquals(2.0, series.tasksPerSecond(), 1e-9, "10 over the last 5 full seconds");
        assertEquals(0.6, series.failuresPerSecond(), 1e-9);
        // 15 minutes later, all of it has left the window
        assertEquals(0, Arrays.stream(rates.series(now + 900_000).finished()).sum());
    }
}
