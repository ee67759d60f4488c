package org.multiprocessing4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.Pool;
import org.multiprocessing4j.ResultIterator;
import org.multiprocessing4j.cli.support.CallOptionsMixin;
import org.multiprocessing4j.cli.support.CliSupport;
import org.multiprocessing4j.cli.support.Deadline;
import org.multiprocessing4j.cli.support.OneLine;
import org.multiprocessing4j.cli.support.OptionValues;
import org.multiprocessing4j.cli.support.TaskLinesMixin;
import org.multiprocessing4j.cli.support.TerminalProgress;
import org.multiprocessing4j.errors.TaskTimeoutException;
import org.multiprocessing4j.task.CallOptions;
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
    /** imap sends twice this many chunks ahead of its reader: far more than any cluster runs at once. */
    static final int MAX_PROCESSES = 10_000;
    static final int MAX_CHUNKSIZE = 1_000_000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "Registered task name.")
    String task;

    @Parameters(index = "1..*", paramLabel = "ITEM", description = "Items (or use --file).")
    List<String> items;

    @Option(names = {"-p", "--processes"}, paramLabel = "N", defaultValue = "0",
            description = "At most N tasks at once, 0 to " + MAX_PROCESSES + " (default: no limit beyond the workers' capacity).")
    int processes;

    @Option(names = {"-c", "--chunksize"}, paramLabel = "N", defaultValue = "1",
            description = "Items per job, 1 to " + MAX_CHUNKSIZE + "; bigger chunks mean fewer messages (default ${DEFAULT-VALUE}).")
    int chunksize;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read items from FILE, one per line ('-' for stdin).")
    String file;

    @Option(names = "--star", description = "Each item is a JSON list of positional arguments (starmap).")
    boolean star;

    @Option(names = {"-u", "--unordered"}, description = "Print results as they finish (imap_unordered).")
    boolean unordered;

    @Option(names = {"-s", "--strings"}, description = "Send every item as text, never as JSON.")
    boolean strings;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
            description = "Give up after this long, the whole command included, 0 to 31536000 (exit 4); "
                    + "the tasks not finished then are terminated.")
    Double timeoutSeconds;

    @Option(names = {"-q", "--quiet"}, description = "Do not show what the tasks print; only results.")
    boolean quiet;

    @Mixin
    TaskLinesMixin taskLines;

    @Mixin
    CallOptionsMixin callOptions;

    @Override
    public Integer call() throws Exception {
        OptionValues.inRange("--processes", processes, 0, MAX_PROCESSES);
        OptionValues.inRange("--chunksize", chunksize, 1, MAX_CHUNKSIZE);
        Deadline deadline = Deadline.of("--timeout", timeoutSeconds);
        CallOptions options = callOptions.options(); // a bad option is refused before anything is read or sent
        List<Object> values = JsonArguments.parseAll(words(), strings);
        List<List<?>> argumentLists = star ? argumentLists(values) : null;
        PrintWriter out = spec.commandLine().getOut();
        OutputSink sink = quiet ? OutputSink.discard() : taskLines.printedTo(out);
        return CliSupport.withClient(spec, sink, deadline, mp -> {
            Pool pool = mp.pool(processes, options);
            try (TerminalProgress bar = TerminalProgress.open("map " + task, values.size(), quiet)) {
                if (star) {
                    for (Object result : pool.starmapAsync(task, argumentLists, chunksize, null, null).get(deadline.left())) {
                        print(out, result);
                        bar.step();
                    }
                } else {
                    ResultIterator<Object> results = unordered ? pool.imapUnordered(task, values, chunksize)
                            : pool.imap(task, values, chunksize);
                    for (int i = 0; i < values.size(); i++) {
                        print(out, results.next(deadline.left()));
                        bar.step();
                    }
                }
            } catch (TaskTimeoutException e) {
                throw deadline.expired("map of " + task, "terminated the tasks not finished");
            }
            pool.close();
            return ExitCodes.OK;
        });
    }

    private static void print(PrintWriter out, Object result) {
        synchronized (out) {
            out.println(JsonArguments.format(result));
            out.flush();
        }
    }

    private List<String> words() {
        if (file == null) {
            if (items == null || items.isEmpty()) {
                throw new IllegalArgumentException("no items: give them after TASK or with --file");
            }
            return items;
        }
        if (items != null && !items.isEmpty()) {
            throw new IllegalArgumentException("give items either after TASK or with --file, not both");
        }
        return ItemFile.lines(OptionValues.notEmpty("--file", file));
    }

    private static List<List<?>> argumentLists(List<Object> values) {
        List<List<?>> lists = new ArrayList<>();
        for (Object value : values) {
            if (!(value instanceof List<?> list)) {
                throw new IllegalArgumentException("with --star every item must be a JSON list of arguments, got: "
                        + OneLine.of(abbreviate(JsonArguments.format(value))));
            }
            lists.add(list);
        }
        return lists;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
