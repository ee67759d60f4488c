package org.multiprocessing4j.cli.support;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Checks of option values, made before the command connects: a value out of range is refused with
 * one line naming the option and the value (picocli turns the exception into exit code 2).
 */
public final class OptionValues {
    /** A year: longer is a typo (1e18), and would overflow the clock's arithmetic. */
    public static final double MAX_TIMEOUT_SECONDS = 31_536_000;

    private OptionValues() {
    }

    /** Seconds from 0 to a year, as a Duration; NaN, infinities, negative and larger values are refused. */
    public static Duration seconds(String option, double seconds) {
        if (!(seconds >= 0 && seconds <= MAX_TIMEOUT_SECONDS)) { // also refuses NaN
            throw new IllegalArgumentException(option + " must be from 0 to " + plain(MAX_TIMEOUT_SECONDS)
                    + " seconds, got " + plain(seconds));
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    public static int inRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    /**
     * The value of an option that has no meaningful empty form: given empty (a script's unset
     * variable) it is an error, never the default.
     */
    public static String notEmpty(String option, String value) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(option + " is empty: give a value, or leave the option out for the default");
        }
        return value;
    }

    /**
     * A value that goes into names and messages must be one printable line: a line break or control
     * character would forge lines of output. A secret (a URI with its password) is not shown.
     */
    public static String printable(String option, String value, boolean secret) {
        if (value != null && value.codePoints().anyMatch(OptionValues::isUnprintable)) {
            throw new IllegalArgumentException(option + " must not contain line breaks or control characters"
                    + (secret ? "" : ", got " + quoted(value)));
        }
        return value;
    }

    /** The value in quotes on one line: unprintable characters escaped, the middle of a long one cut. */
    public static String quoted(String value) {
        String shown = value.length() > 60 ? value.substring(0, 40) + "..." + value.substring(value.length() - 10) : value;
        StringBuilder quoted = new StringBuilder("'");
        shown.codePoints().forEach(c -> {
            if (isUnprintable(c)) {
                quoted.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format("\\u%04x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('\'').toString();
    }

    /** Control and format characters (bidi overrides, zero-width), line and paragraph separators, lone surrogates. */
    static boolean isUnprintable(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    /** A number as a person writes it: 2, 0.5, 1.0E18, NaN. */
    static String plain(double value) {
        if (!Double.isFinite(value) || Math.abs(value) >= 1e9) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
