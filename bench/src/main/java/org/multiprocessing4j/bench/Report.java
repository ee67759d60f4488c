package org.multiprocessing4j.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects the rounds and renders medians, ratios and targets as a Markdown report. */
final class Report {
    private final Map<Integer, List<Result>> baselineThroughput = new TreeMap<>();
    private final Map<Integer, List<Result>> projectThroughput = new TreeMap<>();
    private final Map<Integer, Double> workerPeakRss = new TreeMap<>();
    private final List<Result> baselineLatency = new ArrayList<>();
    private final List<Result> quorumLatency = new ArrayList<>();
    private final List<Result> quorumThroughput = new ArrayList<>();
    private final List<Result> projectLatency = new ArrayList<>();
    private final Map<Integer, List<Result>> baselinePayload = new TreeMap<>();
    private final Map<Integer, List<Result>> projectPayload = new TreeMap<>();
    private final Map<Integer, Double> memory = new TreeMap<>();
    private double fillRate;
    private String setup = "";

    void setup(String uri, int rounds, int tasks, int sequential, int waiting) {
        setup = String.format("%d rounds per measurement (medians shown), %,d calls per throughput round, %,d per latency "
                        + "round, %d in flight; %d cores; broker %s. Each round runs baseline and project back to back; a "
                        + "ratio is the median of the rounds' own ratios, so that drift in the machine's speed cancels.", rounds, tasks, sequential, Bench.IN_FLIGHT,
                Runtime.getRuntime().availableProcessors(),
                org.multiprocessing4j.connection.BrokerSettings.defaults().withUri(uri).maskedUri());
    }

    void throughput(int workers, Result baseline, Result project) {
        baselineThroughput.computeIfAbsent(workers, w -> new ArrayList<>()).add(baseline);
        projectThroughput.computeIfAbsent(workers, w -> new ArrayList<>()).add(project);
    }

    void quorumThroughput(Result result) {
        quorumThroughput.add(result);
    }

    void quorumLatency(Result result) {
        quorumLatency.add(result);
    }

    void workerPeakRss(int workers, double mb) {
        workerPeakRss.put(workers, mb);
    }

    void latency(Result baseline, Result project) {
        baselineLatency.add(baseline);
        projectLatency.add(project);
    }

    void payload(int bytes, Result baseline, Result project) {
        baselinePayload.computeIfAbsent(bytes, b -> new ArrayList<>()).add(baseline);
        projectPayload.computeIfAbsent(bytes, b -> new ArrayList<>()).add(project);
    }

    double medianPayload(int bytes, boolean baseline) {
        return median((baseline ? baselinePayload : projectPayload).get(bytes), Result::perSecond);
    }

    void memorySample(int waiting, double rssMb) {
        memory.put(waiting, rssMb);
    }

    void fillRate(double perSecond) {
        fillRate = perSecond;
    }

    String memorySummary() {
        StringBuilder text = new StringBuilder();
        memory.forEach((waiting, mb) -> text.append(String.format("%,d waiting: %.0f MB; ", waiting, mb)));
        return text.toString();
    }

    String render() {
        StringBuilder md = new StringBuilder("# multiprocessing4j benchmark\n\n").append(setup).append("\n\n");
        md.append("Baseline: plain amqp-client request/reply, durable queue, persistent messages, publisher confirms, "
                + "the reply confirmed before the request is acknowledged. Project: Pool.applyAsync / Pool.apply of a "
                + "no-op task (echo for payloads) on workers, results collected.\n\n");
        md.append("| measure | baseline | project | project / baseline | target |\n|---|---|---|---|---|\n");
        for (int workers : baselineThroughput.keySet()) {
            double b = median(baselineThroughput.get(workers), Result::perSecond);
            double p = median(projectThroughput.get(workers), Result::perSecond);
            double ratio = pairedRatio(projectThroughput.get(workers), baselineThroughput.get(workers), Result::perSecond);
            md.append(String.format("| throughput, %d worker%s (calls or tasks/s) | %,.0f | %,.0f | %.2f | %s |%n", workers,
                    workers > 1 ? "s" : "", b, p, ratio, workers == 2 || baselineThroughput.size() == 1 ? "≥ 0.60 "
                            + verdict(ratio >= 0.6) : ""));
        }
        if (!baselineLatency.isEmpty()) {
            double b = median(baselineLatency, Result::p50Ms);
            double p = median(projectLatency, Result::p50Ms);
            double ratio = pairedRatio(projectLatency, baselineLatency, Result::p50Ms);
            md.append(String.format("| sequential call, p50 latency (ms) | %.2f | %.2f | %.2f | ≤ 1.50 %s |%n", b, p, ratio,
                    verdict(ratio <= 1.5)));
            md.append(String.format("| sequential call, p99 latency (ms) | %.2f | %.2f | %.2f | |%n",
                    median(baselineLatency, Result::p99Ms), median(projectLatency, Result::p99Ms),
                    pairedRatio(projectLatency, baselineLatency, Result::p99Ms)));
        }
        for (int bytes : baselinePayload.keySet()) {
            double b = medianPayload(bytes, true);
            double p = medianPayload(bytes, false);
            md.append(String.format("| payload %s each way (calls or tasks/s) | %,.1f | %,.1f | %.2f | |%n", size(bytes), b, p,
                    pairedRatio(projectPayload.get(bytes), baselinePayload.get(bytes), Result::perSecond)));
        }
        if (!quorumThroughput.isEmpty() || !quorumLatency.isEmpty()) {
            md.append("\nThe same baseline on a quorum queue (the type of this project's jobs queue, chosen for its "
                    + "delivery limit: poison jobs are dead-lettered by the broker, and the queue can be replicated):\n\n"
                    + "| measure | baseline, classic queue | baseline, quorum queue | quorum / classic | project / quorum baseline |\n"
                    + "|---|---|---|---|---|\n");
            if (!quorumThroughput.isEmpty() && baselineThroughput.containsKey(2)) {
                double classic = median(baselineThroughput.get(2), Result::perSecond);
                double quorum = median(quorumThroughput, Result::perSecond);
                double project = median(projectThroughput.get(2), Result::perSecond);
                md.append(String.format("| throughput, 2 workers | %,.0f | %,.0f | %.2f | %.2f |%n", classic, quorum,
                        pairedRatio(quorumThroughput, baselineThroughput.get(2), Result::perSecond),
                        pairedRatio(projectThroughput.get(2), quorumThroughput, Result::perSecond)));
            }
            if (!quorumLatency.isEmpty()) {
                double classic = median(baselineLatency, Result::p50Ms);
                double quorum = median(quorumLatency, Result::p50Ms);
                double project = median(projectLatency, Result::p50Ms);
                md.append(String.format("| sequential p50 latency (ms) | %.2f | %.2f | %.2f | %.2f |%n", classic, quorum,
                        pairedRatio(quorumLatency, baselineLatency, Result::p50Ms),
                        pairedRatio(projectLatency, quorumLatency, Result::p50Ms)));
            }
        }
        md.append("\n## Scaling (tasks/s relative to one worker process)\n\n| workers | baseline | project |\n|---|---|---|\n");
        double baselineOne = 0;
        double projectOne = 0;
        for (int workers : baselineThroughput.keySet()) {
            double b = median(baselineThroughput.get(workers), Result::perSecond);
            double p = median(projectThroughput.get(workers), Result::perSecond);
            if (baselineOne == 0) {
                baselineOne = b;
                projectOne = p;
            }
            md.append(String.format("| %d | %,.0f (%.2fx) | %,.0f (%.2fx) |%n", workers, b, b / baselineOne, p, p / projectOne));
        }
        md.append("\n## Memory\n\n| what | MB |\n|---|---|\n");
        workerPeakRss.forEach((workers, mb) -> md.append(String.format("| worker peak RSS, %d-worker run | %.0f |%n", workers, mb)));
        md.append(String.format("| producer peak RSS (project client, throughput) | %.0f |%n",
                median(projectThroughput.values().stream().flatMap(List::stream).toList(), Result::peakRssMb)));
        md.append(String.format("| baseline client peak RSS | %.0f |%n",
                median(baselineThroughput.values().stream().flatMap(List::stream).toList(), Result::peakRssMb)));
        memory.forEach((waiting, mb) -> md.append(String.format("| worker RSS with %,d tasks waiting | %.0f |%n", waiting, mb)));
        if (memory.size() > 1) {
            double first = memory.values().iterator().next();
            double last = new ArrayList<>(memory.values()).get(memory.size() - 1);
            md.append(String.format("%nWorker memory with the queue full vs empty: %.2fx (flat: prefetch bounds what a "
                    + "worker holds). Queue filled at %,.0f jobs/s.%n", last / first, fillRate));
        }
        return md.toString();
    }

    static String size(int bytes) {
        return bytes >= 1_000_000 ? bytes / 1_000_000 + " MB" : bytes >= 1000 ? bytes / 1000 + " KB" : bytes + " B";
    }

    private static String verdict(boolean met) {
        return met ? "(met)" : "(missed)";
    }

    /** The median over rounds of {@code a[i] / b[i]}: each pair ran back to back, on the same machine state. */
    private static double pairedRatio(List<Result> a, List<Result> b, java.util.function.ToDoubleFunction<Result> value) {
        if (a == null || b == null || a.isEmpty() || a.size() != b.size()) {
            return Double.NaN;
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ratios.add(value.applyAsDouble(a.get(i)) / value.applyAsDouble(b.get(i)));
        }
        return medianOf(ratios);
    }

    private static double median(List<Result> results, java.util.function.ToDoubleFunction<Result> value) {
        if (results == null || results.isEmpty()) {
            return Double.NaN;
        }
        List<Double> values = new ArrayList<>();
        results.forEach(result -> values.add(value.applyAsDouble(result)));
        return medianOf(values);
    }

    private static double medianOf(List<Double> values) {
        Collections.sort(values);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }
}
