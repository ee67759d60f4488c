package org.multiprocessing4j.task;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * The Java type of a value that travels as JSON: an argument, a result, a queue item. A class, or
 * a generic type captured by an anonymous subclass (the "super type token" Jackson and Gson use):
 *
 * <pre>{@code
 * ValueType<Long> count = ValueType.of(Long.class);
 * ValueType<List<Point>> points = new ValueType<List<Point>>() { };
 * }</pre>
 *
 * <p>Records, POJOs (bean properties), lists, maps with string keys, enums, boxed primitives and
 * strings convert from and to JSON; {@link #ANY} keeps a value as plain Java (Map, List, String,
 * Integer/Long/BigInteger, Double, Boolean, null). Immutable.
 */
public abstract class ValueType<T> {
    /** Any JSON value, as plain Java: what the name-based, untyped path gives. */
    public static final ValueType<Object> ANY = of(Object.class);
    /** No value: a task that returns nothing (Python's None). */
    public static final ValueType<Void> NONE = of(Void.class);

    private final Type type;

    /** For the anonymous-subclass form: {@code new ValueType<List<Integer>>() { }}. */
    protected ValueType() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType parameterized)) {
            throw new IllegalStateException("write new ValueType<YourType>() { } with a type argument");
        }
        this.type = parameterized.getActualTypeArguments()[0];
    }

    private ValueType(Type type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    public static <T> ValueType<T> of(Class<T> type) {
        return new ValueType<>(type) { };
    }

    /** The Java type, generic arguments included. */
    public Type type() {
        return type;
    }

    /** True for {@link #ANY}: values stay plain Java, with no conversion. */
    public boolean isAny() {
        return type == Object.class;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValueType<?> that && type.equals(that.type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public String toString() {
        return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
    }
}
