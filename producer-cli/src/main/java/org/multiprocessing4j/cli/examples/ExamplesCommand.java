package org.multiprocessing4j.cli.examples;

import org.multiprocessing4j.cli.support.CliSupport;
import org.multiprocessing4j.cli.support.Deadline;
import org.multiprocessing4j.cli.support.OptionValues;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.multiprocessing4j.OutputSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code producer examples list | run NAME... | run --all}. */
@Command(name = "examples", mixinStandardHelpOptions = true,
        description = "The tutorial's examples, run on the workers.",
        subcommands = {ExamplesCommand.ListCommand.class, ExamplesCommand.RunCommand.class})
public final class ExamplesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the examples in the tutorial's order.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (Example example : SeedExamples.all()) {
                out.printf("%-20s §%s  %s%n", example.name(), example.section(), example.title());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Runs examples: their tasks on the workers, their printed lines here.",
            footer = {"", "Examples:", "  producer examples run pool-apply-async", "  producer examples run --all -v"})
    static final class RunCommand implements Callable<Integer> {
        static final int MAX_WAIT_FOR_WORKERS = 1_000;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", arity = "0..*", description = "Example names (see 'examples list').")
        List<String> names;

        @Option(names = "--all", description = "Run every example, in the tutorial's order.")
        boolean all;

        @Option(names = {"-v", "--verbose"}, description = "Prefix task lines with the worker (name and pid) that printed them.")
        boolean verbose;

        @Option(names = "--wait-for-workers", paramLabel = "N", defaultValue = "0",
                description = "First wait (up to 2 min) until N workers answer (docker compose starts them alongside), "
                        + "0 to " + MAX_WAIT_FOR_WORKERS + ".")
        int waitForWorkers;

        @Override
        public Integer call() throws Exception {
            OptionValues.inRange("--wait-for-workers", waitForWorkers, 0, MAX_WAIT_FOR_WORKERS);
            List<Example> selected = select();
            PrintWriter out = spec.commandLine().getOut();
            if (waitForWorkers > 0) {
                CliSupport.withClient(spec, OutputSink.discard(), Deadline.none(), mp -> {
                    CliSupport.awaitWorkers(mp, waitForWorkers, Duration.ofMinutes(2), spec.commandLine().getErr());
                    return 0;
                });
            }
            for (Example example : selected) {
                if (selected.size() > 1) {
                    out.println("=== " + example.name() + " (§" + example.section() + " " + example.title() + ") ===");
                    out.flush();
                }
                OutputSink sink = CliSupport.taskOutput(out, verbose);
                // One client per example: closing it is the end of that Python program, which waits for its children.
                CliSupport.withClient(spec, sink, Deadline.none(), mp -> {
                    example.run(mp, out);
                    out.flush();
                    return 0;
                });
                out.flush();
            }
            return 0;
        }

        private List<Example> select() {
            if (all) {
                if (names != null && !names.isEmpty()) {
                    throw new IllegalArgumentException("give example names or --all, not both");
                }
                return SeedExamples.all();
            }
            if (names == null || names.isEmpty()) {
                throw new IllegalArgumentException("which example? give a name (see 'producer examples list') or --all");
            }
            List<Example> selected = new ArrayList<>();
            for (String name : names) {
                selected.add(SeedExamples.named(name).orElseThrow(() -> new IllegalArgumentException(
                        "no example named '" + name + "'; 'producer examples list' shows them")));
            }
            return selected;
        }
    }
}
