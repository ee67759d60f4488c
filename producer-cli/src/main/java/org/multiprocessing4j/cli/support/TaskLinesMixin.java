package org.multiprocessing4j.cli.support;

import java.io.PrintWriter;
import org.multiprocessing4j.OutputSink;
import picocli.CommandLine.Option;

/**
 * How the lines a task prints are shown on this terminal ({@code -v} prefixes each with its worker):
 * the same option, with the same effect, for {@code submit}, {@code map}, {@code process start} and
 * {@code process wait}.
 */
public final class TaskLinesMixin {
    @Option(names = {"-v", "--verbose"}, description = "Prefix each printed line with the worker that printed it.")
    boolean verbose;

    /** Where the task's lines go: printed to {@code out} as they come. */
    public OutputSink printedTo(PrintWriter out) {
        return CliSupport.taskOutput(out, verbose);
    }
}
