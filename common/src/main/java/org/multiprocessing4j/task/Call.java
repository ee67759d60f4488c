package org.multiprocessing4j.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A task name with its arguments, Python's {@code target, args, kwargs}, and the type its result
 * is read as. Immutable.
 *
 * <pre>{@code
 * Call.of("run_proc", "林一", 18).kwarg("林三", 16)   // untyped: the result is plain Java (Call<Object>)
 * MathTasks.SQUARE.call(7L)                         // typed (a TaskDef): Call<Long>
 * Call.of("square", 7).returning(Long.class)        // an untyped call read as a type
 * }</pre>
 *
 * Arguments and keyword arguments are JSON values: strings, numbers, booleans, null, lists,
 * maps, records, and shared objects such as a {@link org.multiprocessing4j.queue.RemoteQueue};
 * a typed call's arguments may also be POJOs of their declared type.
 */
public final class Call<R> {
    private final String task;
    private final List<Object> args;
    private final Map<String, Object> kwargs;
    private final List<Param<?>> params;   // declared parameters of a typed call, else empty
    private final ValueType<R> resultType;
    private final CallOptions options;    // set on this call
    private final CallOptions declared;   // declared with its task (TaskDef.withDefaults)

    private Call(String task, List<Object> args, Map<String, Object> kwargs, List<Param<?>> params,
                 ValueType<R> resultType, CallOptions options, CallOptions declared) {
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("a call needs a task name");
        }
        this.task = task;
        this.args = Collections.unmodifiableList(args);
        this.kwargs = Collections.unmodifiableMap(kwargs);
        this.params = params;
        this.resultType = Objects.requireNonNull(resultType, "resultType");
        this.options = Objects.requireNonNull(options, "options");
        this.declared = Objects.requireNonNull(declared, "declared");
    }

    public static Call<Object> of(String task, Object... args) {
        return new Call<>(task, new ArrayList<>(Arrays.asList(args)), new LinkedHashMap<>(), List.of(), ValueType.ANY,
                CallOptions.defaults(), CallOptions.defaults());
    }

    public static Call<Object> of(String task, List<?> args, Map<String, ?> kwargs) {
        return new Call<>(task, new ArrayList<>(args), new LinkedHashMap<>(kwargs), List.of(), ValueType.ANY,
                CallOptions.defaults(), CallOptions.defaults());
    }

    static <R> Call<R> typed(String task, List<Object> args, List<Param<?>> params, ValueType<R> resultType,
                             CallOptions declared) {
        return new Call<>(task, new ArrayList<>(args), new LinkedHashMap<>(), params, resultType,
                CallOptions.defaults(), declared);
    }

    /** A copy with one more keyword argument. */
    public Call<R> kwarg(String name, Object value) {
        Objects.requireNonNull(name, "keyword argument name");
        Map<String, Object> copy = new LinkedHashMap<>(kwargs);
        copy.put(name, value);
        return new Call<>(task, new ArrayList<>(args), copy, params, resultType, options, declared);
    }

    /** A copy with these keyword arguments added. */
    public Call<R> kwargs(Map<String, ?> more) {
        Map<String, Object> copy = new LinkedHashMap<>(kwargs);
        copy.putAll(more);
        return new Call<>(task, new ArrayList<>(args), copy, params, resultType, options, declared);
    }

    /** A copy whose result is converted to {@code type} (from JSON, as a typed task's is). */
    public <T> Call<T> returning(Class<T> type) {
        return returning(ValueType.of(type));
    }

    public <T> Call<T> returning(ValueType<T> type) {
        return new Call<>(task, new ArrayList<>(args), new LinkedHashMap<>(kwargs), params, type, options, declared);
    }

    /**
     * A copy with these options set (those left unset in {@code more} keep this call's):
     * {@code call.with(CallOptions.defaults().retries(3).countdown(Duration.ofSeconds(10)))}.
     */
    public Call<R> with(CallOptions more) {
        return new Call<>(task, new ArrayList<>(args), new LinkedHashMap<>(kwargs), params, resultType,
                more.orElse(options), declared);
    }

    /** The options set on this call. */
    public CallOptions options() {
        return options;
    }

    /** The options declared with its task ({@link TaskDef#defaults()}); a call's and a pool's override them. */
    public CallOptions declaredOptions() {
        return declared;
    }

    public String task() {
        return task;
    }

    public List<Object> args() {
        return args;
    }

    public Map<String, Object> kwargs() {
        return kwargs;
    }

    /** The declared type of the i-th positional argument; {@link ValueType#ANY} for an untyped call. */
    public ValueType<?> argType(int i) {
        return i < params.size() ? params.get(i).type() : ValueType.ANY;
    }

    /** What the result is read as; {@link ValueType#ANY} (plain Java) for an untyped call. */
    public ValueType<R> resultType() {
        return resultType;
    }

    @Override
    public String toString() {
        return task + args + (kwargs.isEmpty() ? "" : " " + kwargs);
    }
}
