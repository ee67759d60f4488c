package org.multiprocessing4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A task name with its arguments: Python's {@code target, args, kwargs}. Immutable.
 *
 * <pre>{@code
 * Call.of("run_proc", "林一", 18).kwarg("林三", 16)   // target=run_proc, args=('林一',18), kwargs={'林三':16}
 * }</pre>
 *
 * Arguments and keyword arguments are JSON values: strings, numbers, booleans, null, lists,
 * maps, records or beans, and {@link org.multiprocessing4j.queue.RemoteQueue}s.
 */
public final class Call {
    private final String task;
    private final List<Object> args;
    private final Map<String, Object> kwargs;

    private Call(String task, List<Object> args, Map<String, Object> kwargs) {
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("a call needs a task name");
        }
        this.task = task;
        this.args = Collections.unmodifiableList(args);
        this.kwargs = Collections.unmodifiableMap(kwargs);
    }

    public static Call of(String task, Object... args) {
        return new Call(task, new ArrayList<>(Arrays.asList(args)), new LinkedHashMap<>());
    }

    public static Call of(String task, List<?> args, Map<String, ?> kwargs) {
        return new Call(task, new ArrayList<>(args), new LinkedHashMap<>(kwargs));
    }

    /** A copy with one more keyword argument. */
    public Call kwarg(String name, Object value) {
        Objects.requireNonNull(name, "keyword argument name");
        Map<String, Object> copy = new LinkedHashMap<>(kwargs);
        copy.put(name, value);
        return new Call(task, new ArrayList<>(args), copy);
    }

    /** A copy with these keyword arguments added. */
    public Call kwargs(Map<String, ?> more) {
        Map<String, Object> copy = new LinkedHashMap<>(kwargs);
        copy.putAll(more);
        return new Call(task, new ArrayList<>(args), copy);
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

    @Override
    public String toString() {
        return task + args + (kwargs.isEmpty() ? "" : " " + kwargs);
    }
}
