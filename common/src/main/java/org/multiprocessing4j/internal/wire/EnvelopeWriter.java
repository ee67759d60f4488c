package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes the messages sent once or more per task (a job; its started, output, progress and result
 * replies) field by field on Jackson's streaming generator, in the records' field order and with
 * their rule that a null field is left out: the same JSON databind writes (GoldenWireSamplesTest
 * pins it), without databind's per-message setup. The rare parts (options, an error) still go
 * through databind, inside the same generator.
 */
final class EnvelopeWriter {
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private EnvelopeWriter() {
    }

    /** The message as JSON, or null when it is not one of the kinds written here. */
    static byte[] write(Object message) throws IOException {
        if (message instanceof JobMessage job) {
            return bytes(g -> job(g, job));
        } else if (message instanceof ResultReply result) {
            return bytes(g -> result(g, result));
        } else if (message instanceof OutputReply output) {
            return bytes(g -> output(g, output));
        } else if (message instanceof StartedReply started) {
            return bytes(g -> started(g, started));
        } else if (message instanceof ProgressReply progress) {
            return bytes(g -> progress(g, progress));
        }
        return null;
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** As ObjectMapper.writeValueAsBytes does it: pooled buffers, handed back (a builder is not closed by close()). */
    private static byte[] bytes(Body body) throws IOException {
        BufferRecycler recycler = FACTORY._getBufferRecycler();
        try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                g.setCodec(Json.MAPPER);
                g.writeStartObject();
                body.write(g);
                g.writeEndObject();
            }
            return out.getClearAndRelease();
        } finally {
            recycler.releaseToPool();
        }
    }

    private static void job(JsonGenerator g, JobMessage job) throws IOException {
        g.writeNumberField("v", job.v());
        stringField(g, "id", job.id());
        stringField(g, "task", job.task());
        if (job.kind() != null) {
            g.writeStringField("kind", WireNames.of(job.kind()));
        }
        if (job.args() != null) {
            g.writeFieldName("args");
            array(g, job.args());
        }
        if (job.kwargs() != null) {
            g.writeFieldName("kwargs");
            object(g, job.kwargs());
        }
        if (job.chunk() != null) {
            g.writeArrayFieldStart("chunk");
            for (List<JsonNode> call : job.chunk()) {
                array(g, call);
            }
            g.writeEndArray();
        }
        if (job.fields() != null) {
            g.writeFieldName("fields");
            object(g, job.fields());
        }
        stringField(g, "processName", job.processName());
        if (job.reportStart() != null) {
            g.writeBooleanField("reportStart", job.reportStart());
        }
        g.writeNumberField("submittedAt", job.submittedAt());
        if (job.options() != null) {
            g.writeObjectField("options", job.options());
        }
        if (job.attempt() != null) {
            g.writeNumberField("attempt", job.attempt());
        }
    }

    private static void result(JsonGenerator g, ResultReply result) throws IOException {
        g.writeNumberField("v", result.v());
        stringField(g, "id", result.id());
        if (result.outcome() != null) {
            g.writeStringField("outcome", WireNames.of(result.outcome()));
        }
        if (result.value() != null) {
            g.writeFieldName("value");
            JsonTrees.write(g, result.value());
        }
        if (result.error() != null) {
            g.writeObjectField("error", result.error());
        }
        worker(g, result.worker());
        g.writeNumberField("elapsedMs", result.elapsedMs());
    }

    private static void output(JsonGenerator g, OutputReply output) throws IOException {
        g.writeNumberField("v", output.v());
        stringField(g, "id", output.id());
        g.writeNumberField("seq", output.seq());
        stringField(g, "line", output.line());
        worker(g, output.worker());
        if (output.attempt() != null) {
            g.writeNumberField("attempt", output.attempt());
        }
    }

    /** StartedReply has no null-omitting rule: databind wrote a null id or worker as null. */
    private static void started(JsonGenerator g, StartedReply started) throws IOException {
        g.writeNumberField("v", started.v());
        g.writeFieldName("id");
        g.writeString(started.id());
        if (started.worker() == null) {
            g.writeNullField("worker");
        } else {
            worker(g, started.worker());
        }
        g.writeNumberField("attempt", started.attempt());
    }

    private static void progress(JsonGenerator g, ProgressReply progress) throws IOException {
        g.writeNumberField("v", progress.v());
        stringField(g, "id", progress.id());
        g.writeNumberField("done", progress.done());
        g.writeNumberField("total", progress.total());
        worker(g, progress.worker());
        if (progress.attempt() != null) {
            g.writeNumberField("attempt", progress.attempt());
        }
    }

    /** WorkerRef has no null-omitting rule of its own: its null fields are written as null. */
    private static void worker(JsonGenerator g, WorkerRef worker) throws IOException {
        if (worker == null) {
            return;
        }
        g.writeObjectFieldStart("worker");
        g.writeFieldName("name");
        g.writeString(worker.name());
        g.writeFieldName("host");
        g.writeString(worker.host());
        g.writeNumberField("pid", worker.pid());
        g.writeEndObject();
    }

    private static void array(JsonGenerator g, List<JsonNode> values) throws IOException {
        g.writeStartArray();
        for (JsonNode value : values) {
            JsonTrees.write(g, value);
        }
        g.writeEndArray();
    }

    private static void object(JsonGenerator g, Map<String, JsonNode> values) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> entry : values.entrySet()) {
            g.writeFieldName(entry.getKey());
            JsonTrees.write(g, entry.getValue());
        }
        g.writeEndObject();
    }

    private static void stringField(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
