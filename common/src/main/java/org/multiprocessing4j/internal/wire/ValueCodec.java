package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.internal.shared.SharedKind;
import org.multiprocessing4j.internal.shared.SharedOpener;
import org.multiprocessing4j.task.ValueType;

/**
 * Values (arguments, results, queue items) as JSON and back. Untyped values must be JSON values
 * spelled in Java (see {@link JsonValues}); a value of a declared type (a typed task's argument or
 * result) may also be a POJO of that type. Shared-object references are opened through a
 * {@link SharedOpener}, or left as plain maps without one.
 */
public final class ValueCodec {
    private ValueCodec() {
    }

    /** A JSON value spelled in Java, checked first: anything else is refused with its type and place. */
    public static JsonNode toJson(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        JsonValues.check(value);
        return tree(value);
    }

    /** A value of a declared type: {@link ValueType#ANY} is checked as {@link #toJson(Object)}; other types are trusted. */
    public static JsonNode toJson(Object value, ValueType<?> declared) {
        if (value == null) {
            return NullNode.getInstance();
        }
        return declared.isAny() ? toJson(value) : tree(value);
    }

    /** A value the program itself wrote (a parameter's default): written as Jackson writes it, unchecked. */
    public static JsonNode toJsonTrusted(Object value) {
        return value == null ? NullNode.getInstance() : tree(value);
    }

    public static List<JsonNode> toJsonList(List<?> values) {
        List<JsonNode> out = new ArrayList<>(values.size());
        for (Object value : values) {
            out.add(toJson(value));
        }
        return out;
    }

    public static Map<String, JsonNode> toJsonMap(Map<String, ?> values) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, toJson(v)));
        return out;
    }

    /**
     * JSON as plain Java: Map, List, String, Integer/Long/BigInteger, Double, Boolean, null.
     * References open as live handles through {@code opener}; with a null opener they stay maps.
     */
    public static Object toJava(JsonNode node, SharedOpener opener) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            String kind = opener == null ? null : referencedKind(node);
            if (kind != null) {
                return opener.open(kind, node.get(SharedKind.marker(kind)));
            }
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                map.put(field.getKey(), toJava(field.getValue(), opener));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(toJava(element, opener)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /**
     * JSON converted to a declared type (records, POJOs, generic lists and maps, boxed primitives);
     * a reference opens as a live handle. Raises EncodingException saying what did not fit.
     */
    @SuppressWarnings("unchecked")
    public static <T> T toValue(JsonNode node, ValueType<T> type, SharedOpener opener) {
        if (type.isAny() || (node != null && node.isObject() && referencedKind(node) != null)) {
            return (T) toJava(node, opener);
        }
        JavaType javaType = Json.MAPPER.getTypeFactory().constructType(type.type());
        try {
            return Json.MAPPER.treeToValue(node == null ? NullNode.getInstance() : node, javaType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new EncodingException("cannot read " + abbreviate(node) + " as " + type + ": " + Json.rootMessage(e), e);
        }
    }

    /** A value as the body of a queue item. */
    public static byte[] encodeValue(Object value) {
        try {
            return Json.MAPPER.writeValueAsBytes(toJson(value));
        } catch (JsonProcessingException e) {
            throw new EncodingException("cannot encode value: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses JSON bytes; raises EncodingException if they are not JSON. */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new EncodingException("empty message body");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new EncodingException(constraintMessage(e), e);
        } catch (IOException e) {
            throw new EncodingException("not valid JSON: " + Json.rootMessage(e), e);
        }
    }

    /** Parses a JSON text typed by a user (CLI arguments). */
    public static JsonNode parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String toJsonText(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new EncodingException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The JSON text of a list of values, cut to at most {@code maxChars} characters (ending in "..."
     * when cut). Writing stops once the limit is passed: a 1 MB argument costs a few kilobytes of
     * writing here, not a megabyte (the producer's submitted event keeps only the start).
     */
    public static String toJsonTextAbbreviated(List<JsonNode> values, int maxChars) {
        AbbreviatingWriter out = new AbbreviatingWriter(maxChars);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartArray();
            for (JsonNode value : values) {
                JsonTrees.write(g, value);
            }
            g.writeEndArray();
        } catch (AbbreviatingWriter.Full full) {
            return out.text();
        } catch (IOException e) {
            throw new EncodingException("cannot write JSON: " + Json.rootMessage(e), e);
        }
        return out.text();
    }

    public static JsonNodeFactory nodes() {
        return Json.MAPPER.getNodeFactory();
    }

    /** The kind a one-key object refers to ({@code {"__mp4j_queue__": {...}}} -> queue), else null. */
    public static String referencedKind(JsonNode node) {
        if (node.size() != 1) {
            return null;
        }
        String key = node.fieldNames().next();
        return SharedKind.kindOfMarker(key) != null && node.get(key).isObject() ? SharedKind.kindOfMarker(key) : null;
    }

    private static JsonNode tree(Object value) {
        JsonNode scalar = scalarNode(value);
        if (scalar != null) {
            return scalar;
        }
        try {
            return Json.MAPPER.valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new EncodingException("cannot send a value of type " + value.getClass().getName()
                    + " as JSON: " + Json.rootMessage(e), e);
        }
    }

    /**
     * The common scalars made into nodes directly: the same nodes valueToTree makes, without the
     * token buffer and serializer lookup it sets up per value (an argument or result each task).
     */
    private static JsonNode scalarNode(Object value) {
        JsonNodeFactory nodes = Json.MAPPER.getNodeFactory();
        if (value instanceof String text) {
            return nodes.textNode(text);
        } else if (value instanceof Integer number) {
            return nodes.numberNode(number.intValue());
        } else if (value instanceof Long number) {
            return nodes.numberNode(number.longValue());
        } else if (value instanceof Boolean bool) {
            return nodes.booleanNode(bool);
        } else if (value instanceof Double number) {
            return nodes.numberNode(number.doubleValue());
        }
        return null;
    }

    /**
     * A document past a reading limit is valid JSON, just too big: say which limit, in one short line
     * (not a "not valid JSON" naming Jackson's configuration methods).
     */
    private static String constraintMessage(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return "JSON nested too deeply: more than "
                    + Json.MAPPER.getFactory().streamReadConstraints().getMaxNestingDepth() + " levels of lists and objects";
        }
        int from = message.indexOf(" (from `");
        return "JSON too large to read: " + (from > 0 ? message.substring(0, from) : message);
    }

    private static String abbreviate(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
