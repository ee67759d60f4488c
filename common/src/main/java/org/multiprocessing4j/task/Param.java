package org.multiprocessing4j.task;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One named, typed parameter of a {@link TaskDef}: Python's {@code def square(x: int)}.
 *
 * <pre>{@code
 * Param.of("x", Long.class)                          // required
 * Param.of("interval", Double.class).orElse(1.0)     // def f(interval=1.0)
 * Param.of("points", new ValueType<List<Point>>() { })
 * }</pre>
 *
 * @param name         the parameter's name: keyword arguments and error messages use it
 * @param type         what the value is converted to before the task runs
 * @param optional     true when a call may leave it out
 * @param defaultValue the value it takes when left out (optional parameters only)
 */
public record Param<T>(String name, ValueType<T> type, boolean optional, T defaultValue) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public Param {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a parameter name: " + name);
        }
        Objects.requireNonNull(type, "type");
        if (!optional && defaultValue != null) {
            throw new IllegalArgumentException("only an optional parameter has a default");
        }
    }

    public static <T> Param<T> of(String name, Class<T> type) {
        return new Param<>(name, ValueType.of(type), false, null);
    }

    public static <T> Param<T> of(String name, ValueType<T> type) {
        return new Param<>(name, type, false, null);
    }

    /** The same parameter, optional, taking {@code defaultValue} when a call leaves it out. */
    public Param<T> orElse(T defaultValue) {
        return new Param<>(name, type, true, defaultValue);
    }
}
