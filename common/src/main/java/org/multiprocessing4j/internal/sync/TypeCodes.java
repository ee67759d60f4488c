package org.multiprocessing4j.internal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;

/**
 * Python's {@code array} typecodes that a Value or Array may hold, as JSON: what fits each, and
 * the Java value read back. Integers are checked against the C type's range, as ctypes would
 * wrap them silently and Python's {@code array} raises OverflowError.
 */
final class TypeCodes {
    private TypeCodes() {
    }

    static String check(String typecode) {
        if (typecode == null || !"bBhHiIlLqQfdcu?".contains(typecode) || typecode.length() != 1) {
            throw new IllegalArgumentException("bad typecode (must be one of b, B, h, H, i, I, l, L, q, Q, f, d, c, u, ?): "
                    + typecode);
        }
        return typecode;
    }

    /** The JSON for {@code value} as typecode {@code code}; IllegalArgumentException if it does not fit. */
    static JsonNode toJson(String code, Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (code) {
            case "f", "d" -> {
                if (value instanceof Number n) {
                    return nodes.numberNode(n.doubleValue());
                }
            }
            case "c", "u" -> {
                if (value instanceof Character c) {
                    return nodes.textNode(c.toString());
                }
                if (value instanceof String s && s.codePointCount(0, s.length()) == 1) {
                    return nodes.textNode(s);
                }
            }
            case "?" -> {
                if (value instanceof Boolean b) {
                    return nodes.booleanNode(b);
                }
            }
            default -> {
                if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                        || value instanceof BigInteger) {
                    long v = ((Number) value).longValue();
                    if (value instanceof BigInteger big && big.bitLength() >= 64 || v < min(code) || v > max(code)) {
                        throw new IllegalArgumentException("value out of range for typecode '" + code + "': " + value);
                    }
                    return nodes.numberNode(v);
                }
            }
        }
        throw new IllegalArgumentException("wrong type for typecode '" + code + "': " + value
                + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")"));
    }

    /** The Java value: Integer for b/B/h/H/i, Long for I/l/L/q/Q, Double for f/d, String for c/u, Boolean for ?. */
    static Object toJava(String code, JsonNode node) {
        return switch (code) {
            case "f", "d" -> node.doubleValue();
            case "c", "u" -> node.textValue();
            case "?" -> node.booleanValue();
            case "b", "B", "h", "H", "i" -> node.intValue();
            default -> node.longValue();
        };
    }

    /** The zero of a typecode, for {@code Array(typecode, size)}. */
    static Object zero(String code) {
        return switch (code) {
            case "f", "d" -> 0.0;
            case "c", "u" -> "\u0000";
            case "?" -> false;
            default -> 0;
        };
    }

    private static long min(String code) {
        return switch (code) {
            case "b" -> Byte.MIN_VALUE;
            case "h" -> Short.MIN_VALUE;
            case "i" -> Integer.MIN_VALUE;
            case "B", "H", "I", "L", "Q" -> 0;
            default -> Long.MIN_VALUE;
        };
    }

    private static long max(String code) {
        return switch (code) {
            case "b" -> Byte.MAX_VALUE;
            case "B" -> 255;
            case "h" -> Short.MAX_VALUE;
            case "H" -> 65_535;
            case "i" -> Integer.MAX_VALUE;
            case "I" -> 4_294_967_295L;
            default -> Long.MAX_VALUE;
        };
    }
}
