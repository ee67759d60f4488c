package org.multiprocessing4j.cli;

import java.io.PrintWriter;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import picocli.CommandLine.Model.CommandSpec;

/** What every command needs: a client configured from the global options, and task output on the terminal. */
public final class CliSupport {
    private CliSupport() {
    }

    /** A client for the broker the command line names; failed processes report on the command's stderr. */
    public static Multiprocessing connect(CommandSpec spec, OutputSink output) {
        BrokerOptions broker = ((ProducerMain) spec.root().userObject()).broker;
        return broker.connect(output, spec.commandLine().getErr());
    }

    /** Task lines as the tutorial shows them, or prefixed with the worker that printed them (-v). */
    public static OutputSink taskOutput(PrintWriter out, boolean verbose) {
        return line -> {
            synchronized (out) {
                out.println(verbose ? "[" + line.worker() + " pid " + line.pid() + "] " + line.text() : line.text());
                out.flush();
            }
        };
    }
}
