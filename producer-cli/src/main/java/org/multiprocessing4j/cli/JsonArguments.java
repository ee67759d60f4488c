package org.multiprocessing4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.multiprocessing4j.cli.support.OptionValues;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.json.JsonText;

/**
 * Command-line words as task arguments. A word that reads as JSON is that JSON value
 * ({@code 3}, {@code 2.5}, {@code true}, {@code null}, {@code [1,2]}, {@code {"a":1}}, {@code "3"});
 * any other word is a string ({@code hello}). A word that starts like JSON ({@code [ { "}) but is
 * not valid JSON is an error, rather than a string the user did not mean.
 */
final class JsonArguments {
    private JsonArguments() {
    }

    static Object parse(String word, boolean allStrings) {
        if (allStrings) {
            return word;
        }
        String trimmed = word.trim();
        boolean looksLikeJson = trimmed.startsWith("[") || trimmed.startsWith("{") || trimmed.startsWith("\"");
        Object value;
        try {
            value = JsonText.parse(trimmed);
        } catch (EncodingException e) {
            if (!looksLikeJson) {
                return word;
            }
            if (e.getMessage().startsWith("not valid JSON")) {
                throw new IllegalArgumentException(shown(word) + " is not valid JSON: "
                        + e.getMessage().substring("not valid JSON".length()).replaceFirst("^: ", "")
                        + " (pass --strings to send every argument as text)");
            }
            throw new EncodingException(shown(word) + " cannot be sent: " + e.getMessage());
        }
        if (!(looksLikeJson || value == null || value instanceof Number || value instanceof Boolean)) {
            return word;
        }
        try {
            JsonText.write(value); // what cannot be sent (nested too deeply) is refused now, before connecting
        } catch (EncodingException e) {
            throw new EncodingException(shown(word) + " cannot be sent: " + e.getMessage().replaceFirst("^cannot send ", ""));
        }
        return value;
    }

    static List<Object> parseAll(List<String> words, boolean allStrings) {
        List<Object> values = new ArrayList<>();
        if (words != null) {
            for (String word : words) {
                values.add(parse(word, allStrings));
            }
        }
        return values;
    }

    /** {@code name=VALUE} pairs, VALUE parsed like an argument. */
    static Map<String, Object> parseKeywords(List<String> pairs, boolean allStrings) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        if (pairs != null) {
            for (String pair : pairs) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("keyword argument must look like name=value, got " + shown(pair));
                }
                kwargs.put(pair.substring(0, eq), parse(pair.substring(eq + 1), allStrings));
            }
        }
        return kwargs;
    }

    /** A result as one line of JSON. */
    static String format(Object value) {
        return JsonText.write(value);
    }

    /** The word in quotes, short and on one line. */
    private static String shown(String word) {
        return OptionValues.quoted(word.length() > 40 ? word.substring(0, 37) + "..." : word);
    }
}
