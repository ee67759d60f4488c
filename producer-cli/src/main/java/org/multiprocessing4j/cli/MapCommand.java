package org.multiprocessing4j.cli;

import org.multiprocessing4j.cli.support.CallOptionsMixin;
import org.multiprocessing4j.cli.support.CliSupport;
import org.multiprocessing4j.task.CallOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.Pool;
import org.multiprocessing4j.ResultIterator;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code producer map TASK ITEM... --processes N}: one call per item through a pool, results as JSON lines. */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = {"Applies TASK to every item through a pool of N (Python's Pool(N).imap): at most N run at once, "
                + "anywhere in the cluster. Prints one JSON result per line, in item order (or as they finish "
                + "with --unordered). Items come from the command line or, one per line, from --file.",
                "Items are JSON where they read as JSON, text otherwise; with --star each item is a JSON list of "
                        + "arguments (Python's starmap)."},
        footer = {"", "Examples:", "  producer map square 1 2 3 4 --processes 2",
                "  seq 1 1000 | producer map square --file - --processes 8 --chunksize 50",
                "  producer map func 'hello 0' 'hello 1' 'hello 2' -p 3"})
final class MapCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "Registered task name.")
    String task;

    @Parameters(index = "1..*", paramLabel = "ITEM", description = "Items (or use --file).")
    List<String> items;

    @Option(names = {"-p", "--processes"}, paramLabel = "N", defaultValue = "0",
            description = "At most N tasks at once (default: no limit beyond the workers' capacity).")
    int processes;

    @Option(names = {"-c", "--chunksize"}, paramLabel = "N", defaultValue = "1",
            description = "Items per job; bigger chunks mean fewer messages (default ${DEFAULT-VALUE}).")
    int chunksize;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read items from FILE, one per line ('-' for stdin).")
    String file;

    @Option(names = "--star", description = "Each item is a JSON list of positional arguments (starmap).")
    boolean star;

    @Option(names = {"-u", "--unordered"}, description = "Print results as they finish (imap_unordered).")
    boolean unordered;

    @Option(names = {"-s", "--strings"}, description = "Send every item as text, never as JSON.")
    boolean strings;

    @Option(names = {"-q", "--quiet"}, description = "Do not show what the tasks print; only results.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Prefix each printed line with the worker that printed it.")
    boolean verbose;

    @Mixin
    CallOptionsMixin callOptions;

    @Override
    public Integer call() throws IOException {
        if (processes < 0) {
            throw new IllegalArgumentException("--processes must be 0 (no limit) or positive, got " + processes);
        }
        callOptions.options(); // a bad option is refused before anything is read or sent
        List<Object> values = JsonArguments.parseAll(words(), strings);
        PrintWriter out = spec.commandLine().getOut();
        OutputSink sink = quiet ? OutputSink.discard() : CliSupport.taskOutput(out, verbose);
        try (Multiprocessing mp = CliSupport.connect(spec, sink)) {
            CliSupport.terminateOnInterrupt(mp);
            CallOptions options = callOptions.options();
            Pool pool = mp.pool(processes, options);
            try (ProgressBar bar = progressBar(values.size())) {
                if (star) {
                    for (Object result : pool.starmap(task, argumentLists(values), chunksize)) {
                        print(out, result);
                        step(bar);
                    }
                } else {
                    ResultIterator<Object> results = unordered ? pool.imapUnordered(task, values, chunksize)
                            : pool.imap(task, values, chunksize);
                    while (results.hasNext()) {
                        print(out, results.next());
                        step(bar);
                    }
                }
            }
            pool.close();
            return ExitCodes.OK;
        }
    }

    /** A bar with rate and ETA on stderr, only on a terminal (none in pipes, files or CI logs). */
    private ProgressBar progressBar(int items) {
        if (System.console() == null || quiet) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("map " + task).setInitialMax(items).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(200).build();
    }

    private static void step(ProgressBar bar) {
        if (bar != null) {
            bar.step();
        }
    }

    private static void print(PrintWriter out, Object result) {
        synchronized (out) {
            out.println(JsonArguments.format(result));
            out.flush();
        }
    }

    private List<String> words() throws IOException {
        if (file == null) {
            if (items == null || items.isEmpty()) {
                throw new IllegalArgumentException("no items: give them after TASK or with --file");
            }
            return items;
        }
        if (items != null && !items.isEmpty()) {
            throw new IllegalArgumentException("give items either after TASK or with --file, not both");
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = "-".equals(file)
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        return lines;
    }

    private static List<List<?>> argumentLists(List<Object> values) {
        List<List<?>> lists = new ArrayList<>();
        for (Object value : values) {
            if (!(value instanceof List<?> list)) {
                throw new IllegalArgumentException("with --star every item must be a JSON list of arguments, got: "
                        + JsonArguments.format(value));
            }
            lists.add(list);
        }
        return lists;
    }
}
