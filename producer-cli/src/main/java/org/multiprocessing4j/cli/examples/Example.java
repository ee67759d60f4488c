package org.multiprocessing4j.cli.examples;

import java.io.PrintWriter;
import org.multiprocessing4j.Multiprocessing;

/** One tutorial example: its name on the command line, its section, and the program itself. */
public interface Example {
    /** The name for {@code producer examples run NAME}. */
    String name();

    /** Section of the tutorial, e.g. "6". */
    String section();

    /** The tutorial's heading or comment for it. */
    String title();

    /**
     * Runs the example's main program. Lines the main program prints go to {@code out}; lines the
     * tasks print arrive from the workers through the client's output sink.
     */
    void run(Multiprocessing mp, PrintWriter out) throws Exception;
}
