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

    /** What a command does with its client; what it returns is the command's exit code. */
    @FunctionalInterface
    public interface ClientWork {
        int run(Multiprocessing mp) throws Exception;
    }

    /**
     * Connects (within the deadline), runs {@code work}, and closes, so that nothing the command made
     * outlives it: after {@code work} returned, the client closes as a Python program ends (waiting for
     * what it started, within the deadline); after an error or a timeout, and on Ctrl-C or SIGTERM, it
     * terminates whatever it started that has not finished and leaves at once. Either way its reply
     * queue is deleted.
     */
    public static int withClient(CommandSpec spec, OutputSink output, Deadline deadline, ClientWork work)
            throws Exception {
        BrokerOptions broker = broker(spec);
        broker.settings(); // a bad option is refused before a signal handler is even armed
        Interrupts signals = Interrupts.arm(spec.commandLine().getErr());
        try {
            Multiprocessing mp = broker.connect(output, spec.commandLine().getErr(), deadline);
            signals.attach(mp);
            boolean done = false;
            try {
                int exitCode = work.run(mp);
                done = true;
                return exitCode;
            } finally {
                closeAfter(mp, done, deadline);
            }
        } finally {
            signals.disarm();
        }
    }

    private static void closeAfter(Multiprocessing mp, boolean done, Deadline deadline) {
        if (done) {
            if (!mp.close(deadline.left())) {
                throw new TaskTimeoutException("what this command started did not finish within " + deadline.describe()
                        + "; terminated it");
            }
            return;
        }
        try {
            mp.close(Duration.ZERO);
        } catch (RuntimeException e) {
            // the command already fails with its own error; the broker may be what went wrong
        }
    }

    /**
     * A client for the broker the command line names, connected without a deadline; the caller closes
     * it. Prefer {@link #withClient}: it also bounds the command by its --timeout, closes without
     * waiting after an error, and cleans up on Ctrl-C.
     */
    public static Multiprocessing connect(CommandSpec spec, OutputSink output) {
        return broker(spec).connect(output, spec.commandLine().getErr(), Deadline.none());
    }

    /** Text for the terminal with the broker URI's password hidden, however the URI is spelled. */
    public static String redact(CommandSpec spec, String text) {
        return broker(spec).redact(text);
    }

    /** The broker settings the command line names. */
    public static BrokerSettings settings(CommandSpec spec) {
        return broker(spec).settings();
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
