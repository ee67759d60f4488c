package org.multiprocessing4j.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.errors.TaskTimeoutException;
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

    /** Waits until at least {@code count} workers answer a ping; says so on {@code err} while it waits. */
    public static void awaitWorkers(Multiprocessing mp, int count, Duration timeout, PrintWriter err) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        boolean told = false;
        while (System.nanoTime() < deadline) {
            seen = mp.workers(Duration.ofMillis(500)).size();
            if (seen >= count) {
                return;
            }
            if (!told) {
                err.println("waiting for " + count + " workers (" + seen + " so far)...");
                err.flush();
                told = true;
            }
            sleep(500);
        }
        throw new TaskTimeoutException("only " + seen + " of " + count + " workers answered within "
                + timeout.toSeconds() + " s; start some with scripts/workers start or docker compose up");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
