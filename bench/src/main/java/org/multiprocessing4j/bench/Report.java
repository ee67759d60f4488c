package org.multiprocessing4j.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what the phases measured and renders it as Markdown: the header, one table per group of
 * comparisons, the single figures, notes (what was skipped and why), and at the end every target
 * with its figure, the spread between rounds, and whether it was met.
 */
final class Report {
    static final String TARGETS_HEADING = "## Targets";
    private final Map<String, Comparison> comparisons = new LinkedHashMap<>();
    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private String header = "";

    void header(String text) {
        header = text;
    }

    /** The comparison of that group and measure, made on first use; rounds are added to it. */
    Comparison comparison(String group, String reference, String subject, String measure, String format, Target target) {
        return comparisons.computeIfAbsent(group + "\n" + measure,
                key -> new Comparison(group, reference, subject, measure, format, target));
    }

    /** The figure of that name, made on first use. */
    Figure figure(String measure, String format, Target target) {
        return figures.computeIfAbsent(measure, key -> new Figure(measure, format, target));
    }

    /** A line under the tables: a phase skipped and why, or what a figure means. */
    void note(String text) {
        notes.add(text);
    }

    String render() {
        StringBuilder md = new StringBuilder("# multiprocessing4j benchmark\n\n").append(header).append('\n');
        // Grouped by table, in the order the tables first appeared, whatever order the phases ran in.
        List<String> groups = comparisons.values().stream().map(Comparison::group).distinct().toList();
        for (String group : groups) {
            List<Comparison> rows = comparisons.values().stream().filter(row -> row.group().equals(group)).toList();
            Comparison first = rows.get(0);
            md.append(String.format("%n## %s%n%n| measure | %s | %s | %s / %s (median of rounds) | min–max | target |%n"
                            + "|---|---|---|---|---|---|%n", group, first.referenceLabel(), first.subjectLabel(),
                    first.subjectLabel(), first.referenceLabel()));
            for (Comparison comparison : rows) {
                Stats ratio = comparison.ratio();
                md.append(String.format("| %s | %s | %s | %s | %s | %s |%n", comparison.measure(),
                        comparison.figure(comparison.references().median()),
                        comparison.figure(comparison.subjects().median()), ratio(ratio.median()), ratio.spread("%.2f"),
                        targetCell(comparison.target(), ratio.median())));
            }
        }
        if (!figures.isEmpty()) {
            md.append("\n## Figures\n\n| measure | median | min–max | rounds | target |\n|---|---|---|---|---|\n");
            for (Figure figure : figures.values()) {
                Stats stats = figure.stats();
                md.append(String.format("| %s | %s | %s | %d | %s |%n", figure.measure(), figure.figure(stats.median()),
                        stats.spread(figure.format()), stats.count(), targetCell(figure.target(), stats.median())));
            }
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.append(targets()).toString();
    }

    /** Every goal in one place: the figure, the spread between rounds, met or not. */
    private String targets() {
        StringBuilder md = new StringBuilder(String.format("%n%s%n%n| target | source | goal | figure (median) "
                + "| min–max over rounds | rounds | met |%n|---|---|---|---|---|---|---|%n", TARGETS_HEADING));
        int rows = 0;
        for (Comparison comparison : comparisons.values()) {
            Target target = comparison.target();
            if (target != null) {
                Stats ratio = comparison.ratio();
                md.append(String.format("| %s: %s, %s / %s | %s | %s | %s | %s | %d | %s |%n", comparison.group(),
                        comparison.measure(), comparison.subjectLabel(), comparison.referenceLabel(), target.source(),
                        target.text(), ratio(ratio.median()), ratio.spread("%.2f"), ratio.count(),
                        target.verdict(ratio.median())));
                rows++;
            }
        }
        for (Figure figure : figures.values()) {
            Target target = figure.target();
            if (target != null) {
                Stats stats = figure.stats();
                md.append(String.format("| %s | %s | %s | %s | %s | %d | %s |%n", figure.measure(), target.source(),
                        target.text(), figure.figure(stats.median()), stats.spread(figure.format()), stats.count(),
                        target.verdict(stats.median())));
                rows++;
            }
        }
        return rows == 0 ? md.append("| (no target among the phases run) | | | | | | |\n").toString() : md.toString();
    }

    private static String targetCell(Target target, double value) {
        return target == null ? "" : target.text() + " (" + target.verdict(value) + ")";
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : String.format("%.2f", value);
    }

    static String size(int bytes) {
        return bytes >= 1_000_000 ? bytes / 1_000_000 + " MB" : bytes >= 1000 ? bytes / 1000 + " KB" : bytes + " B";
    }
}
