package org.multiprocessing4j.worker.internal.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.JobOptions;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.multiprocessing4j.task.CallOptions;

class RetryHookTest {

    @Test
    void theBackoffDoublesUpToItsMaximumAndJitterOnlyShortensIt() {
        CallOptions.Backoff exact = new CallOptions.Backoff(Duration.ofMillis(500), Duration.ofSeconds(3), 2.0, 0);
        assertEquals(List.of(500L, 1000L, 2000L, 3000L, 3000L), List.of(1, 2, 3, 4, 5).stream()
                .map(attempt -> RetryHook.delayBefore(exact, attempt).toMillis()).toList());
        CallOptions.Backoff jittery = new CallOptions.Backoff(Duration.ofMillis(1000), Duration.ofSeconds(3), 2.0, 0.5);
        for (int i = 0; i < 100; i++) {
            long ms = RetryHook.delayBefore(jittery, 1).toMillis();
            assertTrue(ms >= 500 && ms <= 1000, ms + " ms");
        }
    }

    @Test
    void retriedTypesMatchByTheNameOfAnyClassAboveTheFailure() {
        assertTrue(RetryHook.retried(new FileNotFoundException(), List.of("java.io.IOException")));
        assertFalse(RetryHook.retried(new IllegalStateException(), List.of("java.io.IOException")));
        assertFalse(RetryHook.retried(new IOException(), null));
    }

    @Test
    void optionsSurviveTheWireAndTheNextAttempt() {
        CallOptions options = CallOptions.defaults().retries(3).retryOn(IOException.class)
                .retryBackoff(new CallOptions.Backoff(Duration.ofMillis(500), Duration.ofSeconds(5), 2.0, 0));
        JobMessage job = JobMessage.call("id-1", "flaky", List.of(), java.util.Map.of(), null, 0)
                .withOptions(JobOptions.of(options));
        JobMessage again = WireCodec.decodeJob(WireCodec.encode(WireCodec.decodeJob(WireCodec.encode(job)).nextAttempt()));
        assertEquals(2, again.attemptOrFirst());
        assertEquals(1000, RetryHook.delayBefore(again.optionsOrDefaults().backoff(), again.attemptOrFirst()).toMillis());
    }
}
