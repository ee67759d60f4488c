package org.multiprocessing4j;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * Where the lines tasks print end up on the producer. By default they are printed to this
 * process's {@code System.out}, as a Python child's {@code print()} shows on the parent's
 * terminal. Called from one thread, in arrival order (per job: the order the task printed).
 */
@FunctionalInterface
public interface OutputSink {
    void line(OutputLine line);

    /** Prints each line's text, nothing else. */
    static OutputSink printTo(PrintStream out) {
        return line -> out.println(line.text());
    }

    static OutputSink printTo(PrintWriter out) {
        return line -> {
            out.println(line.text());
            out.flush();
        };
    }

    /** Drops every line. */
    static OutputSink discard() {
        return line -> { };
    }
}
