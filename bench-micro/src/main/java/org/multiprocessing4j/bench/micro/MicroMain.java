package org.multiprocessing4j.bench.micro;

import java.util.Collection;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code scripts/bench --micro [JMH options]}: runs the codec benchmarks with the GC profiler and
 * prints one compact table (time per operation and bytes allocated per operation). Any JMH option
 * passes through, e.g. {@code -f 2 -wi 5} or a benchmark regex.
 */
public final class MicroMain {
    private MicroMain() {
    }

    public static void main(String[] args) throws RunnerException {
        Options options;
        try {
            CommandLineOptions given = new CommandLineOptions(args);
            OptionsBuilder builder = new OptionsBuilder();
            builder.parent(given);
            if (given.getIncludes().isEmpty()) {
                builder.include(CodecBenchmark.class.getSimpleName());
            }
            options = builder
                    .addProfiler("gc")
                    .verbosity(VerboseMode.SILENT)
                    .build();
        } catch (CommandLineOptionException e) {
            System.err.println("bench --micro: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.err.println("running the codec microbenchmarks (JMH, about 2 minutes)...");
        Collection<RunResult> results = new Runner(options).run();
        System.out.printf("%-14s %9s %14s %14s %14s%n", "benchmark", "payload", "ns/op", "+-", "bytes/op");
        for (RunResult run : results) {
            Result<?> primary = run.getPrimaryResult();
            Map<String, Result> secondary = run.getSecondaryResults();
            Result<?> alloc = secondary.get("gc.alloc.rate.norm");
            String label = run.getParams().getBenchmark();
            System.out.printf("%-14s %9s %,14.0f %,14.0f %,14.0f%n", label.substring(label.lastIndexOf('.') + 1),
                    run.getParams().getParam("payloadBytes"), primary.getScore(), primary.getScoreError(),
                    alloc == null ? Double.NaN : alloc.getScore());
        }
    }
}
