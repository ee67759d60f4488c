package org.multiprocessing4j.cli.support;

import java.io.PrintWriter;
import java.time.Duration;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.errors.TaskTimeoutException;
import picocli.CommandLine.Model.CommandSpec;

/** What every command needs: a client configured from the global options, and task output on the terminal. */
public final class CliSupport {
    private CliSupport() {
    }

    /** A client for the broker the command line names; failed processes report on the command's stderr. */
    public static Multiprocessing connect(CommandSpec spec, OutputSink output) {
        return broker(spec).connect(output, spec.commandLine().getErr());
    }

    /** The broker settings the command line names. */
    public static BrokerSettings settings(CommandSpec spec) {
        return broker(spec).settings();
    }

    /**
     * Ctrl-C (or SIGTERM) stops the remote work too, as it stops a Python program's children:
     * whatever this client started and has not finished is terminated on its workers.
     */
    public static void terminateOnInterrupt(Multiprocessing mp) {
        Thread hook = new Thread(() -> {
            try {
                mp.terminateAll();
            } catch (RuntimeException e) {
                // the JVM is going down; the broker's stream keeps what was sent
            }
        }, "mp4j-terminate-on-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        mp.onClose(() -> removeHook(hook));
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    private static BrokerOptions broker(CommandSpec spec) {
        return ((WithBrokerOptions) spec.root().userObject()).broker();
    }

    /** The root command: it carries the broker options every subcommand inherits. */
    public interface WithBrokerOptions {
        BrokerOptions broker();
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
