package org.multiprocessing4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.errors.ExpiredException;
import org.multiprocessing4j.errors.RemoteTaskException;
import org.multiprocessing4j.errors.TimeLimitExceeded;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.task.CallOptions;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/** Soft and hard time limits, and expiry: a hung task never holds a worker's slot for ever. */
@BrokerTest
class TimeLimitsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static Cluster cluster;
    private static Multiprocessing mp;

    @BeforeAll
    static void start(TestBroker broker) {
        // one slot only: a slot that a hard limit did not free would block every later test
        cluster = new Cluster(broker).start(1, 1);
        mp = cluster.connect();
    }

    @AfterAll
    static void stop() {
        mp.close();
        cluster.close();
    }

    @Test
    void aSoftLimitInterruptsTheTaskWhichMayCatchItAndReturn() {
        Object result = mp.pool(1).apply(Call.of("nap", 30, true).with(CallOptions.defaults()
                .softTimeLimit(Duration.ofMillis(500))));
        assertEquals("cleaned up after the soft limit", result);
    }

    @Test
    void aSoftLimitTheTaskDoesNotCatchFailsItWithTimeLimitExceeded() {
        RemoteTaskException e = assertThrows(RemoteTaskException.class, () -> mp.pool(1).apply(Call.of("nap", 30, false)
                .with(CallOptions.defaults().softTimeLimit(Duration.ofMillis(500)))));
        assertEquals(TimeLimitExceeded.class.getName(), e.remoteType());
        assertTrue(e.remoteMessage().contains("soft time limit of 500 ms"), e.remoteMessage());
    }

    @Test
    void aHardLimitFailsTheAttemptAndFreesTheSlotEvenIfTheTaskIgnoresItsInterrupt() {
        long sent = System.nanoTime();
        RemoteTaskException e = assertThrows(RemoteTaskException.class, () -> mp.pool(1).apply(Call.of("stubborn", 20)
                .with(CallOptions.defaults().timeLimit(Duration.ofSeconds(1)))));
        long failedAfterMs = (System.nanoTime() - sent) / 1_000_000;
        assertEquals(TimeLimitExceeded.class.getName(), e.remoteType());
        assertTrue(e.remoteMessage().contains("time limit of 1000 ms"), e.remoteMessage());
        // The only slot is free although the stubborn thread still spins: the next task runs at once.
        long next = System.nanoTime();
        assertEquals(List.of(4L), List.of(((Number) mp.pool(1).apply("square", 2)).longValue()));
        System.out.printf("hard limit 1 s: the caller was told after %d ms; the next task on the same one-slot worker"
                + " finished %d ms later%n", failedAfterMs, (System.nanoTime() - next) / 1_000_000);
    }

    @Test
    void aJobNotStartedBeforeItsExpiryFailsWithoutRunning() {
        Pool pool = mp.pool(1);
        AsyncResult<Object> blocker = pool.applyAsync(Call.of("sleep", 2));
        AsyncResult<Object> expired = mp.pool().applyAsync(Call.of("started_at").with(CallOptions.defaults()
                .expires(Duration.ofMillis(500))));
        RemoteTaskException e = assertThrows(RemoteTaskException.class, () -> expired.get(WAIT));
        assertEquals(ExpiredException.class.getName(), e.remoteType());
        blocker.get(WAIT);
    }

    @Test
    void absurdOptionsAreRefusedBeforeAnythingIsSent() {
        CallOptions none = CallOptions.defaults();
        assertThrows(IllegalArgumentException.class, () -> none.retries(-1));
        assertThrows(IllegalArgumentException.class, () -> none.countdown(Duration.ofDays(3650)));
        assertThrows(IllegalArgumentException.class, () -> none.timeLimit(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> none.queue("GPU!"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> mp.pool(1).applyAsync(Call.of("square", 2).with(none.queue("nobody-takes-this"))));
        assertEquals("no queue 'nobody-takes-this': no worker takes it (start one with --queues nobody-takes-this)",
                unknown.getMessage());
        IllegalArgumentException retriesOfNothing = assertThrows(IllegalArgumentException.class,
                () -> mp.pool(1).applyAsync(Call.of("square", 2).with(none.retries(2))));
        assertTrue(retriesOfNothing.getMessage().startsWith("retries(2) needs retryOn(...)"), retriesOfNothing.getMessage());
    }
}
