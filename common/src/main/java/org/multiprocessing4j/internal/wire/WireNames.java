package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.Map;

/**
 * The wire names of the envelope's enums (job kind, result outcome), taken from their
 * {@code @JsonProperty} annotations so the streaming codec and databind cannot disagree.
 */
final class WireNames {
    private static final Map<Enum<?>, String> NAMES = new HashMap<>();
    private static final Map<String, JobMessage.Kind> KINDS = new HashMap<>();
    private static final Map<String, ResultReply.Outcome> OUTCOMES = new HashMap<>();

    static {
        for (JobMessage.Kind kind : JobMessage.Kind.values()) {
            KINDS.put(register(kind), kind);
        }
        for (ResultReply.Outcome outcome : ResultReply.Outcome.values()) {
            OUTCOMES.put(register(outcome), outcome);
        }
    }

    private WireNames() {
    }

    static String of(Enum<?> value) {
        return NAMES.get(value);
    }

    /** The kind named, or null for a name this side does not know. */
    static JobMessage.Kind kind(String name) {
        return KINDS.get(name);
    }

    static ResultReply.Outcome outcome(String name) {
        return OUTCOMES.get(name);
    }

    private static String register(Enum<?> value) {
        try {
            JsonProperty property = value.getDeclaringClass().getField(value.name()).getAnnotation(JsonProperty.class);
            String name = property == null ? value.name() : property.value();
            NAMES.put(value, name);
            return name;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
