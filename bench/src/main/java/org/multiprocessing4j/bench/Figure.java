package org.multiprocessing4j.bench;

import java.util.ArrayList;
import java.util.List;

/** A figure without a partner (memory, Pool(3)'s wall time), one value per round, with an optional goal. */
final class Figure {
    private final String measure;
    private final String format;
    private final Target target;
    private final List<Double> values = new ArrayList<>();

    Figure(String measure, String format, Target target) {
        this.measure = measure;
        this.format = format;
        this.target = target;
    }

    void add(double value) {
        values.add(value);
    }

    String measure() {
        return measure;
    }

    Target target() {
        return target;
    }

    Stats stats() {
        return Stats.of(values);
    }

    String figure(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(format, value);
    }

    String format() {
        return format;
    }
}
