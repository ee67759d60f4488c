package org.multiprocessing4j.bench;

import java.util.function.DoublePredicate;

/**
 * A goal for one figure (a ratio or an absolute value), with where it comes from, e.g.
 * {@code Target.atLeast(0.85, "issue 15")}.
 */
record Target(String text, String source, DoublePredicate test) {
    static Target atLeast(double min, String source) {
        return new Target(String.format("≥ %.2f", min), source, value -> value >= min);
    }

    static Target atMost(double max, String source) {
        return new Target(String.format("≤ %.2f", max), source, value -> value <= max);
    }

    static Target within(double center, double tolerance, String source) {
        return new Target(String.format("%.1f ± %.1f", center, tolerance), source,
                value -> Math.abs(value - center) <= tolerance);
    }

    String verdict(double value) {
        return Double.isNaN(value) ? "n/a" : test.test(value) ? "met" : "missed";
    }
}
