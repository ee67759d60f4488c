package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the per-task messages (a job; started, output, progress and result replies) field by field
 * from Jackson's streaming parser into their records, as databind did: unknown fields skipped, a
 * missing field null (0 for numbers), JSON null in a value NullNode. Options and errors, rare,
 * still go through databind. Checks of content (version, ids) stay in {@link WireCodec}.
 */
final class EnvelopeReader {
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();
    private static final ObjectReader OPTIONS = Json.MAPPER.readerFor(JobOptions.class);
    private static final ObjectReader ERROR = Json.MAPPER.readerFor(RemoteError.class);

    private EnvelopeReader() {
    }

    /** The record of {@code type} in {@code body}, null for a body that is JSON null. */
    @SuppressWarnings("unchecked")
    static <T> T read(byte[] body, Class<T> type) throws IOException {
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new IOException("no content");
            }
            if (first == JsonToken.VALUE_NULL) {
                return null;
            }
            if (first != JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object, found " + first);
            }
            Object record;
            if (type == JobMessage.class) {
                record = job(p);
            } else if (type == ResultReply.class) {
                record = result(p);
            } else if (type == OutputReply.class) {
                record = output(p);
            } else if (type == StartedReply.class) {
                record = started(p);
            } else if (type == ProgressReply.class) {
                record = progress(p);
            } else {
                throw new IllegalArgumentException("not a per-task message: " + type);
            }
            return (T) record; // what follows the object is ignored, as databind ignores it
        }
    }

    static boolean reads(Class<?> type) {
        return type == JobMessage.class || type == ResultReply.class || type == OutputReply.class
                || type == StartedReply.class || type == ProgressReply.class;
    }

    private static JobMessage job(JsonParser p) throws IOException {
        int v = 0;
        String id = null, task = null, processName = null;
        JobMessage.Kind kind = null;
        List<JsonNode> args = null;
        Map<String, JsonNode> kwargs = null, fields = null;
        List<List<JsonNode>> chunk = null;
        Boolean reportStart = null;
        long submittedAt = 0;
        JobOptions options = null;
        Integer attempt = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "v" -> v = Scalars.intValue(p, name);
                case "id" -> id = Scalars.string(p, name);
                case "task" -> task = Scalars.string(p, name);
                case "kind" -> kind = Scalars.isNull(p) ? null : known(WireNames.kind(Scalars.string(p, name)), p, name);
                case "args" -> args = Scalars.isNull(p) ? null : list(p, name);
                case "kwargs" -> kwargs = Scalars.isNull(p) ? null : map(p, name);
                case "chunk" -> chunk = Scalars.isNull(p) ? null : chunk(p);
                case "fields" -> fields = Scalars.isNull(p) ? null : map(p, name);
                case "processName" -> processName = Scalars.string(p, name);
                case "reportStart" -> reportStart = Scalars.bool(p, name);
                case "submittedAt" -> submittedAt = Scalars.longValue(p, name);
                case "options" -> options = token == JsonToken.VALUE_NULL ? null : OPTIONS.readValue(p);
                case "attempt" -> attempt = Scalars.isNull(p) ? null : Scalars.intValue(p, name);
                default -> p.skipChildren();
            }
        }
        return new JobMessage(v, id, task, kind, args, kwargs, chunk, fields, processName, reportStart, submittedAt,
                options, attempt);
    }

    private static ResultReply result(JsonParser p) throws IOException {
        int v = 0;
        String id = null;
        ResultReply.Outcome outcome = null;
        JsonNode value = null;
        RemoteError error = null;
        WorkerRef worker = null;
        long elapsedMs = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "v" -> v = Scalars.intValue(p, name);
                case "id" -> id = Scalars.string(p, name);
                case "outcome" -> outcome = Scalars.isNull(p) ? null
                        : known(WireNames.outcome(Scalars.string(p, name)), p, name);
                case "value" -> value = JsonTrees.read(p);
                case "error" -> error = token == JsonToken.VALUE_NULL ? null : ERROR.readValue(p);
                case "worker" -> worker = worker(p);
                case "elapsedMs" -> elapsedMs = Scalars.longValue(p, name);
                default -> p.skipChildren();
            }
        }
        return new ResultReply(v, id, outcome, value, error, worker, elapsedMs);
    }

    private static OutputReply output(JsonParser p) throws IOException {
        int v = 0;
        String id = null, line = null;
        long seq = 0;
        WorkerRef worker = null;
        Integer attempt = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            switch (name) {
                case "v" -> v = Scalars.intValue(p, name);
                case "id" -> id = Scalars.string(p, name);
                case "seq" -> seq = Scalars.longValue(p, name);
                case "line" -> line = Scalars.string(p, name);
                case "worker" -> worker = worker(p);
                case "attempt" -> attempt = Scalars.isNull(p) ? null : Scalars.intValue(p, name);
                default -> p.skipChildren();
            }
        }
        return new OutputReply(v, id, seq, line, worker, attempt);
    }

    private static StartedReply started(JsonParser p) throws IOException {
        int v = 0, attempt = 0;
        String id = null;
        WorkerRef worker = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            switch (name) {
                case "v" -> v = Scalars.intValue(p, name);
                case "id" -> id = Scalars.string(p, name);
                case "worker" -> worker = worker(p);
                case "attempt" -> attempt = Scalars.intValue(p, name);
                default -> p.skipChildren();
            }
        }
        return new StartedReply(v, id, worker, attempt);
    }

    private static ProgressReply progress(JsonParser p) throws IOException {
        int v = 0;
        String id = null;
        long done = 0, total = 0;
        WorkerRef worker = null;
        Integer attempt = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            switch (name) {
                case "v" -> v = Scalars.intValue(p, name);
                case "id" -> id = Scalars.string(p, name);
                case "done" -> done = Scalars.longValue(p, name);
                case "total" -> total = Scalars.longValue(p, name);
                case "worker" -> worker = worker(p);
                case "attempt" -> attempt = Scalars.isNull(p) ? null : Scalars.intValue(p, name);
                default -> p.skipChildren();
            }
        }
        return new ProgressReply(v, id, done, total, worker, attempt);
    }

    private static WorkerRef worker(JsonParser p) throws IOException {
        if (Scalars.isNull(p)) {
            return null;
        }
        Scalars.expect(p, JsonToken.START_OBJECT, "worker");
        String name = null, host = null;
        long pid = 0;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "name" -> name = Scalars.string(p, field);
                case "host" -> host = Scalars.string(p, field);
                case "pid" -> pid = Scalars.longValue(p, field);
                default -> p.skipChildren();
            }
        }
        return new WorkerRef(name, host, pid);
    }

    private static List<JsonNode> list(JsonParser p, String field) throws IOException {
        Scalars.expect(p, JsonToken.START_ARRAY, field);
        List<JsonNode> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(JsonTrees.read(p));
        }
        return values;
    }

    private static Map<String, JsonNode> map(JsonParser p, String field) throws IOException {
        Scalars.expect(p, JsonToken.START_OBJECT, field);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            values.put(name, JsonTrees.read(p));
        }
        return values;
    }

    private static List<List<JsonNode>> chunk(JsonParser p) throws IOException {
        Scalars.expect(p, JsonToken.START_ARRAY, "chunk");
        List<List<JsonNode>> calls = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            calls.add(Scalars.isNull(p) ? null : list(p, "chunk"));
        }
        return calls;
    }

    private static <E extends Enum<E>> E known(E value, JsonParser p, String field) throws IOException {
        if (value == null) {
            throw new IOException("unknown " + field + " '" + p.getText() + "'");
        }
        return value;
    }
}
