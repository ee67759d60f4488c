package org.multiprocessing4j.task;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.multiprocessing4j.errors.BadArgumentsException;

/**
 * A task declared once, with its parameter and result types, in a jar both sides share: the
 * worker registers an implementation for it, the producer calls it and gets a typed result.
 *
 * <pre>{@code
 * // shared
 * public final class MathTasks {
 *     public static final TaskDef1<Long, Long> SQUARE =
 *             TaskDef.of("square", Param.of("x", Long.class), Long.class);
 * }
 * // worker: a TaskProvider
 * tasks.task(MathTasks.SQUARE, x -> x * x);
 * // producer
 * AsyncResult<Long> r = pool.applyAsync(MathTasks.SQUARE.call(7L));
 * long squared = r.get();
 * }</pre>
 *
 * <p>On the wire a typed call is the same message as the untyped {@code Call.of("square", 7)}:
 * positional arguments as JSON, so the CLI and clients in other languages call the same task by
 * name. On the worker each argument is converted to its declared type before the task runs; a
 * value that does not fit fails the call with {@code BadArgumentsException} naming the parameter.
 *
 * <p>Arities 0 to 3 have their own types ({@link TaskDef0} ... {@link TaskDef3}) so the compiler
 * checks every argument; more parameters travel well as one record. Immutable.
 */
public abstract sealed class TaskDef<R> permits TaskDef0, TaskDef1, TaskDef2, TaskDef3 {
    private final String name;
    private final List<Param<?>> params;
    private final ValueType<R> result;
    private final boolean varKeywords;
    private final CallOptions defaults;

    TaskDef(String name, List<Param<?>> params, ValueType<R> result, boolean varKeywords, CallOptions defaults) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a task needs a name");
        }
        this.name = name;
        this.params = List.copyOf(params);
        this.result = Objects.requireNonNull(result, "result type");
        this.varKeywords = varKeywords;
        this.defaults = java.util.Objects.requireNonNull(defaults, "defaults");
    }

    public static <R> TaskDef0<R> of(String name, Class<R> result) {
        return new TaskDef0<>(name, ValueType.of(result), false, CallOptions.defaults());
    }

    public static <A, R> TaskDef1<A, R> of(String name, Param<A> a, Class<R> result) {
        return new TaskDef1<>(name, a, ValueType.of(result), false, CallOptions.defaults());
    }

    public static <A, B, R> TaskDef2<A, B, R> of(String name, Param<A> a, Param<B> b, Class<R> result) {
        return new TaskDef2<>(name, a, b, ValueType.of(result), false, CallOptions.defaults());
    }

    public static <A, B, C, R> TaskDef3<A, B, C, R> of(String name, Param<A> a, Param<B> b, Param<C> c, Class<R> result) {
        return new TaskDef3<>(name, a, b, c, ValueType.of(result), false, CallOptions.defaults());
    }

    /** For generic results: {@code TaskDef.of("range", Param.of("n", Integer.class), new ValueType<List<Integer>>() { })}. */
    public static <R> TaskDef0<R> of(String name, ValueType<R> result) {
        return new TaskDef0<>(name, result, false, CallOptions.defaults());
    }

    public static <A, R> TaskDef1<A, R> of(String name, Param<A> a, ValueType<R> result) {
        return new TaskDef1<>(name, a, result, false, CallOptions.defaults());
    }

    public static <A, B, R> TaskDef2<A, B, R> of(String name, Param<A> a, Param<B> b, ValueType<R> result) {
        return new TaskDef2<>(name, a, b, result, false, CallOptions.defaults());
    }

    public static <A, B, C, R> TaskDef3<A, B, C, R> of(String name, Param<A> a, Param<B> b, Param<C> c,
                                                        ValueType<R> result) {
        return new TaskDef3<>(name, a, b, c, result, false, CallOptions.defaults());
    }

    public String name() {
        return name;
    }

    public List<Param<?>> params() {
        return params;
    }

    public ValueType<R> result() {
        return result;
    }

    /** True when the task also takes extra keyword arguments ({@code **kwargs}), read through {@link TaskCall#kwargs()}. */
    public boolean varKeywords() {
        return varKeywords;
    }

    /** The options every call of it gets unless its pool or the call says otherwise (retries, queue, limits...). */
    public CallOptions defaults() {
        return defaults;
    }

    /** How the worker binds a call's arguments to the parameters, as Python binds them. */
    public Signature signature() {
        Signature signature = Signature.of();
        for (Param<?> param : params) {
            signature = param.optional() ? signature.optional(param.name(), param.defaultValue())
                    : signature.required(param.name());
        }
        return varKeywords ? signature.withVarKeywords() : signature;
    }

    /** A call of this task with these arguments, typed by its result. */
    final Call<R> newCall(Object... args) {
        return Call.typed(name, Arrays.asList(args), params, result, defaults);
    }

    /**
     * The argument bound to a parameter, converted to its declared type. A number or boolean
     * parameter refuses None (JSON null) unless None is its default: the task would only fail on it.
     */
    static <T> T argument(TaskCall call, Param<T> param) {
        T value = call.arg(param.name(), param.type());
        if (value == null && NUMBERS_AND_BOOLEANS.contains(param.type().type())
                && !(param.optional() && param.defaultValue() == null)) {
            throw new BadArgumentsException(call.taskName() + "() argument '" + param.name() + "' must be "
                    + param.type() + ", got NoneType");
        }
        return value;
    }

    private static final java.util.Set<java.lang.reflect.Type> NUMBERS_AND_BOOLEANS = java.util.Set.of(
            Integer.class, Long.class, Double.class, Float.class, Short.class, Byte.class, Boolean.class,
            int.class, long.class, double.class, float.class, short.class, byte.class, boolean.class);

    @Override
    public String toString() {
        return name + signature() + " -> " + result;
    }
}
