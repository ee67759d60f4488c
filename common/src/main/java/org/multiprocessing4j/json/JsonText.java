package org.multiprocessing4j.json;

import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.internal.wire.ValueCodec;

/**
 * JSON text and the plain Java values tasks take and return, by the same rules the wire uses: a
 * number stays as exact as it was written (Integer, Long, BigInteger, Double), objects are maps
 * with their keys in order, and a shared object (a queue) is written as its reference.
 *
 * <pre>{@code
 * Object args = JsonText.parse("[1, 2.5, {\"a\": null}]");   // List.of(1, 2.5, {a=null})
 * String line = JsonText.write(Map.of("squares", List.of(1, 4, 9)));
 * }</pre>
 */
public final class JsonText {
    private JsonText() {
    }

    /** One JSON value as plain Java (Map, List, String, Integer/Long/BigInteger, Double, Boolean, null). */
    public static Object parse(String text) {
        return ValueCodec.toJava(ValueCodec.parse(text), null);
    }

    /** One line of JSON; a value that is not JSON fails with {@link EncodingException} naming its type and place. */
    public static String write(Object value) {
        return ValueCodec.toJsonText(ValueCodec.toJson(value));
    }
}
