package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.IdentityHashMap;
import java.util.Map;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.internal.shared.SharedHandle;

/**
 * What may travel as an argument, result or queue item: JSON values, spelled in Java.
 * Strings, numbers, booleans, null, enums (by name), lists and other collections, arrays, maps
 * with string keys, records made of these, JSON trees, and queues. Anything else (a Thread, a
 * stream, a bean with getters that happen to exist) is refused with its type and where it sits,
 * rather than turned into whatever its getters return.
 */
final class JsonValues {
    private static final int MAX_DEPTH = 500;

    private JsonValues() {
    }

    static void check(Object value) {
        check(value, "value", 0, new IdentityHashMap<>());
    }

    private static void check(Object value, String path, int depth, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?> || value instanceof JsonNode
                || value instanceof SharedHandle) {
            return;
        }
        if (depth > MAX_DEPTH) {
            throw new EncodingException("cannot send " + shortPath(path) + ": nested too deeply, more than " + MAX_DEPTH
                    + " levels of lists, maps and records");
        }
        if (seen.put(value, Boolean.TRUE) != null) {
            throw new EncodingException("cannot send " + shortPath(path) + ": it contains itself (a cycle)");
        }
        try {
            if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String key)) {
                        throw refuse(path + " (a map key)", entry.getKey(), "map keys must be strings, as in JSON objects");
                    }
                    check(entry.getValue(), path + "[\"" + key + "\"]", depth + 1, seen);
                }
            } else if (value instanceof Iterable<?> iterable) {
                int i = 0;
                for (Object element : iterable) {
                    check(element, path + "[" + i++ + "]", depth + 1, seen);
                }
            } else if (value.getClass().isArray()) {
                for (int i = 0; i < Array.getLength(value); i++) {
                    check(Array.get(value, i), path + "[" + i + "]", depth + 1, seen);
                }
            } else if (value instanceof Record) {
                for (RecordComponent component : value.getClass().getRecordComponents()) {
                    check(component.getAccessor().invoke(value), path + "." + component.getName(), depth + 1, seen);
                }
            } else {
                throw refuse(path, value, "arguments, results and queue items are JSON values: strings, numbers, "
                        + "booleans, null, lists, maps with string keys, records of these, and shared objects such as queues");
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new EncodingException("cannot read " + path + " (" + value.getClass().getName() + "): " + e, e);
        } finally {
            seen.remove(value);
        }
    }

    /** Where in the value, short enough for a one-line message: the start and the end of a deep path. */
    private static String shortPath(String path) {
        return path.length() <= 80 ? path : path.substring(0, 40) + "..." + path.substring(path.length() - 30);
    }

    private static EncodingException refuse(String path, Object value, String why) {
        return new EncodingException("cannot send " + shortPath(path) + " of type " + value.getClass().getName() + ": " + why);
    }
}
