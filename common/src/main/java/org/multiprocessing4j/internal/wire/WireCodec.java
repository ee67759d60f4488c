package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.queue.RemoteQueue;

/**
 * The one place where messages and values become bytes and back.
 *
 * <p>Decoding is strict about what matters (version, ids, task name) and tolerant of fields it
 * does not know, so a newer peer can add optional fields without breaking an older one.
 * Jackson's default typing is off and no type id is ever read from the wire.
 */
public final class WireCodec {
    private static final int MAX_STRING_LENGTH = 256 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new SimpleModule("mp4j-queue-refs").addSerializer(RemoteQueue.class, new QueueRefSerializer()))
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(MAX_STRING_LENGTH).build());
    }

    // Readers and the writer built once: ObjectMapper.readValue(bytes, Class) resolves the type on every call,
    // which showed up at the top of the producer's profile.
    private static final Map<Class<?>, ObjectReader> READERS = Map.of(
            JobMessage.class, MAPPER.readerFor(JobMessage.class),
            StartedReply.class, MAPPER.readerFor(StartedReply.class),
            OutputReply.class, MAPPER.readerFor(OutputReply.class),
            ResultReply.class, MAPPER.readerFor(ResultReply.class),
            CancelMessage.class, MAPPER.readerFor(CancelMessage.class),
            WorkerInfo.class, MAPPER.readerFor(WorkerInfo.class));
    private static final ObjectWriter WRITER = MAPPER.writer();

    private WireCodec() {
    }

    // ---- messages -------------------------------------------------------------------------

    /** Writes a protocol record (JobMessage, a Reply, CancelMessage, WorkerInfo) as JSON. */
    public static byte[] encode(Object message) {
        try {
            return WRITER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new EncodingException("cannot encode " + message.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a job, failing with a message that says what is wrong with it. */
    public static JobMessage decodeJob(byte[] body) {
        JobMessage job = read(body, JobMessage.class, "job");
        checkVersion(job.v(), "job");
        require(job.id() != null && !job.id().isBlank(), "job has no id");
        require(job.task() != null && !job.task().isBlank(), "job " + job.id() + " names no task");
        require(job.kind() != null, "job " + job.id() + " has no (known) kind");
        return switch (job.kind()) {
            case CALL -> new JobMessage(job.v(), job.id(), job.task(), job.kind(), orEmpty(job.args()),
                    orEmpty(job.kwargs()), null, null, job.processName(), job.reportStart(), job.submittedAt());
            case CHUNK -> {
                require(job.chunk() != null, "chunk job " + job.id() + " has no chunk");
                yield job;
            }
            case PROCESS_CLASS -> new JobMessage(job.v(), job.id(), job.task(), job.kind(), null, null, null,
                    orEmpty(job.fields()), job.processName(), job.reportStart(), job.submittedAt());
        };
    }

    /** Reads a reply; the AMQP type property, not the body, picks the record. */
    public static Reply decodeReply(String type, byte[] body) {
        Reply reply;
        int version;
        if (MessageType.STARTED.equals(type)) {
            StartedReply started = read(body, StartedReply.class, "started reply");
            reply = started;
            version = started.v();
        } else if (MessageType.OUTPUT.equals(type)) {
            OutputReply output = read(body, OutputReply.class, "output reply");
            reply = output;
            version = output.v();
        } else if (MessageType.RESULT.equals(type)) {
            ResultReply result = read(body, ResultReply.class, "result reply");
            require(result.outcome() != null, "result has no (known) outcome");
            reply = result;
            version = result.v();
        } else {
            throw new EncodingException("not a reply: message type '" + type + "'");
        }
        checkVersion(version, type);
        require(reply.id() != null, type + " has no job id");
        return reply;
    }

    public static CancelMessage decodeCancel(byte[] body) {
        CancelMessage cancel = read(body, CancelMessage.class, "cancellation");
        checkVersion(cancel.v(), "cancellation");
        require(cancel.id() != null && cancel.signal() != null, "cancellation without job id or signal");
        return cancel;
    }

    public static WorkerInfo decodeWorkerInfo(byte[] body) {
        WorkerInfo info = read(body, WorkerInfo.class, "worker info");
        checkVersion(info.v(), "worker info");
        return info;
    }

    // ---- values (arguments, results, queue items) ----------------------------------------

    /** A Java value as JSON; a RemoteQueue becomes a queue reference. */
    public static JsonNode toJson(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        JsonValues.check(value);
        try {
            return MAPPER.valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new EncodingException("cannot send a value of type " + value.getClass().getName()
                    + " as JSON: " + rootMessage(e), e);
        }
    }

    public static List<JsonNode> toJsonList(List<?> values) {
        List<JsonNode> out = new ArrayList<>(values.size());
        for (Object value : values) {
            out.add(toJson(value));
        }
        return out;
    }

    public static Map<String, JsonNode> toJsonMap(Map<String, ?> values) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, toJson(v)));
        return out;
    }

    /** JSON as plain Java: Map, List, String, Integer/Long/BigInteger, Double, Boolean, null; queue refs opened. */
    public static Object toJava(JsonNode node, QueueOpener queues) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            QueueRef ref = queueRef(node);
            if (ref != null && queues != null) {
                return queues.open(ref);
            }
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                map.put(field.getKey(), toJava(field.getValue(), queues));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(toJava(element, queues)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /** Converts JSON to a given Java type (records, beans, boxed primitives). */
    public static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new EncodingException("cannot read " + abbreviate(node) + " as " + type.getSimpleName() + ": "
                    + rootMessage(e), e);
        }
    }

    /** A value as the body of a queue item. */
    public static byte[] encodeValue(Object value) {
        try {
            return MAPPER.writeValueAsBytes(toJson(value));
        } catch (JsonProcessingException e) {
            throw new EncodingException("cannot encode value: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses JSON bytes; raises EncodingException if they are not JSON. */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new EncodingException("empty message body");
            }
            return node;
        } catch (IOException e) {
            throw new EncodingException("not valid JSON: " + rootMessage(e), e);
        }
    }

    /** Parses a JSON text typed by a user (CLI arguments). */
    public static JsonNode parse(String text) {
        return parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static String toJsonText(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new EncodingException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static JsonNodeFactory nodes() {
        return MAPPER.getNodeFactory();
    }

    // ---- helpers --------------------------------------------------------------------------

    private static QueueRef queueRef(JsonNode node) {
        if (node.size() != 1 || !node.has(QueueRef.MARKER)) {
            return null;
        }
        JsonNode ref = node.get(QueueRef.MARKER);
        JsonNode name = ref.get("name");
        if (name == null || !name.isTextual()) {
            throw new EncodingException("queue reference without a name: " + node);
        }
        return new QueueRef(name.textValue(), ref.path("maxsize").asInt(0));
    }

    private static <T> T read(byte[] body, Class<T> type, String what) {
        try {
            ObjectReader reader = READERS.get(type);
            T value = reader != null ? reader.readValue(body) : MAPPER.readValue(body, type);
            if (value == null) {
                throw new EncodingException(what + " is empty (JSON null)");
            }
            return value;
        } catch (IOException e) {
            throw new EncodingException(what + " is not valid: " + rootMessage(e), e);
        }
    }

    private static void checkVersion(int v, String what) {
        if (v != WireVersion.CURRENT) {
            throw new EncodingException(what + " uses protocol version " + v + "; this side speaks version "
                    + WireVersion.CURRENT);
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new EncodingException(problem);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> Map<String, T> orEmpty(Map<String, T> map) {
        return map == null ? Map.of() : map;
    }

    private static String rootMessage(Exception e) {
        if (e instanceof JsonProcessingException jpe) {
            return jpe.getOriginalMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : String.valueOf(root.getMessage());
    }

    private static String abbreviate(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    /** A queue handle travels as a reference to the broker queue, never as its state. */
    private static final class QueueRefSerializer extends StdSerializer<RemoteQueue> {
        QueueRefSerializer() {
            super(RemoteQueue.class);
        }

        @Override
        public void serialize(RemoteQueue queue, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeFieldName(QueueRef.MARKER);
            gen.writeStartObject();
            gen.writeStringField("name", queue.name());
            gen.writeNumberField("maxsize", queue.maxsize());
            gen.writeEndObject();
            gen.writeEndObject();
        }
    }
}
