package org.multiprocessing4j.worker.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.multiprocessing4j.errors.BadArgumentsException;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.task.Signature;
import org.multiprocessing4j.task.TaskCall;

/** A {@link TaskCall} whose arguments were bound to the task's signature. */
final class BoundCall implements TaskCall {
    private final String jobId;
    private final String taskName;
    private final String processName;
    private final int attempt;
    private final Signature.Bound bound;
    private final BooleanSupplier cancelled;

    BoundCall(String jobId, String taskName, String processName, int attempt, Signature.Bound bound,
              BooleanSupplier cancelled) {
        this.jobId = jobId;
        this.taskName = taskName;
        this.processName = processName;
        this.attempt = attempt;
        this.bound = bound;
        this.cancelled = cancelled;
    }

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public String taskName() {
        return taskName;
    }

    @Override
    public String processName() {
        return processName;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public List<Object> args() {
        return java.util.Collections.unmodifiableList(bound.extraArgs());
    }

    @Override
    public Map<String, Object> kwargs() {
        return java.util.Collections.unmodifiableMap(bound.extraKwargs());
    }

    @Override
    public Object arg(String name) {
        if (!bound.named().containsKey(name)) {
            throw new IllegalArgumentException(taskName + "() has no parameter '" + name + "'");
        }
        return bound.named().get(name);
    }

    @Override
    public String string(String name) {
        Object value = arg(name);
        if (value instanceof String s) {
            return s;
        }
        throw wrongType(name, "a str", value);
    }

    @Override
    public long integer(String name) {
        Object value = arg(name);
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        throw wrongType(name, "an int", value);
    }

    @Override
    public double number(String name) {
        Object value = arg(name);
        if (value instanceof Number n && !(value instanceof BigDecimal)) {
            return n.doubleValue();
        }
        if (value instanceof BigDecimal d) {
            return d.doubleValue();
        }
        throw wrongType(name, "a number", value);
    }

    @Override
    public boolean bool(String name) {
        Object value = arg(name);
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrongType(name, "a bool", value);
    }

    @Override
    public RemoteQueue queue(String name) {
        Object value = arg(name);
        if (value instanceof RemoteQueue q) {
            return q;
        }
        throw wrongType(name, "a Queue", value);
    }

    @Override
    public <T> T arg(String name, Class<T> type) {
        Object value = arg(name);
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        try {
            return WireCodec.convert(WireCodec.toJson(value), type);
        } catch (EncodingException e) {
            throw new BadArgumentsException(taskName + "() argument '" + name + "': " + e.getMessage());
        }
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    private BadArgumentsException wrongType(String name, String expected, Object value) {
        return new BadArgumentsException(taskName + "() argument '" + name + "' must be " + expected + ", got "
                + pythonType(value));
    }

    /** Python's name for the type of a decoded JSON value, so messages read as Python users expect. */
    static String pythonType(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return "int";
        }
        if (value instanceof Number) {
            return "float";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof RemoteQueue) {
            return "Queue";
        }
        return value.getClass().getSimpleName();
    }
}
