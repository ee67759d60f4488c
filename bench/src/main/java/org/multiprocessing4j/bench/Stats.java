package org.multiprocessing4j.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median, min and max of a few rounds' values. */
record Stats(double median, double min, double max, int count) {
    static Stats of(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values.stream().filter(value -> !Double.isNaN(value)).toList());
        if (sorted.isEmpty()) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(median, sorted.get(0), sorted.get(n - 1), n);
    }

    /** "0.81–0.93", or the one value when there is only one round. */
    String spread(String format) {
        if (count == 0) {
            return "";
        }
        return count == 1 ? String.format(format, min) : String.format(format + "–" + format, min, max);
    }
}
