package org.multiprocessing4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.errors.RemoteTaskException;
import org.multiprocessing4j.errors.TerminatedException;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.task.CallOptions;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/** Retries with backoff and delays, held by the broker (its delay levels), not by a worker. */
@BrokerTest
class RetriesAndDelaysTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static Cluster cluster;
    private static Multiprocessing mp;

    @BeforeAll
    static void start(TestBroker broker) {
        cluster = new Cluster(broker).start(2, 8);
        mp = cluster.connect();
    }

    @AfterAll
    static void stop() {
        mp.close();
        cluster.close();
    }

    @Test
    void aTaskFailingTwiceThenSucceedingReturnsOnceOnAttemptThreeAfterTheBackoff() {
        CallOptions options = CallOptions.defaults().retries(3).retryOn(IOException.class)
                .retryBackoff(new CallOptions.Backoff(Duration.ofMillis(500), Duration.ofSeconds(5), 2.0, 0));
        Call<Object> call = Call.of("flaky", 2).with(options);
        List<OutputLine> lines = new CopyOnWriteArrayList<>();
        try (Multiprocessing own = cluster.connect(lines::add)) {
            AsyncResult<Object> result = own.pool(2).applyAsync(call);
            assertEquals(3, ((Number) result.get(WAIT)).intValue(), "the caller sees one result: the last attempt's");
        }
        List<Long> starts = new ArrayList<>();
        for (OutputLine line : lines) {
            if (line.text().startsWith("attempt ")) {
                starts.add(Long.parseLong(line.text().substring(line.text().lastIndexOf(' ') + 1)));
            }
        }
        assertEquals(3, starts.size(), "each attempt's line, once: " + lines);
        long firstGap = starts.get(1) - starts.get(0);
        long secondGap = starts.get(2) - starts.get(1);
        System.out.printf("retries: attempts at +0, +%d ms, +%d ms (backoff 500 ms then 1000 ms, held by the broker)%n",
                firstGap, firstGap + secondGap);
        assertTrue(firstGap >= 500 && secondGap >= 1000, "no attempt before its backoff: " + firstGap + ", " + secondGap);
        assertEquals(List.of(1, 2, 3), lines.stream().filter(l -> l.text().startsWith("attempt ")).map(OutputLine::attempt).toList());
    }

    @Test
    void onlyTheNamedExceptionTypesAreRetriedAndTheLastFailureReachesTheCaller() {
        // IllegalStateException is not IOException: no retry, the first failure is the result
        Call<Object> notRetried = Call.of("fail", "no").with(CallOptions.defaults().retries(5).retryOn(IOException.class));
        RemoteTaskException once = assertThrows(RemoteTaskException.class, () -> mp.pool(1).apply(notRetried));
        assertEquals("java.lang.IllegalStateException", once.remoteType());
        // retries run out: the last attempt's error
        Call<Object> exhausted = Call.of("flaky", 10).with(CallOptions.defaults().retries(2).retryOn(IOException.class)
                .retryBackoff(new CallOptions.Backoff(Duration.ofMillis(100), Duration.ofMillis(100), 1.0, 0)));
        RemoteTaskException last = assertThrows(RemoteTaskException.class, () -> mp.pool(1).apply(exhausted));
        assertEquals("transient failure on attempt 3", last.remoteMessage());
    }

    @Test
    void aCountdownStartsTheJobNoSoonerThanItsTime() {
        Instant before = Instant.now();
        long started = ((Number) mp.pool(1).apply(Call.of("started_at").with(CallOptions.defaults()
                .countdown(Duration.ofSeconds(2))))).longValue();
        long late = started - before.plusSeconds(2).toEpochMilli();
        System.out.println("countdown 2 s: started " + late + " ms after its time");
        assertTrue(late >= 0, "started " + (-late) + " ms early");
    }

    @Test
    void aThousandDelayedJobsStartAtTheirTimeAndTheSpreadIsMeasured() {
        Pool pool = mp.pool();
        Instant eta = Instant.now().plusSeconds(4);
        List<AsyncResult<Object>> results = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            results.add(pool.applyAsync(Call.of("started_at", i).with(CallOptions.defaults().eta(eta))));
        }
        List<Long> lateness = new ArrayList<>();
        for (AsyncResult<Object> result : results) {
            lateness.add(((Number) result.get(WAIT)).longValue() - eta.toEpochMilli());
        }
        Collections.sort(lateness);
        System.out.printf("1,000 jobs with one eta: started from %d to %d ms after it (median %d, p99 %d)%n",
                lateness.get(0), lateness.get(999), lateness.get(500), lateness.get(990));
        assertTrue(lateness.get(0) >= 0, "a job started " + (-lateness.get(0)) + " ms before its eta");
    }

    @Test
    void aLongDelayDoesNotHoldBackAShortOneSentAfterIt() {
        Pool pool = mp.pool();
        AsyncResult<Object> longOne = pool.applyAsync(Call.of("started_at", "long").with(CallOptions.defaults()
                .countdown(Duration.ofSeconds(20))));
        long sent = System.currentTimeMillis();
        long shortStarted = ((Number) pool.apply(Call.of("started_at", "short").with(CallOptions.defaults()
                .countdown(Duration.ofSeconds(1))))).longValue();
        System.out.println("a 1 s countdown sent after a 20 s one started " + (shortStarted - sent) + " ms after it was sent");
        assertTrue(!longOne.ready(), "the long one is still waiting");
        pool.terminate(); // cancels the delayed one too
        assertThrows(TerminatedException.class, () -> longOne.get(WAIT));
    }
}
