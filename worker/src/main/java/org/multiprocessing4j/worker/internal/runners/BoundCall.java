package org.multiprocessing4j.worker.internal.runners;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.multiprocessing4j.errors.BadArgumentsException;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.internal.shared.SharedOpener;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.task.Signature;
import org.multiprocessing4j.task.TaskCall;
import org.multiprocessing4j.task.ValueType;
import org.multiprocessing4j.worker.internal.job.JobRun;

/**
 * A {@link TaskCall} whose arguments were bound to the task's signature as JSON and are converted
 * only when the task reads them: to plain Java by {@link #arg(String)}, to a declared type by
 * {@link #arg(String, ValueType)}. A shared object (a queue) is opened once, on first read.
 */
final class BoundCall implements TaskCall {
    private final String jobId;
    private final String taskName;
    private final String processName;
    private final int attempt;
    private final Signature.Bound<JsonNode> bound;
    private final SharedOpener opener;
    private final BooleanSupplier cancelled;
    private final BooleanSupplier timeLimitExceeded;
    private final JobRun run;
    private final Map<String, Object> plain = new HashMap<>(); // named values already read as plain Java
    private List<Object> extraArgs;
    private Map<String, Object> extraKwargs;

    BoundCall(String jobId, String taskName, String processName, int attempt, Signature.Bound<JsonNode> bound,
              SharedOpener opener, BooleanSupplier cancelled, BooleanSupplier timeLimitExceeded, JobRun run) {
        this.jobId = jobId;
        this.taskName = taskName;
        this.processName = processName;
        this.attempt = attempt;
        this.bound = bound;
        this.opener = opener;
        this.cancelled = cancelled;
        this.timeLimitExceeded = timeLimitExceeded;
        this.run = run;
    }

    @Override
    public void progress(long done, long total) {
        if (total < 1 || done < 0 || done > total) {
            throw new IllegalArgumentException(taskName + "() progress must be 0 <= done <= total, total >= 1; got "
                    + done + "/" + total);
        }
        run.reportProgress(done, total);
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
    public synchronized List<Object> args() {
        if (extraArgs == null) {
            List<Object> values = new ArrayList<>(bound.extraArgs().size());
            bound.extraArgs().forEach(node -> values.add(ValueCodec.toJava(node, opener)));
            extraArgs = Collections.unmodifiableList(values);
        }
        return extraArgs;
    }

    @Override
    public synchronized Map<String, Object> kwargs() {
        if (extraKwargs == null) {
            Map<String, Object> values = new LinkedHashMap<>();
            bound.extraKwargs().forEach((key, node) -> values.put(key, ValueCodec.toJava(node, opener)));
            extraKwargs = Collections.unmodifiableMap(values);
        }
        return extraKwargs;
    }

    @Override
    public synchronized Object arg(String name) {
        if (!bound.named().containsKey(name)) {
            throw new IllegalArgumentException(taskName + "() has no parameter '" + name + "'");
        }
        if (!plain.containsKey(name)) {
            plain.put(name, ValueCodec.toJava(bound.named().get(name), opener));
        }
        return plain.get(name);
    }

    @Override
    public <T> T arg(String name, ValueType<T> type) {
        JsonNode node = bound.named().get(name);
        if (type.isAny() || node == null || (node.isObject() && ValueCodec.referencedKind(node) != null)) {
            Object value = arg(name);
            if (value == null || type.isAny() || !(type.type() instanceof Class<?> expected) || expected.isInstance(value)) {
                @SuppressWarnings("unchecked")
                T typed = (T) value;
                return typed;
            }
            throw new BadArgumentsException(taskName + "() argument '" + name + "' must be " + type + ", got "
                    + pythonType(value));
        }
        try {
            return ValueCodec.toValue(node, type, opener);
        } catch (EncodingException e) {
            // A scalar of the wrong type reads as Python says it; a structure that does not fit says why.
            String got = node.isContainerNode() ? ": " + e.getMessage() : ", got " + pythonType(ValueCodec.toJava(node, null));
            throw new BadArgumentsException(taskName + "() argument '" + name + "' must be " + type + got);
        }
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
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    @Override
    public boolean timeLimitExceeded() {
        return timeLimitExceeded.getAsBoolean();
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
