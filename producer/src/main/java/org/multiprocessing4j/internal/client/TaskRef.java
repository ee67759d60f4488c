package org.multiprocessing4j.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.task.CallOptions;
import org.multiprocessing4j.task.Param;
import org.multiprocessing4j.task.TaskDef;
import org.multiprocessing4j.task.ValueType;

/**
 * What a map-like operation calls: a task by name, how its arguments are written, and what its
 * results are read as. Untyped for name-based calls; from a {@link TaskDef} for typed ones.
 */
public record TaskRef<R>(String name, List<ValueType<?>> argTypes, ValueType<R> result, CallOptions options) {

    /** By name, with the pool's options. */
    public static TaskRef<Object> untyped(String name, CallOptions poolDefaults) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a call needs a task name");
        }
        return new TaskRef<>(name, List.of(), ValueType.ANY, poolDefaults);
    }

    /** Typed, with the pool's options over those declared with the task. */
    public static <R> TaskRef<R> of(TaskDef<R> def, CallOptions poolDefaults) {
        return new TaskRef<>(def.name(), def.params().stream().<ValueType<?>>map(Param::type).toList(), def.result(),
                poolDefaults.orElse(def.defaults()));
    }

    List<JsonNode> encode(List<?> args) {
        List<JsonNode> out = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            out.add(ValueCodec.toJson(args.get(i), i < argTypes.size() ? argTypes.get(i) : ValueType.ANY));
        }
        return out;
    }
}
