package org.multiprocessing4j.internal.client;

import java.util.List;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.errors.PoisonTaskException;
import org.multiprocessing4j.errors.RemoteCause;
import org.multiprocessing4j.errors.RemoteTaskException;
import org.multiprocessing4j.errors.TerminatedException;
import org.multiprocessing4j.errors.UnknownTaskException;
import org.multiprocessing4j.internal.shared.SharedOpener;
import org.multiprocessing4j.internal.wire.RemoteError;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.task.ValueType;

/** Turns a result reply into what the caller gets: a Java value, or the exception to throw. */
public final class Outcomes {
    private Outcomes() {
    }

    /** The value of an OK result, read as {@code type}; otherwise throws the matching exception. */
    public static <T> T valueOrThrow(String task, ResultReply reply, ValueType<T> type, SharedOpener opener) {
        if (reply.outcome() == ResultReply.Outcome.OK) {
            return ValueCodec.toValue(reply.value(), type, opener);
        }
        throw failure(task, reply);
    }

    /** A chunk's result: the list of its calls' results, each read as {@code type}. */
    public static <T> List<T> chunkOrThrow(String task, ResultReply reply, ValueType<T> type, SharedOpener opener) {
        if (reply.outcome() != ResultReply.Outcome.OK) {
            throw failure(task, reply);
        }
        if (reply.value() == null || !reply.value().isArray()) {
            throw new MpException("a chunk of " + task + " returned " + reply.value() + " instead of a list of results");
        }
        List<T> values = new java.util.ArrayList<>(reply.value().size());
        reply.value().forEach(node -> values.add(ValueCodec.toValue(node, type, opener)));
        return values;
    }

    /** The exception a failed result stands for. */
    public static MpException failure(String task, ResultReply reply) {
        String where = reply.worker() == null ? "" : "worker " + reply.worker();
        return switch (reply.outcome()) {
            case OK -> throw new IllegalArgumentException("not a failure");
            case TERMINATED -> new TerminatedException("task '" + task + "' was terminated"
                    + (where.isEmpty() ? "" : " on " + where));
            case KILLED -> new TerminatedException("task '" + task + "' was killed" + (where.isEmpty() ? "" : " on " + where));
            case ERROR -> remoteFailure(task, where, reply.error());
        };
    }

    private static RemoteTaskException remoteFailure(String task, String where, RemoteError error) {
        RemoteError safe = error != null ? error : RemoteError.of("java.lang.Exception", "the worker sent no details");
        RemoteCause cause = rebuild(safe, 0);
        if (UnknownTaskException.class.getName().equals(safe.type())) {
            return new UnknownTaskException(task, where, cause);
        }
        if (PoisonTaskException.class.getName().equals(safe.type())) {
            return new PoisonTaskException(task, where, cause);
        }
        return new RemoteTaskException(task, where, cause);
    }

    private static RemoteCause rebuild(RemoteError error, int depth) {
        List<RemoteError.Frame> frames = error.trace() == null ? List.of() : error.trace();
        StackTraceElement[] trace = frames.stream().map(RemoteError.Frame::toStackTraceElement)
                .toArray(StackTraceElement[]::new);
        RemoteCause cause = error.cause() == null || depth > 8 ? null : rebuild(error.cause(), depth + 1);
        return new RemoteCause(error.type(), error.message(), trace, cause);
    }

    /** Python's exit code for a process that ended with this result. */
    public static int exitCode(ResultReply reply) {
        return switch (reply.outcome()) {
            case OK -> 0;
            case ERROR -> 1;
            case TERMINATED -> -15;
            case KILLED -> -9;
        };
    }
}
