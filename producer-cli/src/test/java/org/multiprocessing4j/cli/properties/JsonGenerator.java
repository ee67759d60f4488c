package org.multiprocessing4j.cli.properties;

import java.util.Random;

/** Command-line words for task arguments and queue items: JSON of every shape, text, and near-misses. */
final class JsonGenerator {
    private static final String[] ODD_NUMBERS = {"0", "-0", "1e400", "-1e400", "123456789012345678901234567890",
            "9223372036854775808", "3037000500", "1180591620717411303424", "1.5e-320", "NaN", "Infinity", "0x10", "007"};
    private static final String[] BROKEN = {"[1,", "{oops", "{\"a\":", "\"unterminated", "[1 2]", "{\"a\" 1}", "[]]",
            "{\"k\":undefined}", "[\"a\nb\"]"};
    private static final String[] TEXT = {"hello", "", " ", "林一", "a b", "tab\there", "line\nbreak", "\u202eevil",
            "\0nul", "emoji 😀", "quote\"d", "back\\slash", "true", "null", "nan", "-", "--", "-t", "=", "k=v"};

    private JsonGenerator() {
    }

    static String word(Random random) {
        int kind = random.nextInt(26);
        if (kind < 7 || kind >= 20) {
            return value(random, 0);
        }
        if (kind < 11) {
            return Generated.oneOf(random, TEXT);
        }
        if (kind < 14) {
            return Generated.oneOf(random, ODD_NUMBERS);
        }
        if (kind < 17) {
            return Generated.oneOf(random, BROKEN);
        }
        int depth = Generated.oneOf(random, new Integer[] {499, 501, 1001, 10_000});
        return random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** A valid JSON text, nested at most 3 deep. */
    static String value(Random random, int depth) {
        int kind = random.nextInt(depth >= 3 ? 5 : 7);
        return switch (kind) {
            case 0 -> String.valueOf(random.nextInt(2001) - 1000);
            case 1 -> String.valueOf(random.nextLong());
            case 2 -> String.valueOf(random.nextDouble() * 1e6);
            case 3 -> quoted(Generated.oneOf(random, TEXT));
            case 4 -> Generated.oneOf(random, new String[] {"true", "false", "null"});
            case 5 -> {
                StringBuilder list = new StringBuilder("[");
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.append(value(random, depth + 1)).append(i > 1 ? "," : "");
                }
                yield list.append(']').toString();
            }
            default -> {
                StringBuilder map = new StringBuilder("{");
                for (int i = random.nextInt(3); i > 0; i--) {
                    map.append(quoted(Generated.oneOf(random, TEXT))).append(':').append(value(random, depth + 1))
                            .append(i > 1 ? "," : "");
                }
                yield map.append('}').toString();
            }
        };
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                json.append('\\').appendCodePoint(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", c));
            } else {
                json.appendCodePoint(c);
            }
        });
        return json.append('"').toString();
    }
}
