package org.multiprocessing4j.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.errors.PoisonTaskException;
import org.multiprocessing4j.errors.UnknownTaskException;
import org.multiprocessing4j.internal.shared.SharedHandle;
import org.multiprocessing4j.internal.wire.ResultReply.Outcome;

/**
 * The wire format is pinned by the JSON files under test resources/golden, which docs/PROTOCOL.md
 * quotes. Each test builds the message the way the code does and checks it encodes to exactly the
 * golden JSON (as a tree: key order and spacing are free) and decodes back to an equal record.
 * A failure here means the protocol changed: update PROTOCOL.md and the version rules deliberately.
 */
class GoldenWireSamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WorkerRef W1 = new WorkerRef("w1", "node-a", 4242);
    private static final long AT = 1795799650025L;

    @Test
    void aCallJobCarriesArgsKwargsAndTheProcessName() throws IOException {
        JobMessage job = JobMessage.call("5f0c3b1e-8a4e-4c59-9f7a-2d6d1b7c9e01", "run_proc",
                ValueCodec.toJsonList(List.of("林一", 18)), ValueCodec.toJsonMap(Map.of("林三", 16)), "Process-1", AT);
        assertMatchesGolden("job-call.json", job);
        assertEquals(job, WireCodec.decodeJob(golden("job-call.json")));
    }

    @Test
    void aPoolCallJobHasNoProcessNameAndAsksForNoStartedReply() throws IOException {
        JobMessage job = JobMessage.call("2a6b8c0d-4e1f-4a2b-9c3d-5e6f7a8b9c0d", "square",
                ValueCodec.toJsonList(List.of(7)), ValueCodec.toJsonMap(Map.of()), null, AT);
        assertMatchesGolden("job-pool-call.json", job);
        assertEquals(job, WireCodec.decodeJob(golden("job-pool-call.json")));
        assertEquals(false, job.wantsStartReport());
    }

    @Test
    void aCallJobWithoutArgsOrKwargsDecodesAsEmptyOnes() throws IOException {
        ObjectNode bare = (ObjectNode) JSON.readTree(golden("job-pool-call.json"));
        bare.remove(List.of("args", "kwargs", "submittedAt"));
        JobMessage job = WireCodec.decodeJob(JSON.writeValueAsBytes(bare));
        assertEquals(List.of(), job.args());
        assertEquals(Map.of(), job.kwargs());
        assertEquals(0, job.submittedAt());
    }

    @Test
    void aJobOfAnotherVersionIsRefusedWithAnEncodingErrorNamingBothVersions() throws IOException {
        ObjectNode v2 = (ObjectNode) JSON.readTree(golden("job-call.json"));
        v2.put("v", 2);
        EncodingException refused = assertThrows(EncodingException.class,
                () -> WireCodec.decodeJob(JSON.writeValueAsBytes(v2)));
        assertEquals("job uses protocol version 2; this side speaks version 1", refused.getMessage());
    }

    @Test
    void unknownFieldsAreIgnored() throws IOException {
        ObjectNode newer = (ObjectNode) JSON.readTree(golden("job-pool-call.json"));
        newer.put("priority", 5);
        assertEquals(WireCodec.decodeJob(golden("job-pool-call.json")), WireCodec.decodeJob(JSON.writeValueAsBytes(newer)));
    }

    @Test
    void aChunkJobCarriesOneArgumentListPerCall() throws IOException {
        JobMessage job = JobMessage.chunk("0b9a7c52-3f0e-4a8e-b1f4-5b2a4f0d6c11", "square",
                List.of(ValueCodec.toJsonList(List.of(1)), ValueCodec.toJsonList(List.of(2)), ValueCodec.toJsonList(List.of(3))), AT);
        assertMatchesGolden("job-chunk.json", job);
        assertEquals(job, WireCodec.decodeJob(golden("job-chunk.json")));
    }

    @Test
    void aProcessClassJobCarriesTheInstanceFields() throws IOException {
        JobMessage job = JobMessage.processClass("9d2e6f4a-1c3b-4e5d-8f7a-6b5c4d3e2f10", "ClockProcess",
                ValueCodec.toJsonMap(Map.of("interval", 2)), "Process-1", AT);
        assertMatchesGolden("job-process-class.json", job);
        assertEquals(job, WireCodec.decodeJob(golden("job-process-class.json")));
    }

    @Test
    void aQueueArgumentTravelsAsAReference() throws IOException {
        Handle queue = new Handle("queue", "anon.6a1b", 0);
        JobMessage job = JobMessage.call("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f", "write",
                ValueCodec.toJsonList(List.of(queue)), ValueCodec.toJsonMap(Map.of()), "Process-1", AT);
        assertMatchesGolden("job-with-queue-argument.json", job);
        JobMessage decoded = WireCodec.decodeJob(golden("job-with-queue-argument.json"));
        Object opened = ValueCodec.toJava(decoded.args().get(0),
                (kind, ref) -> new Handle(kind, ref.get("name").asText(), ref.get("maxsize").asInt()));
        assertEquals(queue, opened);
    }

    @Test
    void aQueueItemIsTheBareJsonValue() throws IOException {
        Map<String, Object> item = new java.util.LinkedHashMap<>();
        item.put("msg", "消息1");
        item.put("n", Arrays.asList(1, 2.5, null, true));
        assertEquals(JSON.readTree(golden("queue-item.json")), JSON.readTree(ValueCodec.encodeValue(item)));
        assertEquals(item, ValueCodec.toJava(ValueCodec.parse(golden("queue-item.json")), null));
    }

    @Test
    void aPingIsAnEmptyObjectWithoutVersion() throws IOException {
        // The body is written by the producer's WorkerPing ("{}") and never read by a worker.
        JsonNode ping = ValueCodec.parse(golden("ping.json"));
        assertTrue(ping.isObject() && ping.isEmpty(), "ping.json is {}");
    }

    @Test
    void repliesMatchTheirGoldenSamples() throws IOException {
        String id = "5f0c3b1e-8a4e-4c59-9f7a-2d6d1b7c9e01";
        check("reply-started.json", MessageType.STARTED, StartedReply.of(id, W1, 1));
        check("reply-output.json", MessageType.OUTPUT,
                OutputReply.of(id, 1, "子进程运行中,name=林一,age=18,kwargs={'林三': 16}", W1, 1));
        check("reply-result-ok.json", MessageType.RESULT, ResultReply.ok("0b9a7c52-3f0e-4a8e-b1f4-5b2a4f0d6c11",
                ValueCodec.toJson(List.of(1, 4, 9)), W1, 3));
        check("reply-result-terminated.json", MessageType.RESULT, ResultReply.stopped(id, Outcome.TERMINATED, W1, 1500));
        RemoteError error = new RemoteError("java.lang.IllegalStateException", "failed on purpose",
                List.of(new RemoteError.Frame("org.multiprocessing4j.worker.seed.SeedTasks", "lambda$register$7",
                        "SeedTasks.java", 80)),
                new RemoteError("java.io.IOException", "disk full", List.of(), null));
        check("reply-result-error.json", MessageType.RESULT,
                ResultReply.error("7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b", error, W1, 1));
    }

    @Test
    void aTaskThatReturnsNothingAnswersAnExplicitNull() throws IOException {
        check("reply-result-ok-none.json", MessageType.RESULT,
                ResultReply.ok("5f0c3b1e-8a4e-4c59-9f7a-2d6d1b7c9e01", ValueCodec.toJson(null), W1, 3004));
        check("reply-result-killed.json", MessageType.RESULT,
                ResultReply.stopped("5f0c3b1e-8a4e-4c59-9f7a-2d6d1b7c9e01", Outcome.KILLED, W1, 0));
    }

    @Test
    void refusedAndDeadLetteredJobsAreAnsweredWithTypedErrors() throws IOException {
        check("reply-result-unknown-task.json", MessageType.RESULT,
                ResultReply.error("8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b", RemoteError.of(UnknownTaskException.class.getName(),
                        "no task named 'nope' on worker w1; it has: square"), W1, 0));
        // A dead-lettered job was answered by no worker that ran it: no "worker" field.
        check("reply-result-dead-lettered.json", MessageType.RESULT,
                ResultReply.error("6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f", RemoteError.of(PoisonTaskException.class.getName(),
                        "task 'crash' was delivered 4 times and each time the worker running it died or lost its "
                                + "connection; it was dead-lettered (delivery_limit) and kept in mp4j.dead.letters"),
                        null, 0));
    }

    @Test
    void cancellationsAndWorkerInfoMatchTheirGoldenSamples() throws IOException {
        CancelMessage cancel = CancelMessage.of("5f0c3b1e-8a4e-4c59-9f7a-2d6d1b7c9e01", CancelMessage.Signal.TERMINATE, AT);
        assertMatchesGolden("cancel.json", cancel);
        assertEquals(cancel, WireCodec.decodeCancel(golden("cancel.json")));
        WorkerInfo info = new WorkerInfo(1, W1, 2, 1, 17, List.of("func", "worker"), AT, null);
        assertMatchesGolden("worker-info.json", info);
        assertEquals(info, WireCodec.decodeWorkerInfo(golden("worker-info.json")));
    }

    private void check(String file, String type, Reply reply) throws IOException {
        assertMatchesGolden(file, reply);
        assertEquals(reply, WireCodec.decodeReply(type, golden(file)));
    }

    private static void assertMatchesGolden(String file, Object message) throws IOException {
        JsonNode expected = JSON.readTree(golden(file));
        JsonNode actual = JSON.readTree(WireCodec.encode(message));
        assertEquals(expected, actual, file + " differs from what the code writes:\n" + actual.toPrettyString());
    }

    static byte[] golden(String file) throws IOException {
        try (InputStream in = GoldenWireSamplesTest.class.getResourceAsStream("/golden/" + file)) {
            if (in == null) {
                throw new IOException("missing golden sample " + file);
            }
            return in.readAllBytes();
        }
    }

    /** Stands in for a live queue: records which reference was opened. */
    /** Stands in for a live queue handle: written as its reference, and what an opened reference becomes. */
    private record Handle(String kind, String name, int maxsize) implements SharedHandle {
        @Override
        public String sharedKind() {
            return kind;
        }

        @Override
        public ObjectNode sharedRef() {
            return ValueCodec.nodes().objectNode().put("name", name).put("maxsize", maxsize);
        }
    }
}
