package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * An envelope's scalar fields read from the parser's current token, coerced as databind coerced
 * them (a number given as a string is read; JSON null is 0 for a number), anything else refused
 * with the field's name.
 */
final class Scalars {
    private Scalars() {
    }

    static boolean isNull(JsonParser p) {
        return p.currentToken() == JsonToken.VALUE_NULL;
    }

    static String string(JsonParser p, String field) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!token.isScalarValue()) {
            throw wrong(p, field, "a string");
        }
        return p.getText();
    }

    static int intValue(JsonParser p, String field) throws IOException {
        long value = longValue(p, field);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw wrong(p, field, "a 32-bit integer");
        }
        return (int) value;
    }

    static long longValue(JsonParser p, String field) throws IOException {
        switch (p.currentToken()) {
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw wrong(p, field, "a 64-bit integer");
                }
                return p.getLongValue();
            case VALUE_NULL:
                return 0;
            case VALUE_STRING:
                try {
                    return Long.parseLong(p.getText().trim());
                } catch (NumberFormatException e) {
                    throw wrong(p, field, "an integer");
                }
            default:
                throw wrong(p, field, "an integer");
        }
    }

    static Boolean bool(JsonParser p, String field) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case VALUE_STRING -> switch (p.getText()) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw wrong(p, field, "true or false");
            };
            default -> throw wrong(p, field, "true or false");
        };
    }

    static void expect(JsonParser p, JsonToken token, String field) throws IOException {
        if (p.currentToken() != token) {
            throw wrong(p, field, token == JsonToken.START_ARRAY ? "a list" : "an object");
        }
    }

    private static IOException wrong(JsonParser p, String field, String expected) {
        String found = p.currentToken() == null ? "nothing" : p.currentToken().isScalarValue()
                ? "'" + abbreviate(p) + "'" : p.currentToken().asString();
        return new IOException("field '" + field + "' should be " + expected + ", found " + found);
    }

    private static String abbreviate(JsonParser p) {
        try {
            String text = p.getText();
            return text.length() > 40 ? text.substring(0, 37) + "..." : text;
        } catch (IOException e) {
            return "?";
        }
    }
}
