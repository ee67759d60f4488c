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
        for (String name = nextField(p); name != null; name = nextField(p)) {
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
                case "options" -> options = Scalars.isNull(p) ? null : OPTIONS.readValue(p);
                case "attempt" -> attempt = optionalInt(p, name);
                default -> p.skipChildren();
            }
        }
        return new JobMessage(v, id, task, kind, args, kwargs, chunk, fields, processName, reportStart, submittedAt,
                options, attempt);
    }

    private static ResultReply result(JsonParser p) throws IOException {
        ReplyHead head = new ReplyHead();
        ResultReply.Outcome outcome = null;
        JsonNode value = null;
        RemoteError error = null;
        long elapsedMs = 0;
        for (String name = nextField(p); name != null; name = nextField(p)) {
            switch (name) {
                case "outcome" -> outcome = Scalars.isNull(p) ? null
                        : known(WireNames.outcome(Scalars.string(p, name)), p, name);
                case "value" -> value = JsonTrees.read(p);
                case "error" -> error = Scalars.isNull(p) ? null : ERROR.readValue(p);
                case "elapsedMs" -> elapsedMs = Scalars.longValue(p, name);
                default -> head.readOrSkip(p, name);
            }
        }
        return new ResultReply(head.v, head.id, outcome, value, error, head.worker, elapsedMs);
    }

    private static OutputReply output(JsonParser p) throws IOException {
        ReplyHead head = new ReplyHead();
        String line = null;
        long seq = 0;
        Integer attempt = null;
        for (String name = nextField(p); name != null; name = nextField(p)) {
            switch (name) {
                case "seq" -> seq = Scalars.longValue(p, name);
                case "line" -> line = Scalars.string(p, name);
                case "attempt" -> attempt = optionalInt(p, name);
                default -> head.readOrSkip(p, name);
            }
        }
        return new OutputReply(head.v, head.id, seq, line, head.worker, attempt);
    }

    private static StartedReply started(JsonParser p) throws IOException {
        ReplyHead head = new ReplyHead();
        int attempt = 0;
        for (String name = nextField(p); name != null; name = nextField(p)) {
            if (name.equals("attempt")) {
                attempt = Scalars.intValue(p, name);
            } else {
                head.readOrSkip(p, name);
            }
        }
        return new StartedReply(head.v, head.id, head.worker, attempt);
    }

    private static ProgressReply progress(JsonParser p) throws IOException {
        ReplyHead head = new ReplyHead();
        long done = 0, total = 0;
        Integer attempt = null;
        for (String name = nextField(p); name != null; name = nextField(p)) {
            switch (name) {
                case "done" -> done = Scalars.longValue(p, name);
                case "total" -> total = Scalars.longValue(p, name);
                case "attempt" -> attempt = optionalInt(p, name);
                default -> head.readOrSkip(p, name);
            }
        }
        return new ProgressReply(head.v, head.id, done, total, head.worker, attempt);
    }

    /**
     * The fields every reply carries (version, job id, worker), read alike whatever the reply's kind;
     * a field that is neither these nor one of the kind's own is skipped, as databind skipped it.
     */
    private static final class ReplyHead {
        int v;
        String id;
        WorkerRef worker;

        void readOrSkip(JsonParser p, String name) throws IOException {
            switch (name) {
                case "v" -> v = Scalars.intValue(p, name);
                case "id" -> id = Scalars.string(p, name);
                case "worker" -> worker = worker(p);
                default -> p.skipChildren();
            }
        }
    }

    /** The next field's name with the parser moved onto its value, null at the end of the object. */
    private static String nextField(JsonParser p) throws IOException {
        String name = p.nextFieldName();
        if (name != null) {
            p.nextToken();
        }
        return name;
    }

    /** A whole number that may be absent: JSON null stays null here rather than 0. */
    private static Integer optionalInt(JsonParser p, String field) throws IOException {
        return Scalars.isNull(p) ? null : Scalars.intValue(p, field);
    }

    private static WorkerRef worker(JsonParser p) throws IOException {
        if (Scalars.isNull(p)) {
            return null;
        }
        Scalars.expect(p, JsonToken.START_OBJECT, "worker");
        String name = null, host = null;
        long pid = 0;
        for (String field = nextField(p); field != null; field = nextField(p)) {
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
        for (String name = nextField(p); name != null; name = nextField(p)) {
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
