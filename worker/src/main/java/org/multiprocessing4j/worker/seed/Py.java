package org.multiprocessing4j.worker.seed;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Python's str(), repr(), print() and time functions, so seed tasks print what the tutorial shows. */
final class Py {
    private Py() {
    }

    /** {@code print(a, b, ...)}: str() of each, separated by one space. */
    static void print(Object... values) {
        StringJoiner line = new StringJoiner(" ");
        for (Object value : values) {
            line.add(str(value));
        }
        System.out.println(line);
    }

    static String str(Object value) {
        return value instanceof String s ? s : repr(value);
    }

    static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value instanceof Double || value instanceof Float) {
            return floatRepr(((Number) value).doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner joiner = new StringJoiner(", ", "{", "}");
            map.forEach((k, v) -> joiner.add(repr(k) + ": " + repr(v)));
            return joiner.toString();
        }
        if (value instanceof List<?> list) {
            StringJoiner joiner = new StringJoiner(", ", "[", "]");
            list.forEach(v -> joiner.add(repr(v)));
            return joiner.toString();
        }
        return String.valueOf(value);
    }

    /** Python's float repr: shortest digits, plain notation, always a decimal point (2.0, 1764262592.123456). */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (Math.abs(d) >= 1e16 || (d != 0 && Math.abs(d) < 1e-4)) {
            // Java "1.0E-5" -> Python "1e-05"; Java "1.5E16" -> Python "1.5e+16"
            BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
            String digits = shortest.unscaledValue().abs().toString();
            int exponent = digits.length() - 1 - shortest.scale();
            String mantissa = (d < 0 ? "-" : "") + digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "");
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        }
        String plain = new BigDecimal(Double.toString(d)).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** {@code time.time()}: seconds since the epoch, as a float. */
    static double time() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() + (now.getNano() / 1000) / 1_000_000.0; // microseconds, like Python on Linux
    }

    /** {@code time.ctime()}: 'Fri Nov 27 16:56:32 2026' (day of month padded with a space). */
    static String ctime() {
        ZonedDateTime now = ZonedDateTime.now();
        return String.format(Locale.ROOT, "%s %s %2d %02d:%02d:%02d %d",
                capitalized(now.getDayOfWeek().name()), capitalized(now.getMonth().name()), now.getDayOfMonth(),
                now.getHour(), now.getMinute(), now.getSecond(), now.getYear());
    }

    /** {@code time.sleep(seconds)}: interruptible, so terminate() stops it. */
    static void sleep(double seconds) throws InterruptedException {
        Thread.sleep(Math.round(seconds * 1000));
    }

    private static String capitalized(String upperName) {
        return upperName.charAt(0) + upperName.substring(1, 3).toLowerCase(Locale.ROOT);
    }
}
