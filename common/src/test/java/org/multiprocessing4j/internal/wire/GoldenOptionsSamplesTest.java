package org.multiprocessing4j.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.multiprocessing4j.internal.wire.GoldenWireSamplesTest.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.task.Priority;

/**
 * The golden samples of what the operations and observability work added to the protocol (docs/PROTOCOL.md
 * sections 9 and 10): a job's options, a retry's attempt number, the progress reply and the events
 * stream's batches. Same contract as {@link GoldenWireSamplesTest}: a failure is a protocol change.
 */
class GoldenOptionsSamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WorkerRef W1 = new WorkerRef("w1", "node-a", 4242);
    private static final long AT = 1795799650025L;
    private static final String ID = "7d1e2f30-4a5b-4c6d-8e9f-0a1b2c3d4e5f";

    @Test
    void aJobWithEveryOptionCarriesThemInOneObject() throws IOException {
        JobOptions options = new JobOptions(3, List.of("java.io.IOException"), 1000L, 600_000L, 2.0, 0.5,
                AT + 30_000, 60_000L, 90_000L, AT + 3_600_000, "gpu", Priority.HIGH.wireName(), null);
        JobMessage job = poolCall().withOptions(options);
        assertMatchesGolden("job-with-options.json", job);
        assertEquals(job, WireCodec.decodeJob(golden("job-with-options.json")));
    }

    @Test
    void aRetryIsTheSameJobWithItsAttemptNumberRaised() throws IOException {
        JobOptions options = new JobOptions(3, List.of("java.io.IOException"), null, null, null, null, null, null,
                null, null, null, null, null);
        JobMessage retry = poolCall().withOptions(options).nextAttempt();
        assertMatchesGolden("job-retry-attempt-2.json", retry);
        assertEquals(2, WireCodec.decodeJob(golden("job-retry-attempt-2.json")).attemptOrFirst());
    }

    @Test
    void progressSaysUnitsDoneOfTotalAndTheAttemptOnlyWhenNotTheFirst() throws IOException {
        ProgressReply progress = ProgressReply.of(ID, 3, 10, W1, 1);
        assertMatchesGolden("reply-progress.json", progress);
        assertEquals(progress, WireCodec.decodeReply(MessageType.PROGRESS, golden("reply-progress.json")));
    }

    @Test
    void anEventsBatchHoldsAJobsLifeInOrder() throws IOException {
        EventBatch batch = EventBatch.of(List.of(
                new JobEvent(JobEvent.SUBMITTED, ID, "square", AT, null, null, null, null, null, null, null, null, null,
                        "[7]", null),
                new JobEvent(JobEvent.STARTED, ID, "square", AT + 12, W1, null, null, null, null, null, null, null, null,
                        null, null),
                new JobEvent(JobEvent.OUTPUT, ID, "square", AT + 13, W1, null, 1L, "squaring 7", null, null, null, null,
                        null, null, null),
                new JobEvent(JobEvent.RETRIED, ID, "square", AT + 14, W1, null, null, null, null,
                        "java.io.IOException: flaky", 1000L, null, null, null, null),
                new JobEvent(JobEvent.FINISHED, ID, "square", AT + 1020, W1, 2, null, null, "ok", null, 5L, null, null,
                        null, null)));
        assertMatchesGolden("events-batch.json", batch);
        assertEquals(batch, WireCodec.decodeEvents(golden("events-batch.json")));
    }

    private static JobMessage poolCall() {
        return JobMessage.call(ID, "square", ValueCodec.toJsonList(List.of(7)), ValueCodec.toJsonMap(Map.of()), null, AT);
    }

    private static void assertMatchesGolden(String file, Object message) throws IOException {
        JsonNode expected = JSON.readTree(golden(file));
        JsonNode actual = JSON.readTree(WireCodec.encode(message));
        assertEquals(expected, actual, file + " differs from what the code writes:\n" + actual.toPrettyString());
    }
}
