package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.multiprocessing4j.errors.EncodingException;

/**
 * The one place where protocol messages become bytes and back (values inside them: {@link ValueCodec}).
 *
 * <p>Decoding is strict about what matters (version, ids, task name) and tolerant of fields it
 * does not know, so a newer peer can add optional fields without breaking an older one.
 * Jackson's default typing is off and no type id is ever read from the wire.
 */
public final class WireCodec {
    // Per-task messages (a job and its replies) go through the streaming EnvelopeReader/EnvelopeWriter;
    // the rest (rare) through databind, with readers and the writer built once: ObjectMapper.readValue(bytes,
    // Class) resolves the type on every call, which showed up at the top of the producer's profile.
    private static final Map<Class<?>, ObjectReader> READERS = Map.of(
            CancelMessage.class, Json.MAPPER.readerFor(CancelMessage.class),
            WorkerInfo.class, Json.MAPPER.readerFor(WorkerInfo.class),
            EventBatch.class, Json.MAPPER.readerFor(EventBatch.class),
            ProgressReply.class, Json.MAPPER.readerFor(ProgressReply.class));
    private static final ObjectWriter WRITER = Json.MAPPER.writer();

    private WireCodec() {
    }

    /** Writes a protocol record (JobMessage, a Reply, CancelMessage, WorkerInfo) as JSON. */
    public static byte[] encode(Object message) {
        try {
            byte[] perTask = EnvelopeWriter.write(message);
            return perTask != null ? perTask : WRITER.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new EncodingException("cannot encode " + message.getClass().getSimpleName() + ": " + Json.rootMessage(e), e);
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
                    orEmpty(job.kwargs()), null, null, job.processName(), job.reportStart(), job.submittedAt(),
                    job.options(), job.attempt());
            case CHUNK -> {
                require(job.chunk() != null, "chunk job " + job.id() + " has no chunk");
                yield job;
            }
            case PROCESS_CLASS -> new JobMessage(job.v(), job.id(), job.task(), job.kind(), null, null, null,
                    orEmpty(job.fields()), job.processName(), job.reportStart(), job.submittedAt(), job.options(),
                    job.attempt());
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
        } else if (MessageType.PROGRESS.equals(type)) {
            ProgressReply progress = read(body, ProgressReply.class, "progress reply");
            reply = progress;
            version = progress.v();
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

    public static EventBatch decodeEvents(byte[] body) {
        EventBatch batch = read(body, EventBatch.class, "event batch");
        checkVersion(batch.v(), "event batch");
        require(batch.events() != null, "event batch without events");
        return batch;
    }

    public static WorkerInfo decodeWorkerInfo(byte[] body) {
        WorkerInfo info = read(body, WorkerInfo.class, "worker info");
        checkVersion(info.v(), "worker info");
        return info;
    }

    private static <T> T read(byte[] body, Class<T> type, String what) {
        try {
            T value;
            if (EnvelopeReader.reads(type)) {
                value = EnvelopeReader.read(body, type);
            } else {
                ObjectReader reader = READERS.get(type);
                value = reader != null ? reader.readValue(body) : Json.MAPPER.readValue(body, type);
            }
            if (value == null) {
                throw new EncodingException(what + " is empty (JSON null)");
            }
            return value;
        } catch (IOException e) {
            throw new EncodingException(what + " is not valid: " + Json.rootMessage(e), e);
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
}
