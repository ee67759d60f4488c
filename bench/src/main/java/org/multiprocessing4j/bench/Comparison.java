package org.multiprocessing4j.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One measure taken from two sides round by round, back to back (e.g. the baseline then the
 * project): figures are medians over the rounds, the ratio (subject / reference) is the median of
 * the rounds' own ratios, so drift in the machine's speed between rounds cancels.
 */
final class Comparison {
    private final String group;
    private final String reference;
    private final String subject;
    private final String measure;
    private final String format;
    private final Target target;
    private final List<Double> references = new ArrayList<>();
    private final List<Double> subjects = new ArrayList<>();

    /**
     * @param group     the table it goes in (e.g. "Celery 5")
     * @param reference the column of the side compared against (e.g. "Celery")
     * @param subject   the column of the side measured (e.g. "project")
     * @param measure what is measured, with its unit (e.g. "no-op throughput (tasks/s)")
     * @param format  how a figure prints, e.g. "%,.0f"
     * @param target  the goal for the ratio, or null
     */
    Comparison(String group, String reference, String subject, String measure, String format, Target target) {
        this.group = group;
        this.reference = reference;
        this.subject = subject;
        this.measure = measure;
        this.format = format;
        this.target = target;
    }

    void round(double reference, double subject) {
        references.add(reference);
        subjects.add(subject);
    }

    String group() {
        return group;
    }

    String referenceLabel() {
        return reference;
    }

    String subjectLabel() {
        return subject;
    }

    String measure() {
        return measure;
    }

    Target target() {
        return target;
    }

    Stats references() {
        return Stats.of(references);
    }

    Stats subjects() {
        return Stats.of(subjects);
    }

    Stats ratio() {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            ratios.add(subjects.get(i) / references.get(i));
        }
        return Stats.of(ratios);
    }

    String figure(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(format, value);
    }
}
